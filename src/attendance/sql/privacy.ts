import type { Queryable } from '../../platform/db/port.js';

/**
 * A person's attendance for their data export (src/privacy): each activity they were recorded
 * at, with the municipality and sector it was counted under and where the record came from.
 * Deleting the person deletes these rows with them (ON DELETE CASCADE in migration 014).
 */
export async function exportAttendance(db: Queryable, memberId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{ data: unknown }>(
    `SELECT COALESCE(json_agg(json_build_object('aktivitet', p.title, 'start', p.starts_at, 'kommune', trim(a.municipality_number),
                                                'sektor', a.sector, 'kilde', a.source, 'minutter', a.minutes) ORDER BY p.starts_at), '[]'::json) AS data
       FROM attendance a JOIN plan_item p ON p.id = a.plan_item_id WHERE a.member_id = $1`,
    [memberId],
  );
  return { oppmøte: rows[0]?.data ?? [] };
}

/** Retention: a network whose time is up loses its attendance (guests' names included) and what the import learned. */
export async function purgeNetworkAttendance(db: Queryable, networkIds: readonly string[]): Promise<void> {
  if (networkIds.length === 0) return;
  await db.query(`DELETE FROM attendance WHERE network_id = ANY($1::uuid[])`, [networkIds]);
  await db.query(`DELETE FROM attendance_alias WHERE network_id = ANY($1::uuid[])`, [networkIds]);
}
