/**
 * The tab's one place for dates and times a person reads, in the tab's language and the
 * network's zone (Oslo). It follows the server's src/platform/i18n/format.ts (the tab may not
 * import server code): Norwegian «tir. 8. desember kl. 10.00–12.00» (full stop in the clock),
 * English «Tue 8 December, 10:00–12:00».
 */
import type { Lang } from './i18n.js';

const INTL: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
export const intlTag = (lang: string): string => INTL[(lang in INTL ? lang : 'nb') as Lang];
const asLang = (lang: string): Lang => (lang === 'en' || lang === 'nn' ? lang : 'nb');

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[lang], { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

function part(f: Intl.DateTimeFormat, d: Date, type: Intl.DateTimeFormatPartTypes): string {
  return f.formatToParts(d).find((p) => p.type === type)?.value ?? '';
}

/**
 * Nynorsk names, written out: Chromium's ICU has no nn-NO data and falls back to English
 * («Tue. 5. January»), so Intl cannot be trusted for them. The forms are CLDR's (as luxon writes them on the server).
 */
const NN_WEEKDAYS = ['sun.', 'mån.', 'tys.', 'ons.', 'tor.', 'fre.', 'lau.'];
const NN_MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** Day of week (0 = Sunday), day of month and month (0-based) of the instant in the zone. */
function calendar(d: Date, timeZone: string): { weekday: number; day: number; month: number } {
  const f = fmt('en', timeZone, { weekday: 'short', day: 'numeric', month: 'numeric' });
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part(f, d, 'weekday'));
  return { weekday, day: Number(part(f, d, 'day')), month: Number(part(f, d, 'month')) - 1 };
}

/** «tir.», «tys.», «Tue». */
function weekdayShort(d: Date, lang: Lang, timeZone: string): string {
  if (lang === 'nn') return NN_WEEKDAYS[calendar(d, timeZone).weekday] ?? '';
  return part(fmt(lang, timeZone, { weekday: 'short' }), d, 'weekday');
}

/** «tir. 8. desember», «tys. 8. desember», «Tue 8 December». */
export function formatDate(iso: string, lang: string, timeZone: string): string {
  const l = asLang(lang);
  const d = new Date(iso);
  if (l === 'nn') {
    const c = calendar(d, timeZone);
    return `${NN_WEEKDAYS[c.weekday]} ${c.day}. ${NN_MONTHS[c.month]}`;
  }
  const f = fmt(l, timeZone, { day: 'numeric', month: 'long' });
  const day = part(f, d, 'day');
  const month = part(f, d, 'month');
  return l === 'en' ? `${weekdayShort(d, l, timeZone)} ${day} ${month}` : `${weekdayShort(d, l, timeZone)} ${day}. ${month}`;
}

/** «10.00», «10:00» (24-hour, whatever the browser's locale). */
export function formatClock(iso: string, lang: string, timeZone: string): string {
  const d = new Date(iso);
  const f = fmt('en', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${part(f, d, 'hour')}${asLang(lang) === 'en' ? ':' : '.'}${part(f, d, 'minute')}`;
}

/** «kl. 10.00», «10:00». */
export function formatTime(iso: string, lang: string, timeZone: string): string {
  return asLang(lang) === 'en' ? formatClock(iso, lang, timeZone) : `kl. ${formatClock(iso, lang, timeZone)}`;
}

/** «kl. 10.00–12.00», «10:00–12:00». */
export function formatClockRange(startIso: string, endIso: string, lang: string, timeZone: string): string {
  return `${formatTime(startIso, lang, timeZone)}–${formatClock(endIso, lang, timeZone)}`;
}

/** The joint between a date and its clock: «tir. 8. desember kl. 10.00», «Tue 8 December, 10:00». */
export const dateClockJoint = (lang: string): string => (asLang(lang) === 'en' ? ', ' : ' ');

/** «tir. 8. desember kl. 10.00», «Tue 8 December, 10:00». */
export function formatDateTime(iso: string, lang: string, timeZone: string): string {
  return `${formatDate(iso, lang, timeZone)}${dateClockJoint(lang)}${formatTime(iso, lang, timeZone)}`;
}

export function sameDay(aIso: string, bIso: string, timeZone: string): boolean {
  const f = fmt('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(aIso)) === f.format(new Date(bIso));
}

/** «tir. 8. desember kl. 10.00–12.00»; across days «… kl. 10.00 – ons. 9. desember kl. 12.00». */
export function formatRange(startIso: string, endIso: string, lang: string, timeZone: string): string {
  if (sameDay(startIso, endIso, timeZone)) {
    return `${formatDate(startIso, lang, timeZone)}${dateClockJoint(lang)}${formatClockRange(startIso, endIso, lang, timeZone)}`;
  }
  return `${formatDateTime(startIso, lang, timeZone)} – ${formatDateTime(endIso, lang, timeZone)}`;
}

/** A calendar day (yyyy-MM-dd) as «20.11.2026» in every language (the form the date fields take). */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}

/** The wall-clock date and time of an instant in the zone: { day: '2026-12-08', time: '10:00' }. */
export function wallParts(iso: string, timeZone: string): { day: string; time: string } {
  const f = fmt('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const d = new Date(iso);
  return { day: `${part(f, d, 'year')}-${part(f, d, 'month')}-${part(f, d, 'day')}`, time: `${part(f, d, 'hour')}:${part(f, d, 'minute')}` };
}

/**
 * What a person types in a date field: «8.12.2026», «08.12.2026», «8/12/2026» → «2026-12-08»;
 * null when it is not a real date in that order (day, month, year).
 */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What a person types in a 24-hour clock field: «9.00», «09:00», «0900» → «09:00»; null otherwise. */
export function parseClock(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:[.:]?(\d{2}))\s*$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** «09:00» as the clock field shows it in the tab's language: «09.00» / «09:00». */
export function showClock(time: string, lang: string): string {
  return asLang(lang) === 'en' ? time : time.replace(':', '.');
}
