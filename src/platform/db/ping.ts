import type { Queryable } from './port.js';

/** Whether the database answers a trivial query (the health check's «database ok»). */
export async function pingDatabase(db: Queryable): Promise<boolean> {
  return db.query('SELECT 1').then(
    () => true,
    () => false,
  );
}
