/**
 * pg-boss jobs seen from a test: their state, and «the scheduled moment has come». pg-boss
 * compares a job's start_after with the database's now(), which no injected clock moves; a test
 * that moves the app's clock (testClock) to a job's time lets pg-boss see it due with
 * startJobNow instead of waiting for the wall clock.
 */
import type { Queryable } from '../../src/platform/db/port.js';

export interface JobRow {
  id: string;
  state: string;
  startAfter: Date;
  data: Record<string, unknown> | null;
}

function table(schedulerSchema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schedulerSchema)) throw new Error(`unexpected pg-boss schema «${schedulerSchema}»`);
  return `${schedulerSchema}.job`;
}

/** The jobs of `queue` whose data has `key` = `value` (all of the queue without them), oldest first. */
export async function jobsOf(db: Queryable, schedulerSchema: string, queue: string, key?: string, value?: string): Promise<JobRow[]> {
  const { rows } = await db.query<{ id: string; state: string; start_after: Date; data: Record<string, unknown> | null }>(
    `SELECT id, state, start_after, data FROM ${table(schedulerSchema)}
      WHERE name = $1 AND ($2::text IS NULL OR data->>$2 = $3) ORDER BY created_on, id`,
    [queue, key ?? null, value ?? null],
  );
  return rows.map((r) => ({ id: r.id, state: r.state, startAfter: new Date(r.start_after), data: r.data }));
}

/**
 * Makes a waiting (created) job due now, as if its start_after had come; its worker picks it
 * up on its next poll. Fails when there is no such waiting job.
 */
export async function startJobNow(db: Queryable, schedulerSchema: string, queue: string, id: string): Promise<void> {
  const res = await db.query(`UPDATE ${table(schedulerSchema)} SET start_after = now() WHERE name = $1 AND id = $2 AND state = 'created' RETURNING id`, [
    queue,
    id,
  ]);
  if (res.rowCount !== 1) throw new Error(`no waiting ${queue} job ${id} in ${schedulerSchema}`);
}
