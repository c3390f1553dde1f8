import { DateTime } from 'luxon';
import { OSLO } from '../../shared/time.js';

/** «tir. 1. desember kl. 10.00» in Oslo time. */
export function formatOsloInstant(at: Date): string {
  return DateTime.fromJSDate(at, { zone: OSLO }).setLocale('nb').toFormat("ccc d. LLLL 'kl.' HH.mm");
}

/** «1. desember» in Oslo time. */
export function formatOsloDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone: OSLO }).setLocale('nb').toFormat('d. LLLL');
}
