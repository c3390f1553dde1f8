import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { OSLO } from '../../shared/time.js';

/**
 * Norwegian public holidays (helligdager og høytidsdager), pure: which Oslo calendar day is one.
 *
 * The dates come from `date-holidays` (country NO, its type 'public' only: the days of
 * helligdagsfredloven and 1 and 17 May), not from our own Easter arithmetic. Its other
 * Norwegian entries (julaften, nyttårsaften, palmesøndag, farsdag …) are of type 'bank' or
 * 'observance' and are no holidays here; the Christmas week is a separate, per-network choice
 * (see `isChristmasWeek`).
 */

export interface Holiday {
  /** The holiday's Norwegian (bokmål) name, e.g. «Første juledag», «2. påskedag». */
  name: string;
}

/** Which holiday, as a key for the catalogue (holiday.name.<key>), by date-holidays' rule. */
export type HolidayKey =
  | 'newYear'
  | 'maundyThursday'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'labourDay'
  | 'ascension'
  | 'constitutionDay'
  | 'whitSunday'
  | 'whitMonday'
  | 'christmasDay'
  | 'boxingDay';

const keyOfRule: Record<string, HolidayKey> = {
  '01-01': 'newYear',
  'easter -3': 'maundyThursday',
  'easter -2': 'goodFriday',
  easter: 'easterSunday',
  'easter 1': 'easterMonday',
  '05-01': 'labourDay',
  'easter 39': 'ascension',
  '05-17': 'constitutionDay',
  'easter 49': 'whitSunday',
  'easter 50': 'whitMonday',
  '12-25': 'christmasDay',
  '12-26': 'boxingDay',
};

const calendar = new Holidays('NO', { languages: ['no'], timezone: OSLO, types: ['public'] });

/** Per year: ISO date (yyyy-MM-dd) → name and key. A year's list is computed once. */
const byYear = new Map<number, Map<string, { name: string; key: HolidayKey | null }>>();

function holidaysOf(year: number): Map<string, { name: string; key: HolidayKey | null }> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of calendar.getHolidays(year)) {
      if (h.type !== 'public') continue;
      // `date` is the local (Oslo) start, 'yyyy-MM-dd HH:mm:ss'; every Norwegian public holiday is a whole day.
      const iso = h.date.slice(0, 10);
      if (!days.has(iso)) days.set(iso, { name: h.name, key: keyOfRule[h.rule] ?? null });
    }
    byYear.set(year, days);
  }
  return days;
}

function osloDay(date: DateTime | Date): DateTime {
  return date instanceof Date ? DateTime.fromJSDate(date, { zone: OSLO }) : date.setZone(OSLO);
}

/**
 * The public holiday on the Oslo calendar day of `date`, or null. An instant is read in
 * Europe/Oslo: 2026-12-24T23:30Z is 25 December in Oslo, so Christmas Day.
 */
export function holidayOn(date: DateTime | Date): Holiday | null {
  const day = osloDay(date);
  if (!day.isValid) return null;
  const found = holidaysOf(day.year).get(day.toISODate()!);
  return found ? { name: found.name } : null;
}

/** The catalogue key of the public holiday on that Oslo day; null when none, or one date-holidays added that we do not know. */
export function holidayKeyOn(date: DateTime | Date): HolidayKey | null {
  const day = osloDay(date);
  if (!day.isValid) return null;
  return holidaysOf(day.year).get(day.toISODate()!)?.key ?? null;
}

/**
 * 24–31 December, the Christmas week a network may make quiet («romjul» in the wide sense).
 * It includes julaften (24th) and nyttårsaften (31st), which are not public holidays but on which
 * most municipal offices and the facilitators' own offices (USHT, KS, Statsforvalteren) close
 * early or are closed, and the romjul days 27–30, when many in the public sector take leave.
 * The 25th and 26th are public holidays anyway, and 1 January is one too.
 */
export function isChristmasWeek(date: DateTime | Date): boolean {
  const day = osloDay(date);
  return day.month === 12 && day.day >= 24;
}
