import type { AdaptiveCard } from '../shared/cards/card.js';
import type { Queryable } from '../platform/db/port.js';
import type { ReminderKind } from './domain/reminders.js';

/**
 * What the reminder engine needs to know about one kind of reminder. The engine does the rest
 * generically: schedules (rules, quiet hours, DST), pg-boss jobs, the exactly-once fan-out,
 * opt-outs, retries and the delivery report. Its own module, so the registry (kinds.ts) and
 * the kinds it holds both import it without importing each other.
 */
export interface ReminderSubject {
  id: string;
  networkId: string;
  /** What reminders count back from: a plan item's start, a poll's close, a due time. */
  deadline: Date;
  title: string;
}

export interface ReminderKindDefinition<S extends ReminderSubject = ReminderSubject> {
  kind: ReminderKind;
  /** Norwegian noun for reports and messages: «aktivitet», «måling», «refleksjonsoppgave», «mellomarbeid». */
  label: string;
  /** The subject as it is now; undefined when it is gone or closed (its pending reminders are cancelled). */
  load(db: Queryable, subjectId: string): Promise<S | undefined>;
  /**
   * Subjects whose deadline is after `now`: the sweeper keeps their reminders in step with them.
   * With `networkId`, only that network's (a changed network setting re-plans no others); a
   * definition may ignore it, since the re-plan checks each subject's network again.
   */
  upcoming(db: Queryable, now: Date, networkId?: string): Promise<string[]>;
  /**
   * Who still needs the reminder at the moment it goes out: member ids. For deadlines only
   * those who have not answered or delivered. Opt-outs and unreachable people are filtered by
   * the engine, not here.
   */
  recipients(db: Queryable, subject: S): Promise<string[]>;
  /** The card one recipient gets. `optOut` is the data for «Ikke påminn meg om dette». */
  card(subject: S, context: ReminderCardContext): AdaptiveCard;
}

export interface ReminderCardContext {
  reminderId: string;
  /** When the reminder goes out (for «i morgen kl. 10.00»). */
  sentAt: Date;
  optOut: { kind: ReminderKind; subjectId: string; reminderId: string };
}
