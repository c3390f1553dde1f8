import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holidayOn, isChristmasWeek } from '../src/reminders/domain/holidays.js';
import {
  DEFAULT_QUIET_HOURS,
  DEFAULT_RULES,
  isQuiet,
  nextAllowedTime,
  planReminders,
  type QuietHours,
} from '../src/reminders/domain/reminders.js';
import { OSLO } from '../src/shared/time.js';
import { DEMO_WORKING_DAYS, demoData } from '../src/demo/demo.js';

const oslo = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).toJSDate();
const show = (d: Date) => DateTime.fromJSDate(d, { zone: OSLO }).toFormat('ccc yyyy-LL-dd HH:mm');

describe('Norwegian public holidays (date-holidays, NO, type public)', () => {
  it('knows Easter Monday, 17 May and Christmas Day, in several years', () => {
    expect(holidayOn(oslo('2026-04-06T12:00'))).toEqual({ name: 'Andre påskedag' });
    expect(holidayOn(oslo('2027-03-29T12:00'))).toEqual({ name: 'Andre påskedag' });
    expect(holidayOn(oslo('2026-05-17T12:00'))).toEqual({ name: 'Grunnlovsdagen' });
    expect(holidayOn(oslo('2026-12-25T12:00'))).toEqual({ name: 'Første juledag' });
    // The whole Easter and the other movable and fixed days.
    expect(['2026-04-02', '2026-04-03', '2026-04-05', '2026-05-01', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-26', '2027-01-01'].map((d) => holidayOn(oslo(`${d}T10:00`))?.name)).toEqual([
      'Skjærtorsdag',
      'Langfredag',
      'Første påskedag',
      'Arbeidernes dag',
      'Kristi himmelfartsdag',
      'Første pinsedag',
      'Andre pinsedag',
      'Andre juledag',
      'Første nyttårsdag',
    ]);
  });

  it('is not fooled by days that are only observances or bank holidays', () => {
    // Julaften, nyttårsaften (bank), palmesøndag, 8 May, sankthansaften, olsok (observance/optional).
    for (const d of ['2026-12-24', '2026-12-31', '2026-03-29', '2026-05-08', '2026-06-23', '2026-07-29', '2026-04-07']) {
      expect(holidayOn(oslo(`${d}T10:00`)), d).toBeNull();
    }
  });

  it('reads instants as Oslo calendar days and takes luxon DateTimes in any zone', () => {
    // 23:30 UTC on the 24th is 00:30 on Christmas Day in Oslo.
    expect(holidayOn(new Date('2026-12-24T23:30:00Z'))?.name).toBe('Første juledag');
    expect(holidayOn(new Date('2026-12-24T22:59:00Z'))).toBeNull();
    // 17 May 00:30 in Oslo (summer time) is still 16 May in UTC.
    expect(holidayOn(DateTime.fromISO('2026-05-16T22:30:00Z', { zone: 'utc' }))?.name).toBe('Grunnlovsdagen');
    expect(holidayOn(DateTime.fromISO('2026-05-17', { zone: OSLO }))?.name).toBe('Grunnlovsdagen');
    expect(holidayOn(DateTime.invalid('nope'))).toBeNull();
  });

  it('the Christmas week is 24–31 December', () => {
    expect(isChristmasWeek(oslo('2026-12-23T23:59'))).toBe(false);
    expect(isChristmasWeek(oslo('2026-12-24T00:00'))).toBe(true);
    expect(isChristmasWeek(oslo('2026-12-31T23:59'))).toBe(true);
    expect(isChristmasWeek(oslo('2027-01-01T10:00'))).toBe(false);
  });
});

