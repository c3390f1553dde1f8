/**
 * What every bot turn in a team reads first: the person with their roles and the network the
 * team is bound to. Nothing is cached, so nothing can be stale; instead the turns that arrive
 * together are read together (issue 15): in a burst of 1,000 voters each one's own row was the
 * one statement per vote left outside the votes' group commit. A turn alone is read at once.
 */
import type { Database } from '../../platform/db/port.js';
import type { Actor } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import { GATHER, GroupBatcher } from '../../shared/batcher.js';
import { actorJsonSql, actorFromRow, type ActorRow } from '../../identity/sql/actors.js';
import { teamNetworkJsonSql, networkFromJson } from '../../network/sql/networks.js';

export interface TurnContext {
  actor: Actor | undefined;
  teamNetwork: Network | undefined;
}

interface TurnKey {
  tenantId: string;
  aadObjectId: string;
  teamId: string;
}

type Row = { actor: ActorRow | null; network: Parameters<typeof networkFromJson>[0] | null };

async function readTurns(db: Database, keys: TurnKey[]): Promise<TurnContext[]> {
  const { rows } = await db.query<Row>(
    `SELECT (${actorJsonSql('k.tenant', 'k.aad')}) AS actor, (${teamNetworkJsonSql('k.team')}) AS network
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(tenant, aad, team, ord)
      ORDER BY k.ord`,
    [keys.map((k) => k.tenantId), keys.map((k) => k.aadObjectId), keys.map((k) => k.teamId)],
  );
  return keys.map((k, i) => {
    const row = rows[i];
    return {
      actor: row?.actor ? actorFromRow(row.actor, k.tenantId, k.aadObjectId) : undefined,
      teamNetwork: row?.network ? networkFromJson(row.network) : undefined,
    };
  });
}

// One batcher per database: a test process runs several apps, each on its own.
const batchers = new WeakMap<Database, GroupBatcher<TurnKey, TurnContext>>();

function batcherOf(db: Database): GroupBatcher<TurnKey, TurnContext> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new GroupBatcher((_, keys) => readTurns(db, keys), GATHER[db.kind]);
    batchers.set(db, batcher);
  }
  return batcher;
}

export function loadTurnContext(db: Database, tenantId: string, aadObjectId: string, teamId: string): Promise<TurnContext> {
  return batcherOf(db).submit('turn', `${tenantId}\n${aadObjectId}\n${teamId}`, { tenantId, aadObjectId, teamId });
}

/** For the benchmark: how many statements the turns' reads took. */
export function turnReadStats(db: Database): { batches: number; votes: number; largest: number } | undefined {
  return batchers.get(db)?.stats;
}
