import { DateTime } from 'luxon';
import { OSLO } from '../../shared/time.js';
import type { ReminderReportEntry, ReportGroup } from '../report.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';

const groupLabel: Record<ReportGroup, string> = {
  sendt: 'Sendt',
  venter: 'Venter',
  feilet: 'Feilet',
  utilgjengelig: 'Ikke nåbar',
  avmeldt: 'Avmeldt',
};

const statusLabel: Record<ReminderReportEntry['status'], string> = {
  planlagt: 'Planlagt',
  sender: 'Sendes nå',
  ferdig: 'Sendt',
  avlyst: 'Avlyst',
  'hoppet-over': 'Hoppet over',
};

function names(list: { name: string }[], max = 8): string {
  const shown = list.slice(0, max).map((r) => r.name);
  return list.length > max ? `${shown.join(', ')} og ${list.length - max} til` : shown.join(', ');
}

const when = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).setLocale('nb').toFormat("ccc d. LLL 'kl.' HH.mm");

/** «påminnelser»: the delivery report for facilitators: the latest sent with names, then what is next. */
export function reminderReportCard(networkName: string, entries: ReminderReportEntry[], max = { recent: 4, upcoming: 3 }): AdaptiveCard {
  const body: CardElement[] = [
    text(`Påminnelser – ${networkName}`, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text('Siste utsendinger og de neste som er planlagt · norsk tid', { isSubtle: true, spacing: 'None' }),
  ];
  const recent = entries.filter((e) => e.status === 'sender' || e.status === 'ferdig').slice(0, max.recent);
  const upcoming = entries.filter((e) => e.status === 'planlagt').slice(0, max.upcoming);
  const lines: string[] = [];
  if (recent.length === 0 && upcoming.length === 0) body.push(text('Ingen påminnelser ennå.'));
  for (const e of recent) {
    const facts = (Object.keys(groupLabel) as ReportGroup[])
      .filter((g) => e.counts[g] > 0)
      .map((g) => ({ title: `${groupLabel[g]} (${e.counts[g]})`, value: names(e.recipients[g]) }));
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        text(`**${e.subjectTitle}**`),
        text(`${statusLabel[e.status]} · ${e.rule} · ${when(e.sendAt)}`, { isSubtle: true, spacing: 'None', size: 'Small' }),
        ...(facts.length > 0 ? [{ type: 'FactSet', facts }] : []),
      ],
    });
    lines.push(
      `${e.subjectTitle} – ${statusLabel[e.status]}, ${e.rule}, ${when(e.sendAt)}: ` +
        (Object.keys(groupLabel) as ReportGroup[]).map((g) => `${groupLabel[g].toLowerCase()} ${e.counts[g]}`).join(', '),
    );
  }
  if (upcoming.length > 0) {
    body.push(text('Neste', { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    for (const e of upcoming) {
      body.push(text(`${when(e.sendAt)} · ${e.subjectTitle} (${e.rule})`, { spacing: 'Small' }));
      lines.push(`Neste: ${when(e.sendAt)} · ${e.subjectTitle} (${e.rule})`);
    }
  }
  body.push(text('Hele rapporten finnes i fanen, under Påminnelser.', { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body, [], `Påminnelser – ${networkName}\n${lines.join('\n') || 'Ingen påminnelser ennå.'}`);
}
