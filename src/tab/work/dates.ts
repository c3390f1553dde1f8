import { formatDateTime, formatDay as dayText } from '../format.js';
import { OSLO } from '../oslo-time.js';

/** «tir. 1. desember kl. 16.00» / «Tue 1 December, 16:00» for a due time, always in Oslo time. */
export function dueText(iso: string, lang: string): string {
  return formatDateTime(iso, lang, OSLO);
}

/** A calendar date (yyyy-MM-dd) as «20.11.2026». */
export function formatDay(day: string): string {
  return dayText(day);
}
