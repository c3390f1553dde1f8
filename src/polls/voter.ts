import type { Actor } from '../shared/policy.js';
import type { Voter } from './service.js';

/** The caller as a poll sees them, in a network: the same for a card's button and the tab. */
export function voterOf(ctx: { actor: Actor }, networkId: string): Voter {
  const membership = ctx.actor.memberships.find((m) => m.networkId === networkId);
  return {
    memberId: ctx.actor.memberId,
    tenantId: ctx.actor.tenantId,
    aadObjectId: ctx.actor.aadObjectId,
    municipalityNumber: membership?.municipalityNumber ?? null,
    isFacilitator: membership?.role === 'fasilitator',
  };
}
