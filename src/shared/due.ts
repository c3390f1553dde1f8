import { DateTime } from 'luxon';
import { OSLO } from './time.js';
import { formatDateTime } from '../platform/i18n/format.js';

/**
 * «tir. 1. desember kl. 16.00», in Oslo time and the reader's language. Lower case: it stands
 * mid-sentence («fram til tir. 1. desember …»), where Norwegian writes weekdays small.
 */
export const formatDue = (instant: Date): string => formatDateTime(instant);

/** The Oslo wall-clock date and time of an instant, as card inputs want them (yyyy-MM-dd, HH:mm). */
export function osloDateAndTime(instant: Date): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: OSLO });
  return { date: dt.toISODate() ?? '', time: dt.toFormat('HH:mm') };
}
