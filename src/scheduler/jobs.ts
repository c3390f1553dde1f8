import type { Database } from '../db/port.js';
import { sweepExpiredNetworks, type RetentionSweep } from '../db/sql/privacy.js';
import type { ProactiveSender } from '../bot/sender.js';
import type { Logger } from '../logging.js';
import type { Scheduler } from './scheduler.js';

export const RETENTION_QUEUE = 'personvern-lagringstid';

export async function runRetentionSweep(db: Database, now: Date): Promise<RetentionSweep> {
  return db.transaction((tx) => sweepExpiredNetworks(tx, now));
}

/**
 * Scheduled work. pg-boss keeps one schedule per queue across instances, so the nightly
 * retention sweep runs once however many servers share the database.
 */
export interface JobDeps {
  boss: Scheduler;
  db: Database;
  log: Logger;
  now: () => Date;
  sender: ProactiveSender;
}

export async function registerJobs({ boss, db, log, now }: JobDeps): Promise<void> {
  await boss.createQueue(RETENTION_QUEUE);
  await boss.schedule(RETENTION_QUEUE, '15 3 * * *', {}, { tz: 'Europe/Oslo' });
  await boss.work(RETENTION_QUEUE, async () => {
    const result = await runRetentionSweep(db, now());
    log.info(result, 'Lagringstid: utløpte nettverk arkivert og personopplysninger slettet');
  });
}
