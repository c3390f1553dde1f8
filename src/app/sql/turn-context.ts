/**
 * What every bot turn in a team reads first, in one round trip: the person with their roles and
 * the network the team is bound to. On the vote path these were two of a vote's three
 * statements (issue 15); nothing is cached, so nothing can be stale.
 */
import type { Queryable } from '../../platform/db/port.js';
import type { Actor } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import { ACTOR_JSON_SQL, actorFromRow, type ActorRow } from '../../identity/sql/actors.js';
import { TEAM_NETWORK_JSON_SQL, networkFromJson } from '../../network/sql/networks.js';

export async function loadTurnContext(
  db: Queryable,
  tenantId: string,
  aadObjectId: string,
  teamId: string,
): Promise<{ actor: Actor | undefined; teamNetwork: Network | undefined }> {
  const { rows } = await db.query<{ actor: ActorRow | null; network: Parameters<typeof networkFromJson>[0] | null }>(
    `SELECT (${ACTOR_JSON_SQL}) AS actor, (${TEAM_NETWORK_JSON_SQL}) AS network`,
    [tenantId, aadObjectId, teamId],
  );
  const row = rows[0];
  return {
    actor: row?.actor ? actorFromRow(row.actor, tenantId, aadObjectId) : undefined,
    teamNetwork: row?.network ? networkFromJson(row.network) : undefined,
  };
}
