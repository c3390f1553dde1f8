import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  DEFAULT_RULES,
  describeLeadTime,
  isQuiet,
  nextAllowedTime,
  planReminders,
  ruleDueAt,
  ruleFromKey,
  ruleKey,
  type QuietHours,
  type ReminderRule,
} from '../src/reminders/domain/reminders.js';
import { OSLO } from '../src/shared/time.js';

const oslo = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).toJSDate();
const show = (d: Date) => DateTime.fromJSDate(d, { zone: OSLO }).toFormat("ccc yyyy-LL-dd HH:mm ZZ");
const dayBefore: ReminderRule = { type: 'days-before', days: 1, at: '09:00' };
const hourBefore: ReminderRule = { type: 'minutes-before', minutes: 60 };
const noWeekends: QuietHours = { ...DEFAULT_QUIET_HOURS, weekends: false };

describe('reminder times across daylight saving (Europe/Oslo)', () => {
  // 2026: summer time starts Sunday 29 March 02:00 → 03:00, ends Sunday 25 October 03:00 → 02:00.
  it('«the day before at 09:00» is 09:00 local on the spring-forward Sunday and the Saturday before it', () => {
    // Monday 30 March 10:00: the day before is the 23-hour Sunday.
    expect(show(ruleDueAt(dayBefore, oslo('2026-03-30T10:00')))).toBe('Sun 2026-03-29 09:00 +02:00');
    expect(ruleDueAt(dayBefore, oslo('2026-03-30T10:00')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // Sunday 29 March 10:00 (summer time): the day before is still winter time.
    expect(show(ruleDueAt(dayBefore, oslo('2026-03-29T10:00')))).toBe('Sat 2026-03-28 09:00 +01:00');
    expect(ruleDueAt(dayBefore, oslo('2026-03-29T10:00')).toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  it('«the day before at 09:00» is 09:00 local on the fall-back Sunday and the Saturday before it', () => {
    expect(show(ruleDueAt(dayBefore, oslo('2026-10-26T10:00')))).toBe('Sun 2026-10-25 09:00 +01:00');
    expect(ruleDueAt(dayBefore, oslo('2026-10-26T10:00')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(show(ruleDueAt(dayBefore, oslo('2026-10-25T10:00')))).toBe('Sat 2026-10-24 09:00 +02:00');
    expect(ruleDueAt(dayBefore, oslo('2026-10-25T10:00')).toISOString()).toBe('2026-10-24T07:00:00.000Z');
  });

  it('«an hour before» is an hour of real time, also over the changed hour', () => {
    expect(show(ruleDueAt(hourBefore, oslo('2026-03-29T10:00')))).toBe('Sun 2026-03-29 09:00 +02:00');
    // 03:30 summer time on the spring-forward night is 60 minutes after 01:30 winter time.
    expect(show(ruleDueAt(hourBefore, oslo('2026-03-29T03:30')))).toBe('Sun 2026-03-29 01:30 +01:00');
    expect(show(ruleDueAt(hourBefore, oslo('2026-10-25T10:00')))).toBe('Sun 2026-10-25 09:00 +01:00');
  });

  it('quiet hours end at 07:00 local on both sides of each change', () => {
    expect(show(nextAllowedTime(oslo('2026-03-28T22:00'), noWeekends))).toBe('Sun 2026-03-29 07:00 +02:00');
    expect(show(nextAllowedTime(oslo('2026-10-24T23:30'), noWeekends))).toBe('Sun 2026-10-25 07:00 +01:00');
    // With weekends quiet, the Sunday reminder waits until Monday 07:00.
    expect(show(nextAllowedTime(oslo('2026-03-29T09:00'), DEFAULT_QUIET_HOURS))).toBe('Mon 2026-03-30 07:00 +02:00');
    expect(show(nextAllowedTime(oslo('2026-10-25T09:00'), DEFAULT_QUIET_HOURS))).toBe('Mon 2026-10-26 07:00 +01:00');
  });
});

describe('quiet hours', () => {
  it('moves a reminder inside the quiet period to the next allowed time', () => {
    expect(show(nextAllowedTime(oslo('2026-06-10T21:30'), DEFAULT_QUIET_HOURS))).toBe('Thu 2026-06-11 07:00 +02:00');
    expect(show(nextAllowedTime(oslo('2026-06-10T05:15'), DEFAULT_QUIET_HOURS))).toBe('Wed 2026-06-10 07:00 +02:00');
    expect(show(nextAllowedTime(oslo('2026-06-12T22:00'), DEFAULT_QUIET_HOURS))).toBe('Mon 2026-06-15 07:00 +02:00');
    expect(show(nextAllowedTime(oslo('2026-06-13T12:00'), DEFAULT_QUIET_HOURS))).toBe('Mon 2026-06-15 07:00 +02:00');
    // Outside quiet hours nothing moves; 21:00 itself is quiet, 07:00 is not.
    expect(show(nextAllowedTime(oslo('2026-06-10T20:59'), DEFAULT_QUIET_HOURS))).toBe('Wed 2026-06-10 20:59 +02:00');
    expect(isQuiet(oslo('2026-06-10T21:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(oslo('2026-06-10T07:00'), DEFAULT_QUIET_HOURS)).toBe(false);
  });

  it('follows a network\'s own quiet hours, also a daytime window and none at all', () => {
    const lunch: QuietHours = { from: '11:00', to: '12:30', weekends: false };
    expect(show(nextAllowedTime(oslo('2026-06-13T11:45'), lunch))).toBe('Sat 2026-06-13 12:30 +02:00');
    const never: QuietHours = { from: '00:00', to: '00:00', weekends: false };
    expect(show(nextAllowedTime(oslo('2026-06-13T03:00'), never))).toBe('Sat 2026-06-13 03:00 +02:00');
  });

  it('property: the result is never earlier, never quiet, and a fixed point', () => {
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true }),
        clock,
        clock,
        fc.boolean(),
        (instant, from, to, weekends) => {
          const quiet = { from, to, weekends };
          const next = nextAllowedTime(instant, quiet);
          expect(next.getTime()).toBeGreaterThanOrEqual(instant.getTime());
          expect(isQuiet(next, quiet)).toBe(false);
          expect(nextAllowedTime(next, quiet).getTime()).toBe(next.getTime());
          // Never more than a weekend plus a night away.
          expect(next.getTime() - instant.getTime()).toBeLessThanOrEqual(3 * 86_400_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('planning a deadline', () => {
  it('plans the defaults for a plan item, marks a passed one, and skips one quiet hours push past the deadline', () => {
    const now = oslo('2026-06-01T12:00');
    const planned = planReminders(oslo('2026-06-10T10:00'), DEFAULT_RULES['plan-item'], DEFAULT_QUIET_HOURS, now);
    expect(planned.map((p) => [p.ruleKey, show(p.sendAt), p.skip])).toEqual([
      ['d1@09:00', 'Tue 2026-06-09 09:00 +02:00', undefined],
      ['m60', 'Wed 2026-06-10 09:00 +02:00', undefined],
    ]);
    // Saturday 10:00: the day-before is Friday (fine); the hour-before falls on the weekend → after it.
    const saturday = planReminders(oslo('2026-06-13T10:00'), DEFAULT_RULES['plan-item'], DEFAULT_QUIET_HOURS, now);
    expect(saturday.map((p) => [p.ruleKey, p.skip])).toEqual([
      ['d1@09:00', undefined],
      ['m60', 'stille-tid'],
    ]);
    const soon = planReminders(oslo('2026-06-01T12:30'), DEFAULT_RULES['plan-item'], DEFAULT_QUIET_HOURS, now);
    expect(soon.every((p) => p.skip === 'passert')).toBe(true);
    // Monday 07:30: the day-before on Sunday moves to Monday 07:00, still before the start.
    const monday = planReminders(oslo('2026-06-15T07:30'), [dayBefore], DEFAULT_QUIET_HOURS, now);
    expect(monday.map((p) => [show(p.sendAt), p.skip])).toEqual([['Mon 2026-06-15 07:00 +02:00', undefined]]);
  });

  it('names rules stably and reads the names back', () => {
    for (const rule of [dayBefore, hourBefore, { type: 'days-before', days: 2, at: '12:30' } as ReminderRule]) {
      expect(ruleFromKey(ruleKey(rule))).toEqual(rule);
    }
    expect(ruleKey(dayBefore)).toBe('d1@09:00');
    expect(ruleFromKey('manuell')).toBeUndefined();
    expect(ruleFromKey('d1@25:00')).toBeUndefined();
  });

  it('says when in words for the card', () => {
    expect(describeLeadTime(oslo('2026-06-10T10:00'), oslo('2026-06-09T09:00'))).toBe('i morgen kl. 10.00');
    expect(describeLeadTime(oslo('2026-06-10T10:00'), oslo('2026-06-10T09:00'))).toBe('om én time');
    expect(describeLeadTime(oslo('2026-06-10T10:00'), oslo('2026-06-10T09:45'))).toBe('om 15 minutter');
    expect(describeLeadTime(oslo('2026-06-10T10:00'), oslo('2026-06-10T07:00'))).toBe('i dag kl. 10.00');
    expect(describeLeadTime(oslo('2026-06-10T10:00'), oslo('2026-06-05T07:00'))).toBe('onsdag 10. juni kl. 10.00');
  });
});