describe('quiet hours on holidays', () => {
  const holidaysOnly: QuietHours = { ...DEFAULT_QUIET_HOURS, christmasWeek: false };

  it('a reminder on a public holiday waits for the next working day at 07:00', () => {
    // Easter: Thursday 2 April to Monday 6 April 2026 → Tuesday 07:00.
    expect(show(nextAllowedTime(oslo('2026-04-01T22:00'), DEFAULT_QUIET_HOURS))).toBe('Tue 2026-04-07 07:00');
    expect(show(nextAllowedTime(oslo('2026-04-06T09:00'), DEFAULT_QUIET_HOURS))).toBe('Tue 2026-04-07 07:00');
    // 17 May 2027 is a Monday.
    expect(show(nextAllowedTime(oslo('2027-05-17T09:00'), DEFAULT_QUIET_HOURS))).toBe('Tue 2027-05-18 07:00');
    expect(isQuiet(oslo('2026-12-25T12:00'), holidaysOnly)).toBe(true);
    // Julaften is not a public holiday: with the Christmas week off it is an ordinary Thursday.
    expect(isQuiet(oslo('2026-12-24T09:00'), holidaysOnly)).toBe(false);
    expect(show(nextAllowedTime(oslo('2026-12-25T09:00'), holidaysOnly))).toBe('Mon 2026-12-28 07:00');
  });

  it('the Christmas week, when on, is quiet from 24 December to the first working day of the new year', () => {
    expect(isQuiet(oslo('2026-12-24T09:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(oslo('2026-12-29T12:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    // 24.–31. December, 1 January (Friday), then the weekend: Monday 4 January 2027.
    expect(show(nextAllowedTime(oslo('2026-12-23T21:30'), DEFAULT_QUIET_HOURS))).toBe('Mon 2027-01-04 07:00');
    expect(show(nextAllowedTime(oslo('2026-12-23T20:59'), DEFAULT_QUIET_HOURS))).toBe('Wed 2026-12-23 20:59');
  });

  it('quiet hours that do not name holidays behave as before (absent is off)', () => {
    const legacy: QuietHours = { from: '21:00', to: '07:00', weekends: true };
    expect(isQuiet(oslo('2026-04-06T09:00'), legacy)).toBe(false);
    expect(isQuiet(oslo('2026-12-24T09:00'), legacy)).toBe(false);
    const never: QuietHours = { from: '00:00', to: '00:00', weekends: false, holidays: false, christmasWeek: false };
    expect(show(nextAllowedTime(oslo('2026-12-25T03:00'), never))).toBe('Fri 2026-12-25 03:00');
  });

  it('the demo situation: a reflection due 25 December gets no reminder on a holiday or a quiet day', () => {
    const now = oslo('2026-12-01T12:00');
    const deadline = oslo('2026-12-25T10:00');
    // Before: the day-before rule fired on julaften 09:00.
    const before = planReminders(deadline, DEFAULT_RULES['reflection-due'], { from: '21:00', to: '07:00', weekends: true }, now);
    expect(before.map((p) => [show(p.sendAt), p.skip])).toEqual([['Thu 2026-12-24 09:00', undefined]]);
    // Now, with the defaults: the quiet Christmas week would push it past the deadline, so it is not sent.
    const planned = planReminders(deadline, DEFAULT_RULES['reflection-due'], DEFAULT_QUIET_HOURS, now);
    expect(planned.map((p) => p.skip)).toEqual(['stille-tid']);
    // With only public holidays quiet the 24th is a working day and the reminder goes then, not on the 25th.
    const holidaysOnlyPlan = planReminders(deadline, [...DEFAULT_RULES['reflection-due'], { type: 'minutes-before', minutes: 60 }], holidaysOnly, now);
    expect(holidaysOnlyPlan.map((p) => [p.ruleKey, show(p.sendAt), p.skip])).toEqual([
      ['d1@09:00', 'Thu 2026-12-24 09:00', undefined],
      ['m60', 'Mon 2026-12-28 07:00', 'stille-tid'],
    ]);
    for (const p of [...planned, ...holidaysOnlyPlan].filter((r) => !r.skip)) {
      expect(holidayOn(p.sendAt)).toBeNull();
      expect(isQuiet(p.sendAt, holidaysOnly)).toBe(false);
    }
  });

  it('property: with every option on, the result is never earlier, never quiet, never on a holiday, and a fixed point', () => {
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true }),
        clock,
        clock,
        fc.boolean(),
        fc.boolean(),
        (instant, from, to, weekends, christmasWeek) => {
          const quiet: QuietHours = { from, to, weekends, holidays: true, christmasWeek };
          const next = nextAllowedTime(instant, quiet);
          expect(next.getTime()).toBeGreaterThanOrEqual(instant.getTime());
          expect(isQuiet(next, quiet)).toBe(false);
          expect(holidayOn(next)).toBeNull();
          expect(nextAllowedTime(next, quiet).getTime()).toBe(next.getTime());
          // The longest quiet stretch: 24 December to a Monday 4 January, plus a night.
          expect(next.getTime() - instant.getTime()).toBeLessThanOrEqual(13 * 86_400_000);
        },
      ),
      { numRuns: 500 },
    );
    // The exact dates where the long stretches are.
    for (const iso of ['2026-12-24T00:00', '2027-12-23T22:00', '2030-04-17T21:00', '2031-12-24T12:00']) {
      const quiet: QuietHours = { ...DEFAULT_QUIET_HOURS };
      const next = nextAllowedTime(oslo(iso), quiet);
      expect(isQuiet(next, quiet), iso).toBe(false);
    }
  });
});

