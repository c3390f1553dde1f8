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
  for (let attempt = 1; ; attempt++) {
    const boss = new PgBoss({
      db: {
        executeSql: (text: string, values?: unknown[]) =>
          values && values.length > 0 ? db.query(text, values) : db.exec(text),
      },
      schema: options.schema ?? 'pgboss',
    });
    boss.on('error', (error: Error) => log.error({ err: error }, 'pg-boss-feil'));
    try {
      await boss.start();
      retryQueueCreation(boss, log);
      return boss;
    } catch (error) {
      // Two instances installing pg-boss at once on an empty database can collide on its schema
      // (23505 on pg_namespace) despite pg-boss' own lock. The loser starts over with a fresh
      // instance (a failed one cannot be restarted) and finds pg-boss installed.
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || (code !== '23505' && code !== '42P07' && code !== '42710')) throw error;
      log.warn({ err: error, attempt }, 'pg-boss kunne ikke installeres nå (en annen instans gjør det samtidig); prøver igjen');
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
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

/**
 * createQueue, safe when several instances start at once: pg-boss creates a queue's partition
 * in its own statement, and two instances doing so together can deadlock (40P01) or collide
 * (23505). The loser finds the queue made by the winner, or tries again.
 */
export async function ensureQueue(boss: Scheduler, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 6 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * pg-boss' create_queue makes a partition and foreign keys: two instances creating queues at
 * the same start can deadlock (40P01) on its queue table, and Postgres aborts one of them. The
 * function is idempotent (ON CONFLICT DO NOTHING), so the aborted call is simply made again.
 */
function retryQueueCreation(boss: Scheduler, log: Logger): void {
  const create = boss.createQueue.bind(boss);
  boss.createQueue = async (name: string, options?: PgBoss.Queue) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await create(name, options);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
        log.warn({ queue: name, attempt }, 'pg-boss-kø ble ikke opprettet (samtidig start); prøver igjen');
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  };
}
