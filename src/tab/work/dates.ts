import { timeRangeParts } from '../format.js';
import type { Lang } from '../i18n.js';

export const OSLO = 'Europe/Oslo';

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

/** Minutes east of UTC that Oslo is at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(utcMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: OSLO, timeZoneName: 'longOffset' })
    .formatToParts(new Date(utcMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** An Oslo wall-clock time from a date and a time input («2026-12-01», «16:00») as an ISO instant. */
export function osloWallTimeToIso(date: string, time: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const c = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !c) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(c[1]), Number(c[2]));
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  let utc = asUtc - osloOffsetMinutes(asUtc) * 60_000;
  utc = asUtc - osloOffsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}
