import { formatDate, formatDateTime } from '../../platform/i18n/format.js';

/** «tir. 1. desember kl. 10.00», «Tue 1 December, 10:00»: Oslo time, the reader's language. */
export function formatOsloInstant(at: Date): string {
  return formatDateTime(at);
}

/** «tir. 1. desember», «Tue 1 December». */
export function formatOsloDay(at: Date): string {
  return formatDate(at);
}
