import { timeRangeParts } from '../format.js';
import type { Lang } from '../i18n.js';
import { OSLO } from '../oslo-time.js';

/** «tir. 1. des.» and «16:00» for a due time, always in Oslo time. */
export function dueParts(iso: string, lang: Lang): { date: string; time: string } {
  const p = timeRangeParts(iso, iso, lang, OSLO);
  return { date: p.startDate, time: p.start };
}

/** A calendar date (yyyy-MM-dd) as «20.11.2026» / «20/11/2026». */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { timeZone: OSLO, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
