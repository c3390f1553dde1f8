import type { Queryable } from '../../platform/db/port.js';

/** Stores `value` under `name` unless a value is already there, then returns the stored one (two instances agree). */
export async function localSecretOnce(db: Queryable, name: string, value: Uint8Array): Promise<Uint8Array> {
  await db.query(`INSERT INTO local_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, value]);
  const { rows } = await db.query<{ value: Uint8Array }>(`SELECT value FROM local_secret WHERE name = $1`, [name]);
  return rows[0]!.value;
}
