import { bodyLabel, formatLabel, kindLabel } from '../../shared/labels.js';
import { formatOsloRange } from '../../shared/time.js';
import type { Network, PlanItem } from '../../shared/types.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';

export interface PlanRow {
  when: string;
  what: string;
  detail: string | null;
  format: string;
  responsible: string;
  meetingUrl: string | null;
}

export function planRows(items: PlanItem[]): PlanRow[] {
  return items.map((item) => ({
    when: formatOsloRange(item.startsAt, item.endsAt),
    // «Samling 1 – …» already says what it is; «Samling: Samling 1 – …» would stutter.
    what: item.title.toLocaleLowerCase('nb').startsWith(kindLabel[item.kind].toLocaleLowerCase('nb'))
      ? item.title
      : `${kindLabel[item.kind]}: ${item.title}`,
    detail: item.agenda,
    format: formatLabel[item.format],
    responsible: item.responsibleBody ? bodyLabel[item.responsibleBody] : '–',
    meetingUrl: item.meetingUrl,
  }));
}

const cell = (items: CardElement[]): CardElement => ({ type: 'TableCell', items });

function planTable(rows: PlanRow[]): CardElement {
  const header = ['Dato/kl.', 'Hva', 'Format', 'Ansvar'];
  return {
    type: 'Table',
    gridStyle: 'accent',
    firstRowAsHeaders: true,
    columns: [{ width: 3 }, { width: 5 }, { width: 2 }, { width: 2 }],
    rows: [
      { type: 'TableRow', style: 'accent', cells: header.map((h) => cell([text(h, { weight: 'Bolder' })])) },
      ...rows.map((r) => ({
        type: 'TableRow',
        cells: [
          cell([text(r.when)]),
          cell([
            text(r.what, { weight: 'Bolder' }),
            ...(r.detail ? [text(r.detail, { isSubtle: true, size: 'Small' })] : []),
            ...(r.meetingUrl ? [text(`[Bli med i Teams-møtet](${r.meetingUrl})`, { size: 'Small' })] : []),
          ]),
          cell([text(r.format)]),
          cell([text(r.responsible)]),
        ],
      })),
    ],
    // Clients without Table support get the same facts as a list.
    fallback: {
      type: 'Container',
      items: rows.map((r) => text(`**${r.when}** · ${r.what} · ${r.format} · ${r.responsible}`)),
    },
  };
}

export function planCard(network: Network, items: PlanItem[], now: Date): AdaptiveCard {
  const upcoming = items.filter((i) => i.endsAt >= now);
  const rows = planRows(upcoming);
  const body: CardElement[] = [
    text(`Aktivitetsplan – ${network.name}`, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(`${network.regionName} · alle tider er norsk tid`, { isSubtle: true, spacing: 'None' }),
  ];
  if (rows.length === 0) {
    body.push(text('Det er ingen kommende aktiviteter i planen ennå.'));
  } else {
    body.push(planTable(rows));
  }
  const fallbackText =
    rows.length === 0
      ? `Aktivitetsplan – ${network.name}: ingen kommende aktiviteter.`
      : `Aktivitetsplan – ${network.name}:\n` +
        rows.map((r) => `${r.when} · ${r.what} · ${r.format} · ${r.responsible}`).join('\n');
  return adaptiveCard(body, [], fallbackText);
}
