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

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  constructor(private readonly pool: pg.Pool) {}

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    return toResult<Row>(await this.pool.query(text, params as unknown[]));
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const scoped: Transaction = {
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          toResult<Row>(await client.query(text, params as unknown[])),
        exec: async (script: string) => {
          await client.query(script);
        },
      };
      const result = await fn(scoped);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
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
