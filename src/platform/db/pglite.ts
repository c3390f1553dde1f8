import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database, QueryResult, Transaction } from './port.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { seedDataDirFromTemplate, templateTarball } from './pglite-template.js';

/**
 * PGlite's defaults plus a smaller buffer pool. Postgres' default shared_buffers (128 MB) is
 * touched page by page as the WASM heap warms up and a WASM heap never shrinks, so it ends up
 * resident for good; this database is a few MB and its files sit in the OS page cache anyway.
 * Durability is left as it is: every commit is flushed before it is acknowledged.
 */
export const pgliteStartParams: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

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
  const startParams = [...pgliteStartParams];
  if (dataDir === undefined) {
    // From the build's template when there is one: no initdb per test database.
    const loadDataDir = templateTarball();
    const pg = await PGlite.create({ startParams, ...(loadDataDir ? { loadDataDir } : {}) });
    return new PgliteDatabase(pg, undefined);
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = acquireDataDirLock(dir);
  try {
    const pgdata = resolve(dir, 'pgdata');
    // A new data directory starts from the build's template cluster instead of initdb in WASM.
    seedDataDirFromTemplate(pgdata);
    const pg = await PGlite.create({ dataDir: pgdata, startParams });
    return new PgliteDatabase(pg, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}
