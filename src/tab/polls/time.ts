/** Minutes Oslo is ahead of UTC at this instant (60 or 120), from the browser's own tz data. */
function osloOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * «2026-09-16T10:00» typed in the form means Oslo time whatever the browser's zone is; the API
 * wants an ISO instant. Two passes settle the offset on either side of a DST change.
 */
export function wallTimeToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = naive - osloOffsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - osloOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess).toISOString();
}
