import type { Poll } from './domain/polls.js';

/** What the poll runtime asks of the scheduler (pg-boss, in jobs.ts); its own module so the service and the jobs don't import each other. */
export interface PollJobs {
  scheduleOpen(poll: Poll): Promise<void>;
  scheduleClose(poll: Poll): Promise<void>;
  /** The 1:1 fan-out, started now (the invoke that asked for it answers at once). */
  sendToAll(poll: Poll): Promise<void>;
}
