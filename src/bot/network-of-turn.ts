import type { TurnContext } from 'botbuilder';
import { findNetworkByTeam, listNetworks, networksOfPerson } from '../db/sql/networks.js';
import type { Network } from '../domain/types.js';
import { teamIdOf, tenantIdOf } from './conversation.js';
import type { BotDeps } from './deps.js';

/**
 * Which network a turn is about: the team the conversation lives in, else the person's own
 * network. Local mode alone falls back to the only network there is, so a fresh Playground
 * user still sees the demo.
 */
export async function networkOfTurn(turn: TurnContext, deps: BotDeps): Promise<Network | undefined> {
  const activity = turn.activity;
  const teamId = teamIdOf(activity);
  if (teamId) {
    const byTeam = await findNetworkByTeam(deps.db, teamId);
    if (byTeam) return byTeam;
  }
  const tenantId = tenantIdOf(activity);
  const aadObjectId = activity.from?.aadObjectId;
  if (tenantId && aadObjectId) {
    const own = await networksOfPerson(deps.db, tenantId, aadObjectId);
    if (own[0]) return own[0];
  }
  if (deps.mode === 'local') {
    const all = await listNetworks(deps.db);
    if (all.length === 1) return all[0];
  }
  return undefined;
}
