/** The report's period (?from=&to=, Oslo dates, both optional and inclusive), checked at the edge. */
import { calendarDate } from '../shared/validation.js';
import { invalid, ok, type Result } from '../shared/result.js';
import { addOsloDays, osloInstant } from '../shared/time.js';
import { t } from './messages.js';

export interface ReportPeriod {
  /** Oslo dates as asked for (null: open-ended), for the file name. */
  fromDate: string | null;
  toDate: string | null;
  /** Instants: from the first day's midnight to the midnight after the last day. */
  from: Date;
  to: Date;
}

const oneValue = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const dateSchema = calendarDate();

export function reportPeriod(query: Record<string, unknown>): Result<ReportPeriod> {
  const raw = { from: String(oneValue(query.from)), to: String(oneValue(query.to)) };
  const from = raw.from === '' ? null : dateSchema.safeParse(raw.from);
  if (from && !from.success) return invalid(t('input.from'), 'from');
  const to = raw.to === '' ? null : dateSchema.safeParse(raw.to);
  if (to && !to.success) return invalid(t('input.to'), 'to');
  const fromDate = from?.data ?? null;
  const toDate = to?.data ?? null;
  if (fromDate && toDate && toDate < fromDate) return invalid(t('input.order'), 'to');
  return ok({
    fromDate,
    toDate,
    from: fromDate ? osloInstant(fromDate, '00:00') : new Date(-8.64e15),
    to: toDate ? osloInstant(addOsloDays(toDate, 1), '00:00') : new Date(8.64e15),
  });
}

export const inPeriod = (p: Pick<ReportPeriod, 'from' | 'to'>, at: Date) => at.getTime() >= p.from.getTime() && at.getTime() < p.to.getTime();
