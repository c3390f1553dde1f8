import type { Database } from '../platform/db/port.js';
import { sweepExpiredNetworks, type RetentionSweep } from '../privacy/sql/privacy.js';
import type { ProactiveSender } from '../platform/teams/sender.js';
import type { Logger } from '../platform/logging.js';
import type { AppConfig } from '../platform/config.js';
import { createReminderEngine, type ReminderEngine } from './engine.js';
import { ensureQueue, type Scheduler } from '../platform/jobs/scheduler.js';

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
  /** Timing and limits; defaults when absent (tests that start jobs by hand). */
  config?: Pick<AppConfig, 'proactive' | 'reminders'>;
}

/** What registerJobs leaves running besides pg-boss' own workers. */
export interface RegisteredJobs {
  reminders: ReminderEngine;
  /** `timeoutMs`: the longest wait for reminder sends already on the wire. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function registerJobs({ boss, db, log, now, sender, config }: JobDeps): Promise<RegisteredJobs> {
  await ensureQueue(boss, RETENTION_QUEUE);
  await boss.schedule(RETENTION_QUEUE, '15 3 * * *', {}, { tz: 'Europe/Oslo' });
  await boss.work(RETENTION_QUEUE, async () => {
    const result = await runRetentionSweep(db, now());
    log.info(result, 'Lagringstid: utløpte nettverk arkivert og personopplysninger slettet');
  });

  // Reminders (issue 6): one pg-boss job per reminder, the fan-out drained by one instance at a time.
  const reminders = createReminderEngine({
    db,
    boss,
    sender,
    log,
    now,
    settings: {
      leaseMs: config?.reminders.leaseMs ?? 30_000,
      idleMs: config?.reminders.idleMs ?? 5_000,
      pollingIntervalSeconds: config?.reminders.pollingIntervalSeconds ?? 2,
      maxAttempts: config?.proactive.maxAttempts ?? 6,
      retryBaseMs: config?.proactive.retryBaseMs ?? 1_000,
      retryMaxMs: config?.proactive.retryMaxMs ?? 60_000,
      window: Math.max(20, Math.ceil((config?.proactive.ratePerSecond ?? 50) * 2)),
    },
  });
  await reminders.start();
  return { reminders, stop: (timeoutMs) => reminders.stop(timeoutMs) };
}
