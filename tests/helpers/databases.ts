import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The same data, opened again: a restart, or a second instance (Postgres only). */
export interface ReopenableStorage {
  /** The first call opens the data; later calls open the same data anew. */
  open(): Promise<Database>;
  schedulerSchema: string;
  /** Removes what was made for it (PGlite's directory). */
  remove(): void;
}

/** PGlite in a temporary directory (one process at a time), or one Postgres schema. */
export async function reopenableStorage(kind: DatabaseKind, prefix = 'samlingspunkt-data-'): Promise<ReopenableStorage> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    return { open: () => openPglite(dir), schedulerSchema: 'pgboss', remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const first = await openTestDatabase('postgres');
  let opened = false;
  return {
    open: async () => (opened ? openSameSchema(first.schema!) : ((opened = true), first.db)),
    schedulerSchema: first.schedulerSchema,
    remove: () => undefined,
  };
}
