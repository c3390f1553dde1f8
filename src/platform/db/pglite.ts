import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database, QueryResult, Transaction } from './port.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

function toResult<Row>(res: { rows: unknown[]; affectedRows?: number }): QueryResult<Row> {
  // PGlite reports affectedRows 0 for a SELECT; pg's rowCount counts the rows returned.
  return { rows: res.rows as Row[], rowCount: res.rows.length > 0 ? res.rows.length : (res.affectedRows ?? 0) };
}

/**
 * PGlite has a single session: a failed statement inside an explicit transaction would leave
 * it aborted for every later caller, so every failure path here ends in ROLLBACK.
 */
class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;

  constructor(
    private readonly pg: PGlite,
    private readonly lock: DataDirLock | undefined,
  ) {}

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    return toResult<Row>(await this.pg.query(text, params as unknown[]));
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.pg.transaction(async (tx) => {
      const scoped: Transaction = {
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          toResult<Row>(await tx.query(text, params as unknown[])),
        exec: async (script: string) => {
          await tx.exec(script);
        },
      };
      return fn(scoped);
    });
  }

  async exec<Row>(script: string): Promise<QueryResult<Row>> {
    try {
      const results = await this.pg.exec(script);
      return toResult<Row>(results.at(-1) ?? { rows: [] });
    } catch (error) {
      await this.pg.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      if (!this.pg.closed) await this.pg.close();
    } finally {
      this.lock?.release();
    }
  }
}

/** `dataDir` undefined means an in-memory database (tests only). */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir === undefined) {
    const pg = await PGlite.create();
    return new PgliteDatabase(pg, undefined);
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = acquireDataDirLock(dir);
  try {
    const pg = await PGlite.create({ dataDir: resolve(dir, 'pgdata') });
    return new PgliteDatabase(pg, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}
