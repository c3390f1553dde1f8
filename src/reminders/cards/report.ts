import type { ReminderReportEntry, ReportGroup } from '../report.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import { localizedRecord } from '../../platform/i18n/messages.js';
import { t } from '../messages.js';

const reportGroups: readonly ReportGroup[] = ['sendt', 'venter', 'feilet', 'utilgjengelig', 'avmeldt'];
const groupLabel = localizedRecord(reportGroups, (g) => t(`report.group.${g}`));

const statuses: readonly ReminderReportEntry['status'][] = ['planlagt', 'sender', 'ferdig', 'avlyst', 'hoppet-over'];
/** A reminder's status as the report names it, in the reader's language. */
export const reminderStatusLabel = localizedRecord(statuses, (s) => t(`report.status.${s}`));

function names(list: { name: string }[], max = 8): string {
  const shown = list.slice(0, max).map((r) => r.name);
  return list.length > max ? t('report.more', { names: shown.join(', '), count: list.length - max }) : shown.join(', ');
}

const when = (iso: string) => formatDateTime(new Date(iso));

/** «påminnelser»: the delivery report for facilitators: the latest sent with names, then what is next. */
export function reminderReportCard(networkName: string, entries: ReminderReportEntry[], max = { recent: 4, upcoming: 3 }): AdaptiveCard {
  const title = t('report.title', { network: networkName });
  const body: CardElement[] = [
    text(title, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(t('report.subtitle'), { isSubtle: true, spacing: 'None' }),
  ];
  const recent = entries.filter((e) => e.status === 'sender' || e.status === 'ferdig').slice(0, max.recent);
  const upcoming = entries.filter((e) => e.status === 'planlagt').slice(0, max.upcoming);
  const lines: string[] = [];
  if (recent.length === 0 && upcoming.length === 0) body.push(text(t('report.empty')));
  for (const e of recent) {
    const facts = reportGroups.filter((g) => e.counts[g] > 0).map((g) => ({ title: `${groupLabel[g]} (${e.counts[g]})`, value: names(e.recipients[g]) }));
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        text(`**${e.subjectTitle}**`),
        text(`${reminderStatusLabel[e.status]} · ${e.rule} · ${when(e.sendAt)}`, { isSubtle: true, spacing: 'None', size: 'Small' }),
        ...(facts.length > 0 ? [{ type: 'FactSet', facts }] : []),
      ],
    });
    lines.push(
      `${e.subjectTitle} – ${reminderStatusLabel[e.status]}, ${e.rule}, ${when(e.sendAt)}: ` +
        reportGroups.map((g) => `${groupLabel[g].toLowerCase()} ${e.counts[g]}`).join(', '),
    );
  }
  if (upcoming.length > 0) {
    body.push(text(t('report.next'), { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    for (const e of upcoming) {
      const line = `${when(e.sendAt)} · ${e.subjectTitle} (${e.rule})`;
      body.push(text(line, { spacing: 'Small' }));
      lines.push(t('report.nextLine', { line }));
    }
  }
  body.push(text(t('report.footer'), { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body, [], `${title}\n${lines.join('\n') || t('report.empty')}`);
}
