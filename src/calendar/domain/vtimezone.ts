import { DateTime } from 'luxon';

/**
 * The VTIMEZONE a feed carries for its TZID (RFC 5545 3.6.5), derived from the time-zone
 * database (through luxon and the runtime's Intl) rather than typed in: the zone's offset
 * changes in a reference year become yearly rules («last Sunday of March at 02:00»). Outlook
 * needs the component to place TZID times at all; clients that know the IANA name use their own.
 * ical-generator takes it as a generator function (`timezone({ name, generator })`) and puts
 * the text where it belongs in the calendar.
 */
export interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Offsets in minutes east of UTC, before and after the change. */
  offsetFrom: number;
  offsetTo: number;
  /** The zone's short name after the change (CET, CEST), if the runtime knows one. */
  name: string | null;
  month: number;
  /** ISO weekday (1 Monday … 7 Sunday) and which of the month (1–4, or -1: the last). */
  weekday: number;
  week: number;
  /** The wall-clock time of the change, in the offset before it. */
  hour: number;
  minute: number;
}

const HOUR = 3_600_000;
const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The instants in `year` when the zone's offset changes (to the minute). */
function changesIn(zone: string, year: number): number[] {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const found: number[] = [];
  for (let t = start; t < end; t += HOUR) {
    if (offsetAt(t) === offsetAt(t + HOUR)) continue;
    // The change lies in (t, t + 1 h]: narrow it down to the minute.
    let lo = t;
    let hi = t + HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid) === offsetAt(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/** The zone's yearly changes as rules, read off `referenceYear`; none for a zone without daylight saving time. */
export function observancesOf(zone: string, referenceYear: number): Observance[] {
  return changesIn(zone, referenceYear).map((at) => {
    const before = DateTime.fromMillis(at - 1, { zone });
    const after = DateTime.fromMillis(at, { zone });
    // The wall clock just as it changes, still in the old offset (02:00 in March, 03:00 in October).
    const wall = DateTime.fromMillis(at, { zone: 'utc' }).plus({ minutes: before.offset });
    const last = wall.day + 7 > wall.daysInMonth!;
    return {
      kind: after.offset > before.offset ? 'DAYLIGHT' : 'STANDARD',
      offsetFrom: before.offset,
      offsetTo: after.offset,
      name: after.setLocale('en-GB').offsetNameShort?.replace(/^GMT.*$/, '') || null,
      month: wall.month,
      weekday: wall.weekday,
      week: last ? -1 : Math.ceil(wall.day / 7),
      hour: wall.hour,
      minute: wall.minute,
    };
  });
}

/** The day `o` falls on in `year`: its weekday, the n-th or the last of its month. */
export function observanceDay(o: Observance, year: number): DateTime {
  const first = DateTime.fromObject({ year, month: o.month, day: 1 }, { zone: 'utc' });
  if (o.week > 0) return first.plus({ days: ((o.weekday - first.weekday + 7) % 7) + 7 * (o.week - 1) });
  const lastDay = first.endOf('month').startOf('day');
  return lastDay.minus({ days: (lastDay.weekday - o.weekday + 7) % 7 });
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/**
 * The VTIMEZONE component for `zone`, for ical-generator's timezone generator. Rules start in
 * 1970 so that every event of a feed, however old, lies after them.
 */
export function vtimezone(zone: string, referenceYear: number): string {
  const observances = observancesOf(zone, referenceYear);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (observances.length === 0) {
    const offset = offsetText(DateTime.fromObject({ year: referenceYear }, { zone }).offset);
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const o of observances) {
    const day = observanceDay(o, 1970).set({ hour: o.hour, minute: o.minute });
    lines.push(
      `BEGIN:${o.kind}`,
      `DTSTART:${day.toFormat("yyyyLLdd'T'HHmmss")}`,
      `RRULE:FREQ=YEARLY;BYMONTH=${o.month};BYDAY=${o.week}${RRULE_DAYS[o.weekday - 1]}`,
      `TZOFFSETFROM:${offsetText(o.offsetFrom)}`,
      `TZOFFSETTO:${offsetText(o.offsetTo)}`,
      ...(o.name ? [`TZNAME:${o.name}`] : []),
      `END:${o.kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
