import { holidayKeyOn, holidayOn, isChristmasWeek } from './domain/holidays.js';
import { DEFAULT_QUIET_HOURS, type QuietHours } from './domain/reminders.js';
import { t } from './messages.js';
import type { Queryable } from '../platform/db/port.js';
import { reminderSettings } from './sql/reminders.js';

/** The public holiday on that day in the reader's language («1. juledag», «Christmas Day»); null when none. */
export function holidayNameOn(date: Date): string | null {
  const holiday = holidayOn(date);
  if (!holiday) return null;
  const key = holidayKeyOn(date);
  // A holiday date-holidays adds in a later version, before we have words for it: its bokmål name.
  return key ? t(`holiday.name.${key}`) : holiday.name;
}

/**
 * For the facilitator who sets a deadline (or a plan item's start): a warning when it falls on
 * a Norwegian public holiday or, if the network keeps it quiet, in the Christmas week, since
 * no reminder goes out that day. Null for an ordinary day. In the current reader's language:
 * «Fristen er 1. juledag, en helligdag: påminnelser sendes ikke den dagen.»
 *
 * `quiet` is the network's quiet hours; without it the defaults (holidays and Christmas week
 * quiet) are assumed.
 */
export function holidayNotice(dueAt: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): string | null {
  const name = holidayNameOn(dueAt);
  if (name) return t(quiet.holidays === true ? 'holiday.onHoliday' : 'holiday.onHolidayNotQuiet', { name });
  if (quiet.christmasWeek === true && isChristmasWeek(dueAt)) return t('holiday.christmasWeek');
  return null;
}

/** holidayNotice with the network's own quiet hours, for a use case that sets a deadline. */
export async function networkHolidayNotice(db: Queryable, networkId: string, dueAt: Date): Promise<string | null> {
  return holidayNotice(dueAt, (await reminderSettings(db, networkId)).quiet);
}
