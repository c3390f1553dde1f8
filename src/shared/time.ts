import { DateTime } from 'luxon';
import { capitalise, formatRange } from '../platform/i18n/format.js';

export const OSLO = 'Europe/Oslo';

/** Wall-clock time in Oslo → instant. Luxon applies the right offset on both sides of DST. */
export function osloInstant(date: string, time: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: OSLO });
  if (!dt.isValid) throw new Error(`Ugyldig tidspunkt: ${date} ${time}`);
  return dt.toJSDate();
}

/** «Tir. 1. desember kl. 10.00–12.00» (in the reader's language), or with both dates when it spans days. */
export function formatOsloRange(start: Date, end: Date): string {
  return capitalise(formatRange(start, end));
}

/** The Oslo calendar date (yyyy-MM-dd) of an instant. */
export function osloDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: OSLO }).toISODate() ?? '';
}

/** Adds whole calendar days in Oslo, so 09:00 stays 09:00 across a DST change. */
export function addOsloDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: OSLO }).plus({ days }).toISODate() ?? date;
}
