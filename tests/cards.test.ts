import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { planCard } from '../src/plan/cards/plan.js';
import { helpCard, welcomeCard } from '../src/network/cards/welcome.js';
import { helpEntries } from '../src/app/bot-commands.js';
import { demoData } from '../src/demo/demo.js';
import type { Network, PlanItem } from '../src/shared/types.js';
import { adaptiveCardProblems } from './helpers/cards.js';

const now = new Date('2026-11-27T08:00:00Z');
const demo = demoData(now);
const network: Network = {
  id: 'n1',
  slug: demo.network.slug,
  name: demo.network.name,
  regionId: 'r1',
  regionName: demo.region.name,
  reformCode: 'leve-hele-livet',
  bodies: ['USHT'],
  teamsTeamId: null,
};
const items: PlanItem[] = demo.planItems.map((p, i) => ({ ...p, id: `p${i}`, networkId: 'n1' }));

describe('Adaptive Cards pass the official SDK parser without problems', () => {
  it.each([
    ['welcome', welcomeCard(network.name)],
    ['welcome without network', welcomeCard(undefined)],
    ['help', helpCard(helpEntries())],
    ['help for unknown input', helpCard(helpEntries(), 'hva nå')],
    ['plan', planCard(network, items, now)],
    ['empty plan', planCard(network, [], now)],
  ])('%s', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('the validator does catch a broken card', () => {
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Tabel' }] })).not.toEqual([]);
  });
});

describe('plan card', () => {
  it('shows only what has not ended yet, in Oslo time', () => {
    const later = new Date(items[3]!.endsAt.getTime() + 1);
    const card = planCard(network, items, later);
    const table = card.body.find((e) => e.type === 'Table') as { rows: unknown[] };
    expect(table.rows).toHaveLength(1 + items.length - 4);
    // The demo plan moves with the clock (and around holidays): its first samling, written out by hand.
    const first = items[0]!;
    const start = DateTime.fromJSDate(first.startsAt, { zone: 'Europe/Oslo' }).setLocale('nb');
    const end = DateTime.fromJSDate(first.endsAt, { zone: 'Europe/Oslo' });
    const day = start.toFormat('ccc d. LLLL');
    const expected = `${day.charAt(0).toUpperCase()}${day.slice(1)} kl. ${start.toFormat('HH.mm')}–${end.toFormat('HH.mm')}`;
    expect(expected).toMatch(/^[A-ZÆØÅ][a-zæøå]{2}\. \d{1,2}\. [a-zæøå]+ kl\. \d{2}\.\d{2}–\d{2}\.\d{2}$/);
    expect(JSON.stringify(planCard(network, items, now))).toContain(expected);
  });

  it('says so when nothing is ahead', () => {
    expect(JSON.stringify(planCard(network, items, new Date('2030-01-01')))).toContain('ingen kommende aktiviteter');
  });
});
