import { findNetworkById, findNetworkByTeam, listNetworks } from '../sql/networks.js';
import type { Actor } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import type { BotDeps } from '../../shared/bot/deps.js';
import type { BotTurnIO } from '../../shared/bot/turn.js';

/**
 * Which network a turn is about: the team the conversation lives in, else the person's own
 * network. Local mode alone falls back to the only network there is (or the only one bound to a
 * team), so a fresh Playground user still meets the demo (and its onboarding).
 */
export async function networkOfTurn(
  turn: BotTurnIO,
  deps: BotDeps,
  actor: Actor,
  /** The team's network when it was already read with the actor (null: the team has none). */
  teamNetwork?: Network | null,
): Promise<Network | undefined> {
  const { teamId } = turn.activity.conversation;
  if (teamId) {
    const byTeam = teamNetwork === undefined ? await findNetworkByTeam(deps.db, teamId) : teamNetwork;
    if (byTeam) return byTeam;
  }
  const own = actor.memberships[0];
  if (own) return findNetworkById(deps.db, own.networkId);
  if (actor.coordinatorRegionIds.length > 0) {
    const coordinated = (await listNetworks(deps.db)).find((n) => actor.coordinatorRegionIds.includes(n.regionId));
    if (coordinated) return coordinated;
  }
  if (deps.mode === 'local') {
    const all = await listNetworks(deps.db);
    if (all.length === 1) return all[0];
    // The demo has more networks, but only its main one is bound to a team (the Playground's).
    const withTeam = all.filter((n) => n.teamsTeamId);
    if (withTeam.length === 1) return withTeam[0];
  }
  return undefined;
}
