/**
 * Creating, closing, reopening and repeating polls: the facilitator's changes, each written with
 * its audit entry in one transaction, then the cards and jobs that follow from it.
 */
import type { Transaction } from '../platform/db/port.js';
import { fail, ok, type Result } from '../shared/result.js';
import { recordAudit } from '../shared/sql/audit.js';
import { closePoll, findPoll, findRepeatOf, insertPoll, openPlannedPoll, openPollsOfPlanItem, pollsOpeningAtMeetingStart, reopenPoll } from './sql/polls.js';
import type { Actor } from '../shared/policy.js';
import { pollStatus, repeatDefinition, type Poll, type PollDefinition } from './domain/polls.js';
import type { Network } from '../shared/types.js';
import { notifyRemindersChanged, syncSubjectReminders } from '../reminders/engine.js';
import type { PollJobs } from './jobs.js';
import type { AnnounceOutcome } from './announce-port.js';
import { postCard, postPending, savePendingPost, type PostTarget } from './posting.js';
import type { PollService } from './service.js';
import { t } from './messages.js';

export interface CreatePoll {
  network: Network;
  actor: Actor;
  definition: PollDefinition;
  planItemId: string | null;
  /** The before-poll, for «gjenta måling». */
  repeatOf: Poll | null;
  /** null: open now. */
  opensAt: Date | null;
  closesAt: Date | null;
  sendToAll: boolean;
  /** Opens when the samling's Teams meeting starts; opensAt is the fallback. */
  opensAtMeetingStart?: boolean;
  targets: PostTarget[];
}

export interface Created {
  poll: Poll;
  posted: number;
  failed: number;
  /** The before-poll was still open and was closed, so late answers do not blur «before». */
  closedBefore: boolean;
}

const alreadyRepeated = () => t('alreadyRepeated');

/** A before-poll is repeated once: a second repeat is refused as a conflict, also when two race. */
export async function createPoll(service: PollService, jobs: PollJobs | undefined, c: CreatePoll): Promise<Result<Created>> {
  const now = service.now();
  const opensAt = c.opensAt && c.opensAt > now ? c.opensAt : now;
  if (c.repeatOf && (await findRepeatOf(service.db, c.repeatOf.id))) {
    return fail('konflikt', alreadyRepeated());
  }
  const definition = c.repeatOf ? repeatDefinition(c.repeatOf) : c.definition;
  let closedBefore = false;
  let poll: Poll;
  try {
    poll = await service.db.transaction(async (tx) => {
      const created = await insertPoll(tx, {
        networkId: c.network.id,
        definition,
        planItemId: c.planItemId ?? c.repeatOf?.planItemId ?? null,
        repeatOf: c.repeatOf?.id ?? null,
        opensAt,
        closesAt: c.closesAt,
        sendToAll: c.sendToAll,
        opensAtMeetingStart: c.opensAtMeetingStart ?? false,
        createdBy: c.actor.memberId,
      });
      if (c.repeatOf && pollStatus(c.repeatOf, now) === 'apen') closedBefore = await closePoll(tx, c.repeatOf.id, now);
      // Reminders before the planned close (issue 6's engine), in step with the poll.
      if (created.closesAt) await syncSubjectReminders(tx, 'poll-close', created.id, now);
      if (closedBefore) await syncSubjectReminders(tx, 'poll-close', c.repeatOf!.id, now);
      await recordAudit(tx, {
        actorMemberId: c.actor.memberId,
        actorName: c.actor.displayName,
        regionId: c.network.regionId,
        networkId: c.network.id,
        action: c.repeatOf ? 'maling.gjentatt' : 'maling.opprettet',
        target: definition.question,
        details: { pollId: created.id, anonym: definition.anonymous, type: definition.kind, ...(c.repeatOf ? { førmåling: c.repeatOf.id } : {}) },
      });
      return created;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return fail('konflikt', alreadyRepeated());
    throw error;
  }
  notifyRemindersChanged();
  if (c.repeatOf) {
    service.changed(c.repeatOf.id);
    if (closedBefore) service.coalescer.touch(c.repeatOf.id, true);
  }

  let posted = 0;
  let failed = 0;
  const openNow = pollStatus(poll, service.now()) === 'apen';
  for (const target of c.targets) {
    if (!openNow) await savePendingPost(service, poll, target);
    else if (await postCard(service, poll, target)) posted++;
    else failed++;
  }
  if (!openNow) await jobs?.scheduleOpen(poll);
  else if (c.sendToAll) await jobs?.sendToAll(poll);
  // A samling's poll that opens at once (a new one, «Gjenta som etter-måling» in the side panel)
  // reaches the samling's running meeting as a planned one does when it opens.
  if (openNow && poll.planItemId) await service.announcer?.pollOpened(poll);
  await jobs?.scheduleClose(poll);
  return ok({ poll, posted, failed, closedBefore });
}

async function audited(service: PollService, network: Network, actor: Pick<Actor, 'displayName'> & { memberId: string | null }, poll: Poll, action: string, change: (tx: Transaction) => Promise<boolean>): Promise<boolean> {
  const changed = await service.db.transaction(async (tx) => {
    if (!(await change(tx))) return false;
    await syncSubjectReminders(tx, 'poll-close', poll.id, service.now());
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorName: actor.displayName,
      regionId: network.regionId,
      networkId: network.id,
      action,
      target: poll.question,
      details: { pollId: poll.id },
    });
    return true;
  });
  if (changed) {
    notifyRemindersChanged();
    service.changed(poll.id);
    service.coalescer.touch(poll.id, true);
  }
  return changed;
}

