import type { Lang } from './i18n.js';

export interface TimeRangeParts {
  startDate: string;
  start: string;
  endDate: string;
  end: string;
  sameDay: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  const intlLocale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const key = `${intlLocale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Splits one formatted instant into its date part ("tir. 1. des.") and clock part ("10:00"),
 * so the caller can join them with the locale's own words ("kl.").
 */
function split(f: Intl.DateTimeFormat, d: Date): { date: string; time: string } {
  const parts = f.formatToParts(d);
  const hourAt = parts.findIndex((p) => p.type === 'hour');
  const date = parts
    .slice(0, hourAt)
    .map((p) => p.value)
    .join('')
    .replace(/[\s,]+$/u, '');
  const time = parts
    .slice(hourAt)
    .map((p) => p.value)
    .join('');
  return { date, time };
}

export function timeRangeParts(startsAt: string, endsAt: string, lang: Lang, timeZone: string): TimeRangeParts {
  const f = formatter(lang, timeZone);
  const s = split(f, new Date(startsAt));
  const e = split(f, new Date(endsAt));
  return { startDate: s.date, start: s.time, endDate: e.date, end: e.time, sameDay: s.date === e.date };
}
