import { DateTime } from 'luxon';

export const OSLO = 'Europe/Oslo';

/** Wall-clock time in Oslo → instant. Luxon applies the right offset on both sides of DST. */
export function osloInstant(date: string, time: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: OSLO });
  if (!dt.isValid) throw new Error(`Ugyldig tidspunkt: ${date} ${time}`);
  return dt.toJSDate();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** «Tir. 1. desember kl. 10.00–12.00», or with both dates when it spans days. */
export function formatOsloRange(start: Date, end: Date): string {
  const s = DateTime.fromJSDate(start, { zone: OSLO }).setLocale('nb');
  const e = DateTime.fromJSDate(end, { zone: OSLO }).setLocale('nb');
  const day = capitalise(s.toFormat('ccc d. LLLL'));
  if (s.hasSame(e, 'day')) return `${day} kl. ${s.toFormat('HH.mm')}–${e.toFormat('HH.mm')}`;
  return `${day} kl. ${s.toFormat('HH.mm')} – ${e.toFormat('ccc d. LLLL')} kl. ${e.toFormat('HH.mm')}`;
}

/** The Oslo calendar date (yyyy-MM-dd) of an instant. */
export function osloDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: OSLO }).toISODate() ?? '';
}

/** Adds whole calendar days in Oslo, so 09:00 stays 09:00 across a DST change. */
export function addOsloDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: OSLO }).plus({ days }).toISODate() ?? date;
}
