import type { Queryable } from '../../platform/db/port.js';

export interface AssignmentToRemind {
  id: string;
  networkId: string;
  dueAt: Date;
  title: string;
}

/** A mellomarbeid assignment as its due reminder shows it, unless its network is archived. */
export async function assignmentToRemind(db: Queryable, assignmentId: string): Promise<AssignmentToRemind | undefined> {
  const { rows } = await db.query<AssignmentToRemind>(
    `SELECT a.id, a.network_id AS "networkId", a.due_at AS "dueAt", a.title
       FROM mellomarbeid_assignment a JOIN network n ON n.id = a.network_id
      WHERE a.id = $1 AND n.archived_at IS NULL`,
    [assignmentId],
  );
  const r = rows[0];
  return r && { ...r, dueAt: new Date(r.dueAt) };
}

/** Assignments of active networks due after `now`; with `networkId`, only that network's. */
export async function upcomingAssignmentIds(db: Queryable, now: Date, networkId?: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT a.id FROM mellomarbeid_assignment a JOIN network n ON n.id = a.network_id
      WHERE a.due_at > $1 AND n.archived_at IS NULL AND ($2::uuid IS NULL OR a.network_id = $2)`,
    [now.toISOString(), networkId ?? null],
  );
  return rows.map((r) => r.id);
}

/** Deltakere of the municipalities that have not delivered the assignment yet (status before «levert»). */
export async function deltakereWithoutDelivery(db: Queryable, networkId: string, assignmentId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT nm.member_id AS id FROM network_member nm
       JOIN mellomarbeid_status s ON s.assignment_id = $2 AND s.municipality_number = nm.municipality_number
      WHERE nm.network_id = $1 AND nm.role = 'deltaker' AND s.status IN ('ikke-startet', 'pabegynt')`,
    [networkId, assignmentId],
  );
  return rows.map((r) => r.id);
}
