import type { Database, Queryable } from '../platform/db/port.js';
import { planForNetwork } from '../plan/sql/plan.js';
import { countNetworkMembers } from '../network/sql/members.js';
import { reminderReport, upsertManualReminder, type ReportReminder } from './sql/reminders.js';
import { MANUAL_RULE_KEY, ruleFromKey, type ReminderKind } from './domain/reminders.js';
import type { PlanItem } from '../shared/types.js';
import { reminderKindDefinition } from './kinds.js';
import { notifyRemindersChanged } from './engine.js';
import { formatTime } from '../platform/i18n/format.js';
import { osloInstant } from '../shared/time.js';
import { t } from './messages.js';
import { reasonText } from './reasons.js';

/** The delivery report's groups, as the issue names them. */
export type ReportGroup = 'sendt' | 'venter' | 'feilet' | 'utilgjengelig' | 'avmeldt';

export const reportGroupOf = (status: string): ReportGroup =>
  status === 'sendt'
    ? 'sendt'
    : status === 'feilet' || status === 'usikker'
      ? 'feilet'
      : status === 'utilgjengelig'
        ? 'utilgjengelig'
        : status === 'avmeldt'
          ? 'avmeldt'
          : 'venter';

export interface ReminderReportEntry {
  id: string;
  kind: ReminderKind;
  subjectId: string;
  subjectTitle: string;
  ruleKey: string;
  /** «dagen før kl. 09.00», «60 min før», «sendt av fasilitator». */
  rule: string;
  sendAt: string;
  status: ReportReminder['status'];
  statusReason: string | null;
  counts: Record<ReportGroup, number>;
  recipients: Record<ReportGroup, { name: string; reason: string | null }[]>;
}

/** «dagen før kl. 09.00», «1 time før», «the day before at 09:00»: a rule in the reader's language. */
export function describeRule(key: string): string {
  if (key === MANUAL_RULE_KEY) return t('rule.manual');
  const rule = ruleFromKey(key);
  if (!rule) return key;
  if (rule.type === 'days-before') {
    // A wall-clock time, not an instant: any day shows it the same way.
    const time = formatTime(osloInstant('2026-01-05', rule.at));
    return rule.days === 1 ? t('rule.dayBefore', { time }) : t('rule.daysBefore', { count: rule.days, time });
  }
  if (rule.minutes % 60 === 0) return t('rule.hoursBefore', { count: rule.minutes / 60 });
  return t('rule.minutesBefore', { count: rule.minutes });
}

const emptyGroups = <T>(make: () => T): Record<ReportGroup, T> => ({
  sendt: make(),
  venter: make(),
  feilet: make(),
  utilgjengelig: make(),
  avmeldt: make(),
});

/** The network's reminders, latest sent first, then the next planned, with every recipient by name and outcome. */
export async function buildReminderReport(db: Queryable, networkId: string, limits = { upcoming: 20, recent: 30 }): Promise<ReminderReportEntry[]> {
  const rows = await reminderReport(db, networkId, limits);
  const titles = new Map<string, string>();
  const entries: ReminderReportEntry[] = [];
  for (const r of rows) {
    const key = `${r.kind}:${r.subjectId}`;
    if (!titles.has(key)) {
      const subject = await reminderKindDefinition(r.kind)?.load(db, r.subjectId);
      titles.set(key, subject?.title ?? t('report.deleted'));
    }
    const recipients = emptyGroups<{ name: string; reason: string | null }[]>(() => []);
    for (const d of r.deliveries) recipients[reportGroupOf(d.status)].push({ name: d.name, reason: reasonText(d.reason) });
    const counts = emptyGroups(() => 0);
    for (const g of Object.keys(counts) as ReportGroup[]) counts[g] = recipients[g].length;
    entries.push({
      id: r.id,
      kind: r.kind,
      subjectId: r.subjectId,
      subjectTitle: titles.get(key)!,
      ruleKey: r.ruleKey,
      rule: describeRule(r.ruleKey),
      sendAt: r.sendAt.toISOString(),
      status: r.status,
      statusReason: reasonText(r.statusReason),
      counts,
      recipients,
    });
  }
  return entries;
}

export interface ManualReminder {
  reminderId: string;
  item: PlanItem;
  sendAt: Date;
  recipients: number;
}

/**
 * A facilitator's «påminn nå» / «påminn om N»: a reminder for a plan item (the next one unless
 * named) to everyone in the network, now or in N minutes. Quiet hours do not apply: someone
 * asked for it. Opt-outs do.
 */
export async function remindAboutPlanItem(
  db: Database,
  input: { networkId: string; planItemId?: string; inMinutes: number; createdBy: string | null; now: Date },
): Promise<ManualReminder | 'ingen-aktivitet'> {
  const items = await planForNetwork(db, input.networkId);
  const item = input.planItemId
    ? items.find((i) => i.id === input.planItemId)
    : items.find((i) => i.startsAt.getTime() > input.now.getTime());
  if (!item) return 'ingen-aktivitet';
  const sendAt = new Date(input.now.getTime() + input.inMinutes * 60_000);
  const reminderId = await db.transaction((tx) =>
    upsertManualReminder(tx, { networkId: input.networkId, kind: 'plan-item', subjectId: item.id, sendAt, createdBy: input.createdBy }),
  );
  const recipients = await countNetworkMembers(db, input.networkId);
  notifyRemindersChanged();
  return { reminderId, item, sendAt, recipients };
}
