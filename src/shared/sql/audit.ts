import type { Queryable } from '../../platform/db/port.js';

export interface AuditEntry {
  /** Null for what the app did on its own (a Teams meeting that ended closes its polls). */
  actorMemberId: string | null;
  actorName: string;
  regionId: string;
  networkId: string | null;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

/** Called inside the same transaction as the change, so a change never lands without its entry. */
export async function recordAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_member_id, actor_name, region_id, network_id, action, target, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.actorMemberId, e.actorName, e.regionId, e.networkId, e.action, e.target, JSON.stringify(e.details ?? {})],
  );
}

export interface AuditRow {
  at: Date;
  actorName: string;
  actorDeleted: boolean;
  networkId: string | null;
  networkName: string | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export async function auditForRegion(db: Queryable, regionId: string, limit: number): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT a.at, a.actor_name AS "actorName", a.actor_member_id IS NULL AS "actorDeleted",
            a.network_id AS "networkId", n.name AS "networkName", a.action, a.target, a.details
       FROM audit_log a LEFT JOIN network n ON n.id = a.network_id
      WHERE a.region_id = $1
      ORDER BY a.at DESC, a.id DESC
      LIMIT $2`,
    [regionId, limit],
  );
  return rows;
}
