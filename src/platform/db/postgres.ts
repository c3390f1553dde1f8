import pg from 'pg';
import type { Database, QueryResult, Transaction } from './port.js';

export interface PostgresOptions {
  connectionString: string;
  /** Tests run one schema each; production leaves this unset (public). */
  schema?: string;
  max?: number;
}

function toResult<Row>(res: pg.QueryResult): QueryResult<Row> {
  return { rows: res.rows as Row[], rowCount: res.rowCount ?? res.rows.length };
}

/** More distinct statements than the app has means texts built at run time: those stay unnamed. */
const MAX_PREPARED = 500;
// 0A000: a table a prepared statement reads was altered (a migration by another instance).
const PLAN_CHANGED = '0A000';

/**
 * Statements the app runs again and again (the vote, the turn's read) are prepared on each pool
 * connection: the server then parses and plans each once per connection instead of on every
 * call. In a 1,000-vote burst that cut the database server's CPU by about a third (issue 15,
 * `npm run bench -- votes`). A text is named the second time it is seen, so a one-off statement
 * costs the server nothing to keep.
 */
class PreparedNames {
  private readonly names = new Map<string, string>();
  private readonly seenOnce = new Set<string>();
  private next = 0;

  nameOf(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= MAX_PREPARED) return name;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= MAX_PREPARED) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    const fresh = `samlingspunkt_${this.next++}`;
    this.names.set(text, fresh);
    return fresh;
  }

  /** The connections keep their old plan under the old name: the text gets a new one next time. */
  forget(text: string): void {
    this.names.delete(text);
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly prepared = new PreparedNames();

  constructor(private readonly pool: pg.Pool) {}

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    const name = params.length > 0 ? this.prepared.nameOf(text) : undefined;
    if (name === undefined) return toResult<Row>(await this.pool.query(text, params as unknown[]));
    try {
      return toResult<Row>(await this.pool.query({ name, text, values: params as unknown[] }));
    } catch (error) {
      if ((error as { code?: unknown }).code !== PLAN_CHANGED) throw error;
      this.prepared.forget(text);
      return toResult<Row>(await this.pool.query(text, params as unknown[]));
    }
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const run = oneAtATime();
    try {
      await run(() => client.query('BEGIN'));
      const scoped: Transaction = {
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          toResult<Row>(await run(() => client.query(text, params as unknown[]))),
        exec: async (script: string) => {
          await run(() => client.query(script));
        },
      };
      const result = await fn(scoped);
      await run(() => client.query('COMMIT'));
      return result;
    } catch (error) {
      await run(() => client.query('ROLLBACK')).catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec<Row>(script: string): Promise<QueryResult<Row>> {
    // A multi-statement simple query returns one result per statement.
    const res = (await this.pool.query(script)) as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(res) ? res.at(-1) : res;
    return last ? toResult<Row>(last) : { rows: [], rowCount: 0 };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Ugyldig skjemanavn: ${name}`);
  return `"${name}"`;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: 'samlingspunkt',
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new PostgresDatabase(pool);
  if (options.schema) await db.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
  return db;
}

/**
 * A transaction is one connection, and a connection runs one statement at a time. Statements a
 * caller starts together (a `Promise.all` of reads inside a transaction) wait here for the one
 * before: pg queues them itself today, but warns that pg 9 will not.
 */
function oneAtATime(): <R>(statement: () => Promise<R>) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (statement) => {
    const next = last.then(statement);
    last = next.catch(() => undefined);
    return next;
  };
}
