import { policy, type Actor } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import type { AdminAccess } from '../contract.js';

/** What the admin view may offer the caller: asked of the policy, so the tab never guesses. */
export function adminAccess(actor: Actor, network: Network): AdminAccess {
  return {
    canManage: policy.manageMembers(actor, network).allowed,
    canEnd: !network.endedAt && policy.endNetwork(actor, network).allowed,
    canReopen: !!network.endedAt && policy.reopenNetwork(actor, network).allowed,
    coordinatesRegion: policy.manageRegionCoordinators(actor, network.regionId).allowed,
  };
}
