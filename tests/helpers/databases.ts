import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openPglite } from '../../src/platform/db/pglite.js';
import type { Database } from '../../src/platform/db/port.js';
import { openPostgres } from '../../src/platform/db/postgres.js';

export const databaseKinds = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

export const postgresUrl = (): string => inject('pgUrl');

/** True when a suite for this kind must be skipped (Postgres missing and not required). */
export function skipKind(kind: DatabaseKind): boolean {
  return kind === 'postgres' && postgresUrl() === '';
}

export interface TestDatabase {
  db: Database;
  /** pg-boss schema to use with this database. */
  schedulerSchema: string;
  /** The Postgres schema (undefined on PGlite). */
  schema: string | undefined;
}

export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A fresh database per test: an in-memory PGlite, or its own schema on the Postgres server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') return { db: await openPglite(undefined), schedulerSchema: 'pgboss', schema: undefined };
  const schema = uniqueSchema();
  const db = await openPostgres({ connectionString: postgresUrl(), schema });
  return { db, schedulerSchema: `${schema}_boss`, schema };
}

/** A second connection pool onto the same Postgres schema (two app instances). */
export async function openSameSchema(schema: string): Promise<Database> {
  return openPostgres({ connectionString: postgresUrl(), schema });
}
