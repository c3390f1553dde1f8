import { DateTime } from 'luxon';
import { OSLO } from '../../shared/time.js';
import { holidayOn, isChristmasWeek } from './holidays.js';
import { formatDateLong, formatTime } from '../../platform/i18n/format.js';
import { t } from '../messages.js';

/**
 * Reminder schedules, pure: when a rule fires for a deadline, and where quiet hours move it.
 * Every wall-clock time is Europe/Oslo, so «09:00 the day before» is 09:00 on both sides of a
 * daylight-saving change.
 */

export const reminderKinds = ['plan-item', 'poll-close', 'reflection-due', 'mellomarbeid-due'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export type ReminderRule =
  /** `days` calendar days before the deadline's Oslo date, at `at` (HH:mm) Oslo time. */
  | { type: 'days-before'; days: number; at: string }
  /** `minutes` before the deadline (an exact duration). */
  | { type: 'minutes-before'; minutes: number };

export interface QuietHours {
  /** Start of the quiet period, HH:mm (default 21:00). Equal to `to` means no quiet period at night. */
  from: string;
  /** End of the quiet period, HH:mm (default 07:00). */
  to: string;
  /** Saturdays and Sundays are quiet all day. */
  weekends: boolean;
  /**
   * Norwegian public holidays (see holidays.ts) are quiet all day. Absent means off here, so
   * quiet hours written without it behave as before; a network's stored settings always say
   * (saved without it, it follows `weekends`), and so does DEFAULT_QUIET_HOURS.
   */
  holidays?: boolean;
  /**
   * 24–31 December is quiet all day (see `isChristmasWeek`). Absent means off, as for `holidays`.
   * On by default: for a public-sector audience the week is a holiday in practice, and a
   * reminder about a reflection task on julaften or in romjul is noise at best.
   */
  christmasWeek?: boolean;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: '21:00', to: '07:00', weekends: true, holidays: true, christmasWeek: true };

const dayBefore: ReminderRule = { type: 'days-before', days: 1, at: '09:00' };
const hourBefore: ReminderRule = { type: 'minutes-before', minutes: 60 };

/** What a network gets unless it says otherwise. */
export const DEFAULT_RULES: Record<ReminderKind, ReminderRule[]> = {
  'plan-item': [dayBefore, hourBefore],
  'poll-close': [hourBefore],
  'reflection-due': [dayBefore],
  'mellomarbeid-due': [dayBefore],
};

export const MANUAL_RULE_KEY = 'manuell';

const HHMM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

export function isClockTime(value: string): boolean {
  return HHMM.test(value);
}

/** A stable name for a rule: 'd1@09:00', 'm60'. One pending reminder per rule per subject. */
export function ruleKey(rule: ReminderRule): string {
  return rule.type === 'days-before' ? `d${rule.days}@${rule.at}` : `m${rule.minutes}`;
}

export function ruleFromKey(key: string): ReminderRule | undefined {
  const days = /^d(\d{1,2})@(\d{2}:\d{2})$/.exec(key);
  if (days && isClockTime(days[2]!)) return { type: 'days-before', days: Number(days[1]), at: days[2]! };
  const minutes = /^m(\d{1,5})$/.exec(key);
  if (minutes) return { type: 'minutes-before', minutes: Number(minutes[1]) };
  return undefined;
}

/** The rule's own time, before quiet hours. */
export function ruleDueAt(rule: ReminderRule, deadline: Date): Date {
  if (rule.type === 'minutes-before') return new Date(deadline.getTime() - rule.minutes * 60_000);
  const [hour, minute] = rule.at.split(':').map(Number) as [number, number];
  // Calendar arithmetic in Oslo: 09:00 stays 09:00 whether the day before has 23, 24 or 25 hours.
  const day = DateTime.fromJSDate(deadline, { zone: OSLO }).startOf('day').minus({ days: rule.days });
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function isWeekend(dt: DateTime): boolean {
  return dt.weekday === 6 || dt.weekday === 7;
}

/** Whether an Oslo wall-clock minute falls inside the nightly quiet period. */
function inNightQuiet(dt: DateTime, quiet: QuietHours): boolean {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const t = dt.hour * 60 + dt.minute;
  return from < to ? t >= from && t < to : t >= from || t < to;
}

/** Whether the whole Oslo day is quiet: a weekend, a public holiday or the Christmas week, as the network chose. */
function isQuietDay(dt: DateTime, quiet: QuietHours): boolean {
  return (
    (quiet.weekends && isWeekend(dt)) ||
    (quiet.holidays === true && holidayOn(dt) !== null) ||
    (quiet.christmasWeek === true && isChristmasWeek(dt))
  );
}

export function isQuiet(instant: Date, quiet: QuietHours): boolean {
  const dt = DateTime.fromJSDate(instant, { zone: OSLO });
  return isQuietDay(dt, quiet) || inNightQuiet(dt, quiet);
}

/**
 * The first moment at or after `instant` outside quiet hours: a reminder falling at 22:30 goes
 * at 07:00 the next morning, one on a Saturday at 07:00 on Monday, one on 24 December at 07:00
 * on 4 January 2027 (with the defaults: Christmas week, 1 January, then a weekend).
 */
export function nextAllowedTime(instant: Date, quiet: QuietHours): Date {
  let dt = DateTime.fromJSDate(instant, { zone: OSLO });
  const [toHour, toMinute] = quiet.to.split(':').map(Number) as [number, number];
  // One step per quiet day, plus a night: the longest quiet stretch (Christmas week, 1 January
  // and a weekend, or Easter from Thursday to Monday) is 12 days, so 40 steps always suffice.
  for (let i = 0; i < 40; i++) {
    if (isQuietDay(dt, quiet)) {
      dt = dt.plus({ days: 1 }).startOf('day');
      continue;
    }
    if (inNightQuiet(dt, quiet)) {
      const t = dt.hour * 60 + dt.minute;
      const morning = t < minutesOf(quiet.to) ? dt : dt.plus({ days: 1 });
      dt = morning.set({ hour: toHour, minute: toMinute, second: 0, millisecond: 0 });
      continue;
    }
    return dt.toJSDate();
  }
  return dt.toJSDate();
}

export interface PlannedReminder {
  ruleKey: string;
  dueAt: Date;
  sendAt: Date;
  /** Why it will not be sent, if so: its time has passed, or quiet hours push it past the deadline. */
  skip?: 'passert' | 'stille-tid';
}

/**
 * The reminders a deadline gets under these rules, at `now`. Each one's send time is the rule's
 * time moved out of quiet hours; one that would then arrive after the deadline, or whose time
 * has already passed, is marked skip.
 */
export function planReminders(deadline: Date, rules: readonly ReminderRule[], quiet: QuietHours, now: Date): PlannedReminder[] {
  const seen = new Set<string>();
  const planned: PlannedReminder[] = [];
  for (const rule of rules) {
    const key = ruleKey(rule);
    if (seen.has(key)) continue;
    seen.add(key);
    const dueAt = ruleDueAt(rule, deadline);
    const sendAt = nextAllowedTime(dueAt, quiet);
    const skip = sendAt.getTime() < now.getTime() ? 'passert' : sendAt.getTime() >= deadline.getTime() ? 'stille-tid' : undefined;
    planned.push({ ruleKey: key, dueAt, sendAt, ...(skip ? { skip } : {}) });
  }
  return planned.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/** «i morgen kl. 10.00», «om én time», for the reminder card's first line, in the reader's language. */
export function describeLeadTime(deadline: Date, sentAt: Date): string {
  const d = DateTime.fromJSDate(deadline, { zone: OSLO });
  const s = DateTime.fromJSDate(sentAt, { zone: OSLO });
  const minutes = Math.round((deadline.getTime() - sentAt.getTime()) / 60_000);
  if (minutes <= 0) return t('lead.now');
  if (minutes === 60) return t('lead.inOneHour');
  if (minutes < 90) return t('lead.inMinutes', { count: minutes });
  const days = Math.round(d.startOf('day').diff(s.startOf('day'), 'days').days);
  const time = formatTime(deadline);
  if (days === 0) return t('lead.today', { time });
  if (days === 1) return t('lead.tomorrow', { time });
  return t('lead.later', { date: formatDateLong(deadline), time });
}
