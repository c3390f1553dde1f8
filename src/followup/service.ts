import type { Database, Queryable } from '../platform/db/port.js';
import type { Actor } from '../shared/policy.js';
import { recordAudit } from '../shared/sql/audit.js';
import { fail, ok, type Result } from '../shared/result.js';
import { OSLO } from '../shared/time.js';
import { formatDateTime } from '../platform/i18n/format.js';
import { notifyRemindersChanged } from '../reminders/engine.js';
import { reminderKindDefinition } from '../reminders/kinds.js';
import { lockSubjectReminders } from '../reminders/sql/reminders.js';
import { groupByMunicipality, nextFollowupAllowedAt } from './domain/followup.js';
import { insertFollowupReminder, lastFollowupReminder, nonAnswerersByIds, type FollowupReminderRow } from './sql/followup.js';
import type { FollowupReminderView, FollowupRemindResponse, FollowupResponse, FollowupSubjectKind } from './contract.js';
import { t } from './messages.js';

/**
 * What a capability tells the follow-up about one of its subjects. The reminder goes through the
 * engine under the subject's own kind (poll-close, reflection-due) as a «manuell» reminder, so its
 * recipients at fan-out are that kind's `recipients()`: the same query as `nonAnswerers` here.
 */
export interface FollowupSubject {
  reminderKind: 'reflection-due' | 'poll-close';
  kind: FollowupSubjectKind;
  id: string;
  networkId: string;
  regionId: string;
  title: string;
  dueAt: Date | null;
  /** Still open for answers: a reminder to answer something closed would only annoy. */
  open: boolean;
  groupTask: boolean;
  /** Member ids of who still owes an answer. */
  nonAnswerers: string[];
}

const live = (r: FollowupReminderRow) => r.status !== 'avlyst' && r.status !== 'hoppet-over';

function reminderView(r: FollowupReminderRow): FollowupReminderView {
  return {
    reminderId: r.id,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    recipients: r.recipients,
    sent: r.sent,
  };
}

/** Why a reminder cannot go now, or null. The interval is not a block: a repeat returns the last one. */
async function blockedReason(db: Queryable, subject: FollowupSubject, willBeReminded: number): Promise<string | null> {
  if (!subject.open) return t(subject.kind === 'maling' ? 'blocked.pollClosed' : 'blocked.taskClosed');
  // The engine's own view of the subject: a poll without a planned close, or a network that has ended, has none.
  if (!(await reminderKindDefinition(subject.reminderKind)?.load(db, subject.id))) {
    return t(subject.kind === 'maling' ? 'blocked.pollNoClose' : 'blocked.notRemindable');
  }
  if (willBeReminded === 0) return t('blocked.nobody');
  return null;
}

export async function followupView(db: Queryable, subject: FollowupSubject, now: Date): Promise<FollowupResponse> {
  const people = await nonAnswerersByIds(db, subject.networkId, subject.nonAnswerers, subject.reminderKind, subject.id);
  const willBeReminded = people.filter((p) => p.reach === 'far').length;
  const last = await lastFollowupReminder(db, subject.reminderKind, subject.id);
  const next = last && live(last) ? nextFollowupAllowedAt(last.requestedAt, now) : undefined;
  const blocked = await blockedReason(db, subject, willBeReminded);
  return {
    subject: { kind: subject.kind, id: subject.id, title: subject.title, dueAt: subject.dueAt?.toISOString() ?? null, open: subject.open, groupTask: subject.groupTask },
    total: people.length,
    willBeReminded,
    groups: groupByMunicipality(people),
    canRemind: blocked === null && next === undefined,
    remindBlocked: blocked ?? (next ? t('blocked.recent', { when: formatDateTime(next) }) : null),
    lastReminder: last ? reminderView(last) : null,
    nextAllowedAt: next?.toISOString() ?? null,
    timeZone: OSLO,
  };
}

/**
 * «Send påminnelse til disse»: one follow-up reminder per subject per interval, made under the
 * subject's reminder lock so two clicks at once make one row, one pg-boss job, one message each.
 * A repeat inside the interval returns the reminder already made (`repeated`).
 */
export async function remindNonAnswerers(
  db: Database,
  subject: FollowupSubject,
  actor: Pick<Actor, 'memberId' | 'displayName'>,
  now: Date,
): Promise<Result<{ response: FollowupRemindResponse; created: boolean }>> {
  const people = await nonAnswerersByIds(db, subject.networkId, subject.nonAnswerers, subject.reminderKind, subject.id);
  const willBeReminded = people.filter((p) => p.reach === 'far').length;
  const outcome = await db.transaction(async (tx) => {
    await lockSubjectReminders(tx, subject.reminderKind, subject.id);
    const last = await lastFollowupReminder(tx, subject.reminderKind, subject.id);
    if (last && live(last) && (nextFollowupAllowedAt(last.requestedAt, now) || last.status === 'planlagt')) return { repeated: last };
    const blocked = await blockedReason(tx, subject, willBeReminded);
    if (blocked) return { blocked };
    const id = await insertFollowupReminder(tx, { networkId: subject.networkId, kind: subject.reminderKind, subjectId: subject.id, at: now, createdBy: actor.memberId || null });
    const made = id ? await lastFollowupReminder(tx, subject.reminderKind, subject.id) : undefined;
    if (!made) throw new Error('Oppfølgingspåminnelsen ble ikke lagret');
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorName: actor.displayName,
      regionId: subject.regionId,
      networkId: subject.networkId,
      action: 'paminnelse.oppfolging',
      target: subject.title,
      details: { reminderId: made.id, kind: subject.reminderKind, subjectId: subject.id, willBeReminded },
    });
    return { made };
  });
  if ('blocked' in outcome) return fail('konflikt', outcome.blocked!);
  if ('repeated' in outcome) {
    const r = outcome.repeated!;
    const next = nextFollowupAllowedAt(r.requestedAt, now);
    return ok({
      created: false,
      response: {
        repeated: true,
        reminder: reminderView(r),
        willBeReminded,
        message: next
          ? t('remind.repeated', { when: formatDateTime(r.requestedAt), next: formatDateTime(next) })
          : t('remind.pending'),
      },
    });
  }
  // Its pg-boss job is made at once, not at the next minute's sweep.
  notifyRemindersChanged();
  return ok({ created: true, response: { repeated: false, reminder: reminderView(outcome.made!), willBeReminded, message: t('remind.ordered', { count: willBeReminded }) } });
}
