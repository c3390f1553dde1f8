import PgBoss from 'pg-boss';
import type { Database } from '../db/port.js';
import type { Logger } from '../logging.js';

export type Scheduler = PgBoss;

export interface SchedulerOptions {
  /** Postgres schema for pg-boss' own tables; tests use one per test. */
  schema?: string;
}

/**
 * pg-boss runs over our storage port, so it works the same on PGlite (one session, where a
 * query with values must go through query() and a script through exec()) and on a server.
 */
export async function startScheduler(db: Database, log: Logger, options: SchedulerOptions = {}): Promise<Scheduler> {
  const boss = new PgBoss({
    db: {
      executeSql: (text: string, values?: unknown[]) =>
        values && values.length > 0 ? db.query(text, values) : db.exec(text),
    },
    schema: options.schema ?? 'pgboss',
  });
  boss.on('error', (error: Error) => log.error({ err: error }, 'pg-boss-feil'));
  await boss.start();
  return boss;
}

export async function schedulerHealthy(boss: Scheduler | undefined): Promise<boolean> {
  if (!boss) return false;
  try {
    await boss.getQueues();
    return true;
  } catch {
    return false;
  }
}