describe('the demo plan and public holidays', () => {
  // What tests/reminders.test.ts expects of the demo on the day it runs, checked every other day
  // (so every weekday) from November 2026 to June 2028: two Christmases, two Easters, two Whitsuns.
  it('puts every demo item and deadline on a working day, so its reminders keep their times on any run date', () => {
    const clock = (d: Date) => DateTime.fromJSDate(d, { zone: OSLO }).toFormat('HH:mm');
    for (let day = DateTime.fromISO('2026-11-01T12:00', { zone: OSLO }); day < DateTime.fromISO('2028-07-01', { zone: OSLO }); day = day.plus({ days: 2 })) {
      const now = day.toJSDate();
      const plan = demoData(now).planItems;
      const first = DateTime.fromJSDate(plan[0]!.startsAt, { zone: OSLO }).startOf('day');
      for (const offset of DEMO_WORKING_DAYS) {
        const d = first.plus({ days: offset });
        expect(holidayOn(d) === null && !isChristmasWeek(d) && d.weekday <= 5, `${day.toISODate()}: day ${offset}`).toBe(true);
      }
      // «plans the demo»: twelve reminders ahead, Samling 1's at 09:00 the day before and an hour before.
      const planned = plan.flatMap((p) => planReminders(p.startsAt, DEFAULT_RULES['plan-item'], DEFAULT_QUIET_HOURS, now));
      expect(planned.filter((p) => !p.skip), day.toISODate()!).toHaveLength(12);
      expect(planReminders(plan[0]!.startsAt, DEFAULT_RULES['plan-item'], DEFAULT_QUIET_HOURS, now).map((p) => clock(p.sendAt))).toEqual(['09:00', '09:00']);
      // «moves pending reminders»: Samling 2 a week later keeps 09:00 the day before and 08:00.
      const moved = DateTime.fromJSDate(plan[3]!.startsAt, { zone: OSLO }).plus({ weeks: 1 }).toJSDate();
      expect(planReminders(moved, DEFAULT_RULES['plan-item'], DEFAULT_QUIET_HOURS, now).map((p) => clock(p.sendAt)), day.toISODate()!).toEqual(['09:00', '08:00']);
      // «validates settings»: Samling 3 two days before at 12:30.
      expect(planReminders(plan[5]!.startsAt, [{ type: 'days-before', days: 2, at: '12:30' }], DEFAULT_QUIET_HOURS, now).map((p) => clock(p.sendAt))).toEqual(['12:30']);
    }
  }, 60_000);
});
