import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths.js';
import type { Database } from './port.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number.parseInt(file.slice(0, 3), 10),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Applies pending migrations in one transaction under an advisory lock keyed by schema, so
 * two instances starting at once against one server take turns and the second finds
 * nothing left to do.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  // The usual start: everything applied. Two reads and no lock, DDL or transaction; whatever
  // they find applied is committed, so only a start that finds something missing takes the lock.
  const { rows: table } = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migration')::text AS t`);
  if (table[0]?.t) {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migration');
    const done = new Set(rows.map((r) => r.version));
    if (migrations.every((m) => done.has(m.version))) return [];
  }
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('samlingspunkt.migrate.' || current_schema()))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migration');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
