/**
 * The one storage seam. Domain SQL talks to this, never to PGlite or pg directly, so the
 * embedded default and the scaled-out server run exactly the same statements.
 */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface Transaction extends Queryable {
  /** Runs a multi-statement script without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; rolls back when fn throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script without parameters; returns the last statement's result. */
  exec<Row = Record<string, unknown>>(script: string): Promise<QueryResult<Row>>;
  close(): Promise<void>;
}
