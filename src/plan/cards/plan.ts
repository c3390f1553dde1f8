import { bodyLabel, formatLabel, kindLabel } from '../../shared/labels.js';
import { capitalise, formatRange } from '../../platform/i18n/format.js';
import { currentLocale } from '../../platform/i18n/context.js';
import { intlTag } from '../../platform/i18n/locale.js';
import type { Network, PlanItem } from '../../shared/types.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { t } from '../messages.js';

export interface PlanRow {
  /** The item's deep link into the channel tab (facilitators only); null otherwise. */
  tabUrl: string | null;
  when: string;
  what: string;
  detail: string | null;
  format: string;
  /** Null: no body is named as responsible. */
  responsible: string | null;
  meetingUrl: string | null;
}

/** The plan's rows in the reader's language: «Tir. 8. desember kl. 10.00–12.00», «Tue 8 December, 10:00–12:00». */
export function planRows(items: PlanItem[], openInTab?: (itemId: string) => string): PlanRow[] {
  const lower = (s: string) => s.toLocaleLowerCase(intlTag[currentLocale()]);
  return items.map((item) => ({
    tabUrl: openInTab ? openInTab(item.id) : null,
    when: capitalise(formatRange(item.startsAt, item.endsAt)),
    // «Samling 1 – …» already says what it is; «Samling: Samling 1 – …» would stutter.
    what: lower(item.title).startsWith(lower(kindLabel[item.kind])) ? item.title : `${kindLabel[item.kind]}: ${item.title}`,
    detail: item.agenda,
    format: formatLabel[item.format],
    responsible: item.responsibleBody ? bodyLabel[item.responsibleBody] : null,
    meetingUrl: item.meetingUrl,
  }));
}

const cell = (items: CardElement[]): CardElement => ({ type: 'TableCell', items });

/** One row as a line of text: the table's equivalent for screen readers and clients without tables. */
const rowLine = (r: PlanRow) => `${r.when} · ${r.what} · ${r.format} · ${r.responsible ?? t('card.noResponsible')}`;

function planTable(rows: PlanRow[]): CardElement {
  const header = [t('card.columnWhen'), t('card.columnWhat'), t('card.columnFormat'), t('card.columnResponsible')];
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
            ...(r.meetingUrl ? [text(t('card.joinMeeting', { url: r.meetingUrl }), { size: 'Small' })] : []),
            ...(r.tabUrl ? [text(t('card.openInTab', { url: r.tabUrl }), { size: 'Small' })] : []),
          ]),
          cell([text(r.format)]),
          cell([text(r.responsible ?? '–')]),
        ],
      })),
    ],
    // Clients without Table support get the same facts as a list.
    fallback: {
      type: 'Container',
      items: rows.map((r) =>
        text(`**${r.when}** · ${r.what} · ${r.format} · ${r.responsible ?? t('card.noResponsible')}${r.tabUrl ? ` · ${t('card.openInTab', { url: r.tabUrl })}` : ''}`),
      ),
    },
  };
}

export interface PlanCardOptions {
  /** A facilitator's card: each item's deep link into the channel tab, where they can edit it. */
  openInTab?: (itemId: string) => string;
}

export function planCard(network: Network, items: PlanItem[], now: Date, options: PlanCardOptions = {}): AdaptiveCard {
  const upcoming = items.filter((i) => i.endsAt >= now);
  const rows = planRows(upcoming, options.openInTab);
  const body: CardElement[] = [
    text(t('card.heading', { network: network.name }), { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(t('card.subtitle', { region: network.regionName }), { isSubtle: true, spacing: 'None' }),
  ];
  if (rows.length === 0) {
    body.push(text(t('card.empty')));
  } else {
    body.push(planTable(rows));
  }
  const fallbackText =
    rows.length === 0
      ? t('card.fallbackEmpty', { network: network.name })
      : `${t('card.fallbackHeading', { network: network.name })}\n${rows.map(rowLine).join('\n')}`;
  // The button opens the tab at the next item; every row has its own link too.
  const actions: CardElement[] = rows[0]?.tabUrl ? [{ type: 'Action.OpenUrl', title: t('card.openTabAction'), url: rows[0].tabUrl }] : [];
  return adaptiveCard(body, actions, fallbackText);
}
