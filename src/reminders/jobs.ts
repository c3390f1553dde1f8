import type { Database } from '../platform/db/port.js';
import type { ProactiveSender } from '../shared/proactive.js';
import type { Logger } from '../platform/logging.js';
import type { AppConfig } from '../platform/config.js';
import { createReminderEngine, type ReminderEngine } from './engine.js';
import type { Scheduler } from '../platform/jobs/scheduler.js';

/** The reminder engine's scheduled work: one pg-boss job per reminder, drained by one instance at a time. */
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

export async function startReminderJobs({ boss, db, log, now, sender, config }: JobDeps): Promise<RegisteredJobs> {
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
