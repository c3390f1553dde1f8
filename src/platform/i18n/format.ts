/**
 * The one place dates, times, numbers and lists are written for people, per language, always
 * in Oslo time. Norwegian writes «tir. 8. desember kl. 10.00–12.00» (a full stop in the clock,
 * weekdays lower case mid-sentence); English «Tue 8 December, 10:00–12:00».
 */
import { DateTime } from 'luxon';
import { currentLocale } from './context.js';
import { intlTag, type Locale } from './locale.js';

const OSLO = 'Europe/Oslo';
const NBSP = '\u00a0';

const at = (instant: Date, locale: Locale) => DateTime.fromJSDate(instant, { zone: OSLO }).setLocale(intlTag[locale]);

/**
 * Luxon takes 40–60 µs for a date with its weekday, and a poll card asks for the same few
 * instants (its closing time, the plan item's start) on every vote. Nothing here shows seconds,
 * and Oslo's offset is whole hours, so one minute gives one text: the texts are kept per
 * formatter, language and minute. The bound keeps a long-running process from growing with it.
 */
const CACHE_LIMIT = 2_000;
function perMinute(format: (instant: Date, locale: Locale) => string): (instant: Date, locale?: Locale) => string {
  const cache = new Map<string, string>();
  return (instant, locale = currentLocale()) => {
    const key = `${locale}${Math.floor(instant.getTime() / 60_000)}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = format(instant, locale);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, text);
    }
    return text;
  };
}

/** «tir.», «tys.», «Tue»: ICU leaves nynorsk's abbreviation without its full stop. */
function weekdayShort(dt: DateTime, locale: Locale): string {
  const day = dt.toFormat('ccc');
  return locale === 'nn' && !day.endsWith('.') ? `${day}.` : day;
}

/** «tir. 8. desember», «tys. 8. desember», «Tue 8 December». */
export const formatDate = perMinute((instant, locale) => {
  const dt = at(instant, locale);
  return locale === 'en' ? `${weekdayShort(dt, locale)} ${dt.toFormat('d LLLL')}` : `${weekdayShort(dt, locale)} ${dt.toFormat('d. LLLL')}`;
});

/** «tirsdag 8. desember», «Tuesday 8 December». */
export function formatDateLong(instant: Date, locale: Locale = currentLocale()): string {
  const dt = at(instant, locale);
  return dt.toFormat(locale === 'en' ? 'cccc d LLLL' : 'cccc d. LLLL');
}

/** «8. des.», «8 Dec». */
export function formatShortDate(instant: Date, locale: Locale = currentLocale()): string {
  const dt = at(instant, locale);
  return locale === 'en' ? dt.toFormat('d LLL') : `${dt.toFormat('d.')} ${dt.toFormat('LLL').replace(/\.?$/, '.')}`;
}

const clock = (dt: DateTime, locale: Locale) => dt.toFormat(locale === 'en' ? 'HH:mm' : 'HH.mm');

/** «kl. 10.00», «10:00». */
export const formatTime = perMinute((instant, locale) => {
  const dt = at(instant, locale);
  return locale === 'en' ? clock(dt, locale) : `kl. ${clock(dt, locale)}`;
});

/** «tir. 8. desember kl. 10.00», «Tue 8 December, 10:00». */
export const formatDateTime = perMinute((instant, locale) =>
  locale === 'en' ? `${formatDate(instant, locale)}, ${formatTime(instant, locale)}` : `${formatDate(instant, locale)} ${formatTime(instant, locale)}`,
);

/** «tir. 8. desember kl. 10.00–12.00»; across days both dates: «… kl. 10.00 – ons. 9. desember kl. 12.00». */
export function formatRange(start: Date, end: Date, locale: Locale = currentLocale()): string {
  const s = at(start, locale);
  const e = at(end, locale);
  if (s.hasSame(e, 'day')) return `${formatDateTime(start, locale)}–${clock(e, locale)}`;
  return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}

/** «4 000», «4,000»: Norwegian groups thousands with a (non-breaking) space. */
export function formatCount(n: number, locale: Locale = currentLocale()): string {
  return n.toLocaleString(intlTag[locale]).replace(/\s/g, NBSP);
}

/** «a, b og c», «a, b and c»; `or` for alternatives («a, b eller c»). */
export function formatList(items: readonly string[], kind: 'and' | 'or' = 'and', locale: Locale = currentLocale()): string {
  return new Intl.ListFormat(intlTag[locale], { type: kind === 'and' ? 'conjunction' : 'disjunction' }).format(items);
}

/** «1 t 30 min», «1 h 30 min», «45 min». */
export function formatDuration(minutes: number, locale: Locale = currentLocale()): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const hours = h > 0 ? `${h}${NBSP}${locale === 'en' ? 'h' : 't'}` : '';
  const mins = m > 0 || h === 0 ? `${m}${NBSP}min` : '';
  return [hours, mins].filter(Boolean).join(' ');
}

/** First letter up, for a date that starts a line («Tir. 8. desember …»). */
export function capitalise(text: string, locale: Locale = currentLocale()): string {
  return text.charAt(0).toLocaleUpperCase(intlTag[locale]) + text.slice(1);
}
