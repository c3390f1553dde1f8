/**
 * The one place the tab turns a wall-clock time typed in a form into an instant. Samlingspunkt
 * keeps its times in Oslo time (the server says which zone in each response's `timeZone`), so
 * «2026-12-01 16:00» means 16:00 in Oslo whatever zone the browser is in.
 */

export const OSLO = 'Europe/Oslo';

/** Minutes the zone is ahead of UTC at this instant (60 or 120 for Oslo), from the browser's tz data. */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * A wall-clock date and time («2026-12-01», «16:00») in the zone (Oslo unless told) as an ISO
 * instant; null when either is not in that form. Two passes settle the offset on either side of
 * a DST change.
 */
export function wallTimeToIso(date: string, time: string, timeZone: string = OSLO): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const c = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !c) return null;
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(c[1]), Number(c[2]));
  let utc = naive - offsetMinutes(naive, timeZone) * 60_000;
  utc = naive - offsetMinutes(utc, timeZone) * 60_000;
  return new Date(utc).toISOString();
}

/** The value of a datetime-local input («2026-09-16T10:00») as an ISO instant, or null. */
export function localInputToIso(local: string, timeZone: string = OSLO): string | null {
  const [date = '', time = '', ...rest] = local.split('T');
  return rest.length === 0 ? wallTimeToIso(date, time, timeZone) : null;
}
