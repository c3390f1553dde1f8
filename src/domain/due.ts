import { DateTime } from 'luxon';
import { OSLO } from './time.js';

/** «Tir. 1. desember kl. 16.00», in Oslo time whatever the server's zone. */
export function formatDue(instant: Date): string {
  const dt = DateTime.fromJSDate(instant, { zone: OSLO }).setLocale('nb');
  const day = dt.toFormat('ccc d. LLLL');
  return `${day.charAt(0).toUpperCase()}${day.slice(1)} kl. ${dt.toFormat('HH.mm')}`;
}

/** The Oslo wall-clock date and time of an instant, as card inputs want them (yyyy-MM-dd, HH:mm). */
export function osloDateAndTime(instant: Date): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: OSLO });
  return { date: dt.toISODate() ?? '', time: dt.toFormat('HH:mm') };
}
