import type { Queryable } from '../../platform/db/port.js';

/** The regions with these ids (the ones a caller coordinates), by name. */
export async function regionsByIds(db: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(`SELECT id, name FROM region WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
  return rows;
}