/** Closes now; false when it was closed already. */
export function closePollNow(service: PollService, network: Network, actor: Actor, poll: Poll): Promise<boolean> {
  return audited(service, network, actor, poll, 'maling.lukket', (tx) => closePoll(tx, poll.id, service.now()));
}

/**
 * A samling's Teams meeting ended: its open polls close with it, in the audit log under the
 * person whose meeting it was (or «Teams-møtet» when Teams named no member of the app).
 */
export async function closePollsOfMeeting(service: PollService, network: Network, actor: Actor | null, planItemId: string): Promise<Poll[]> {
  const closed: Poll[] = [];
  const by = actor ?? ({ memberId: null, displayName: t('meeting.actor') } as const);
  for (const poll of await openPollsOfPlanItem(service.db, planItemId, service.now())) {
    if (await audited(service, network, by, poll, 'maling.lukket', (tx) => closePoll(tx, poll.id, service.now()))) closed.push(poll);
  }
  return closed;
}

/**
 * A samling's Teams meeting started: its polls set to open then open now, audited as at the end.
 * A retried start event finds them open already, and openPollNow does nothing twice.
 */
export async function openPollsOfMeetingStart(service: PollService, jobs: PollJobs | undefined, network: Network, actor: Actor | null, planItemId: string): Promise<Opened[]> {
  const opened: Opened[] = [];
  const by = actor ?? ({ memberId: null, displayName: t('meeting.actor') } as const);
  for (const poll of await pollsOpeningAtMeetingStart(service.db, planItemId, service.now())) {
    const done = await openPollNow(service, jobs, network, by, poll);
    if (done) opened.push(done);
  }
  return opened;
}

export interface Opened {
  poll: Poll;
  /** Cards waiting for the open that were posted now. */
  posted: number;
  /** The samling's meeting chat: its card there, and whether the in-meeting notification went. */
  announced: AnnounceOutcome;
}

const NO_MEETING: AnnounceOutcome = { posted: false, notification: 'ingen-mote' };

/**
 * A planned poll opened now: the side panel's «Åpne nå», or the samling's meeting starting for a
 * poll set to open then. Its waiting cards are posted and its 1:1 fan-out starts, as the open job
 * would have done; that job, still queued for the planned time, finds the time changed and does
 * nothing. Null when it was open or closed already (a double press, a retried start event).
 */
export async function openPollNow(service: PollService, jobs: PollJobs | undefined, network: Network, actor: Pick<Actor, 'displayName'> & { memberId: string | null }, poll: Poll): Promise<Opened | null> {
  const opened = await audited(service, network, actor, poll, 'maling.apnet', (tx) => openPlannedPoll(tx, poll.id, service.now()));
  if (!opened) return null;
  const fresh = (await findPoll(service.db, poll.id))!;
  const posted = await postPending(service, fresh);
  if (fresh.sendToAll) await jobs?.sendToAll(fresh);
  const announced = (await service.announcer?.pollOpened(fresh)) ?? NO_MEETING;
  return { poll: fresh, posted, announced };
}

/** Opens a closed poll again (facilitators only, by policy), without a planned close. */
export async function reopenPollNow(service: PollService, jobs: PollJobs | undefined, network: Network, actor: Actor, poll: Poll, closesAt: Date | null = null): Promise<boolean> {
  const reopened = await audited(service, network, actor, poll, 'maling.gjenapnet', (tx) => reopenPoll(tx, poll.id, closesAt));
  if (reopened && closesAt) {
    const fresh = await findPoll(service.db, poll.id);
    if (fresh) await jobs?.scheduleClose(fresh);
  }
  return reopened;
}
