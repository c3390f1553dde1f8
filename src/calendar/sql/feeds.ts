import type { Queryable } from '../../platform/db/port.js';

export interface FeedRow {
  createdAt: Date;
  lastFetchedAt: Date | null;
}

/** The person's feed address for this scope (networkId null: their personal feed), if any. */
export async function findFeed(db: Queryable, memberId: string, networkId: string | null): Promise<FeedRow | undefined> {
  const { rows } = await db.query<FeedRow>(
    `SELECT created_at AS "createdAt", last_fetched_at AS "lastFetchedAt"
       FROM calendar_feed WHERE member_id = $1 AND network_id IS NOT DISTINCT FROM $2::uuid`,
    [memberId, networkId],
  );
  return rows[0];
}

/** A new secret for this scope, replacing the old one in the same statement: the old address stops working at once. */
export async function replaceFeed(db: Queryable, memberId: string, networkId: string | null, tokenHash: string, now: Date): Promise<Date> {
  const conflict =
    networkId === null ? `(member_id) WHERE network_id IS NULL` : `(member_id, network_id) WHERE network_id IS NOT NULL`;
  const { rows } = await db.query<{ createdAt: Date }>(
    `INSERT INTO calendar_feed (member_id, network_id, token_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT ${conflict}
     DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, last_fetched_at = NULL
     RETURNING created_at AS "createdAt"`,
    [memberId, networkId, tokenHash, now.toISOString()],
  );
  return new Date(rows[0]!.createdAt);
}

export async function deleteFeed(db: Queryable, memberId: string, networkId: string | null): Promise<boolean> {
  const res = await db.query(`DELETE FROM calendar_feed WHERE member_id = $1 AND network_id IS NOT DISTINCT FROM $2::uuid`, [memberId, networkId]);
  return res.rowCount > 0;
}

export interface FeedOwner {
  id: string;
  memberId: string;
  networkId: string | null;
  tenantId: string;
  aadObjectId: string;
}

/** Whose feed a secret opens, noting the fetch (the tab shows whether the address is in use). */
export async function openFeed(db: Queryable, tokenHash: string, now: Date): Promise<FeedOwner | undefined> {
  const { rows } = await db.query<FeedOwner>(
    `UPDATE calendar_feed f SET last_fetched_at = $2
       FROM member m
      WHERE f.token_hash = $1 AND m.id = f.member_id
      RETURNING f.id, f.member_id AS "memberId", f.network_id AS "networkId", m.tenant_id AS "tenantId", m.aad_object_id AS "aadObjectId"`,
    [tokenHash, now.toISOString()],
  );
  return rows[0];
}
