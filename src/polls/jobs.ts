/**
 * Scheduled poll work in pg-boss, done once however many instances share the database: open
 * (post the waiting cards, send 1:1), planned close (final results on the cards) and the 1:1
 * fan-out. Every job re-reads the poll, so a job for a poll that was changed since does nothing.
 */
import { createHash } from 'node:crypto';
import { closePollAsPlanned, findPoll } from './sql/polls.js';
import { pollStatus, type Poll } from './domain/polls.js';
import { ensureQueue, type Scheduler } from '../platform/jobs/scheduler.js';
import { postPending, sendToAllParticipants } from './posting.js';
import type { PollJobs } from './job-port.js';
import type { PollService } from './service.js';

export type { PollJobs };

export const POLL_OPEN_QUEUE = 'maling-apne';
export const POLL_CLOSE_QUEUE = 'maling-lukk';
export const POLL_SEND_ALL_QUEUE = 'maling-send-alle';

/** pg-boss job ids are UUIDs; one derived from the work makes a second send of it a no-op. */
function jobId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}


export async function startPollJobs(service: PollService, boss: Scheduler, pollingIntervalSeconds: number): Promise<PollJobs> {
  // ensureQueue: plain createQueue deadlocks when two instances start at once on one server.
  for (const queue of [POLL_OPEN_QUEUE, POLL_CLOSE_QUEUE, POLL_SEND_ALL_QUEUE]) await ensureQueue(boss, queue);
  const options = { pollingIntervalSeconds, batchSize: 5 };
  const retry = { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 900 };

  await boss.work<{ pollId: string; opensAt?: string }>(POLL_OPEN_QUEUE, options, async (jobs) => {
    for (const job of jobs) {
      const poll = await findPoll(service.db, job.data.pollId);
      if (!poll || pollStatus(poll, service.now()) !== 'apen') continue;
      // Opened by hand or at the meeting's start since (openPollNow did the open's work then).
      if (job.data.opensAt && poll.opensAt.toISOString() !== job.data.opensAt) continue;
      service.changed(poll.id);
      const posted = await postPending(service, poll);
      const announced = await service.announcer?.pollOpened(poll);
      service.log.info({ pollId: poll.id, posted, announced }, 'Måling åpnet');
      if (poll.sendToAll) await sendToAllParticipants(service, poll);
    }
  });
  await boss.work<{ pollId: string; closesAt: string }>(POLL_CLOSE_QUEUE, options, async (jobs) => {
    for (const job of jobs) {
      if (!(await closePollAsPlanned(service.db, job.data.pollId, new Date(job.data.closesAt)))) continue;
      service.changed(job.data.pollId);
      service.coalescer.touch(job.data.pollId, true);
      service.log.info({ pollId: job.data.pollId }, 'Måling lukket som planlagt');
    }
  });
  const sendWorker = await boss.work<{ pollId: string }>(POLL_SEND_ALL_QUEUE, options, async (jobs) => {
    for (const job of jobs) {
      const poll = await findPoll(service.db, job.data.pollId);
      if (!poll || pollStatus(poll, service.now()) === 'lukket') continue;
      const result = await sendToAllParticipants(service, poll);
      service.log.info({ pollId: poll.id, ...result }, 'Måling sendt 1:1 til deltakerne');
    }
  });

  return {
    async scheduleOpen(poll) {
      await boss.send(POLL_OPEN_QUEUE, { pollId: poll.id, opensAt: poll.opensAt.toISOString() }, { id: jobId('open', poll.id, poll.opensAt.toISOString()), startAfter: poll.opensAt, ...retry });
    },
    async scheduleClose(poll) {
      if (!poll.closesAt) return;
      const closesAt = poll.closesAt.toISOString();
      await boss.send(POLL_CLOSE_QUEUE, { pollId: poll.id, closesAt }, { id: jobId('close', poll.id, closesAt), startAfter: poll.closesAt, ...retry });
    },
    async sendToAll(poll) {
      // One job per poll and minute: a double press does not fan out twice.
      const minute = new Date(Math.floor(service.now().getTime() / 60_000) * 60_000).toISOString();
      await boss.send(POLL_SEND_ALL_QUEUE, { pollId: poll.id }, { id: jobId('send-all', poll.id, minute), ...retry });
      boss.notifyWorker(sendWorker);
    },
  };
}
