import type { Database } from '../platform/db/port.js';
import { ensureQueue, type Scheduler } from '../platform/jobs/scheduler.js';
import type { Logger } from '../platform/logging.js';
import { sweepExpiredNetworks, type RetentionSweep } from './sql/privacy.js';

export const RETENTION_QUEUE = 'personvern-lagringstid';

export async function runRetentionSweep(db: Database, now: Date): Promise<RetentionSweep> {
  return db.transaction((tx) => sweepExpiredNetworks(tx, now));
}

/**
 * The nightly retention sweep. pg-boss keeps one schedule per queue across instances, so it
 * runs once however many servers share the database.
 */
export async function scheduleRetentionSweep(boss: Scheduler, db: Database, log: Logger, now: () => Date): Promise<void> {
  await ensureQueue(boss, RETENTION_QUEUE);
  await boss.schedule(RETENTION_QUEUE, '15 3 * * *', {}, { tz: 'Europe/Oslo' });
  await boss.work(RETENTION_QUEUE, async () => {
    const result = await runRetentionSweep(db, now());
    log.info(result, 'Lagringstid: utløpte nettverk arkivert og personopplysninger slettet');
  });
}
