import { describe, expect, it } from 'vitest';
import { pollCard, POLL_VERBS, type PollCardModel } from '../src/polls/cards/poll.js';
import { pollFormCard, repeatPickerCard } from '../src/polls/cards/form.js';
import { pollListCard } from '../src/polls/cards/list.js';
import { shiftOf } from '../src/polls/domain/compare.js';
import { pollResults, type AnswerGroup } from '../src/polls/domain/results.js';
import type { Poll, PollDefinition } from '../src/polls/domain/polls.js';
import { adaptiveCardProblems } from './helpers/cards.js';

/**
 * The SDK parser does not know Teams' chart elements: it reports exactly this for each one and
 * uses the element's fallback. Anything else it reports is a real problem.
 */
const CHART_NOTICE = /^Unknown element type "Chart\.(HorizontalBar|VerticalBar|VerticalBar\.Grouped)"\. Fallback will be used if present\.$/;

function problems(card: unknown): string[] {
  return adaptiveCardProblems(card).filter((p) => !CHART_NOTICE.test(p));
}

function elements(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') elements(v, out);
  }
  return out;
}

const base: Omit<Poll, keyof PollDefinition> = {
  id: '11111111-1111-4111-8111-111111111111',
  networkId: '22222222-2222-4222-8222-222222222222',
  planItemId: null,
  repeatOf: null,
  opensAtMeetingStart: false,
  opensAt: new Date('2026-09-16T08:00:00Z'),
  closesAt: null,
  closedAt: null,
  sendToAll: false,
  createdAt: new Date('2026-09-16T07:00:00Z'),
};
const definitions: Record<string, PollDefinition> = {
  enkeltvalg: { kind: 'enkeltvalg', question: 'Hvordan vil Leve hele livet bidra til forandring i din kommune?', options: ['I stor grad', 'I noen grad', 'I liten grad'], maxChoices: null, scale: null, anonymous: false, breakdown: 'both' },
  flervalg: { kind: 'flervalg', question: 'Hvilke innsatsområder?', options: ['Et aldersvennlig Norge', 'Aktivitet og fellesskap', 'Mat og måltider', 'Helsehjelp', 'Sammenheng i tjenestene'], maxChoices: 2, scale: null, anonymous: true, breakdown: 'municipality' },
  skala: { kind: 'skala', question: 'Hvor godt kjenner du reformen?', options: [], maxChoices: null, scale: { max: 10, minLabel: 'Ikke', maxLabel: 'Svært godt' }, anonymous: false, breakdown: 'both' },
  fritekst: { kind: 'fritekst', question: 'Ett ord om dagen?', options: [], maxChoices: null, scale: null, anonymous: false, breakdown: 'both' },
};
const answers: Record<string, AnswerGroup[]> = {
  enkeltvalg: [{ municipalityNumber: '3201', sector: 'plan', choices: [0], value: null, text: null, count: 3 }],
  flervalg: [{ municipalityNumber: '3201', sector: 'plan', choices: [0, 3], value: null, text: null, count: 6 }],
  skala: [{ municipalityNumber: '3201', sector: 'plan', choices: null, value: 7, text: null, count: 2 }],
  fritekst: [{ municipalityNumber: '3201', sector: 'plan', choices: null, value: null, text: 'Samarbeid på tvers', count: 2 }],
};
const labels = { municipality: (n: string | null) => n ?? '-', sector: (s: string | null) => s ?? '-' };
const signatures = Object.fromEntries(Object.values(POLL_VERBS).map((v) => [v, 'x'.repeat(22)])) as PollCardModel['signatures'];

function model(kind: string, over: Partial<PollCardModel> = {}): PollCardModel {
  const poll = { ...base, ...definitions[kind]! };
  return { poll, status: 'apen', results: pollResults(poll, answers[kind]!, labels), signatures, refreshUserIds: null, ...over };
}

describe('poll cards', () => {
  const views: [string, Partial<PollCardModel>][] = [
    ['shared, open', {}],
    ['shared, closed', { status: 'lukket' }],
    ['voter who answered', { viewer: { answer: { kind: 'valg', choices: [0] }, isFacilitator: false, canRepeat: false, notice: { text: 'Takk!', tone: 'good' } } }],
    ['facilitator', { viewer: { answer: undefined, isFacilitator: true, canRepeat: true } }],
    ['planned', { status: 'planlagt' }],
  ];
  for (const kind of Object.keys(definitions)) {
    for (const [name, over] of views) {
      it(`${kind}: ${name} is a valid Adaptive Card 1.5 with fallbacks for charts`, () => {
        const card = pollCard(model(kind, over));
        expect(card.version).toBe('1.5');
        expect(problems(card)).toEqual([]);
        for (const el of elements(card.body)) {
          if (String(el.type).startsWith('Chart.')) expect(el.fallback, `${String(el.type)} uten fallback`).toBeTruthy();
        }
        expect(JSON.stringify(card).length).toBeLessThan(28_000);
        for (const action of card.actions ?? []) expect(action).toMatchObject({ type: 'Action.Execute', fallback: { type: 'Action.Submit' } });
      });
    }
  }

  it('refreshes for at most 60 users and otherwise offers «Vis mitt svar / resultater»', () => {
    const many = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const refreshed = pollCard(model('enkeltvalg', { refreshUserIds: many })) as unknown as { refresh: { userIds: string[]; action: { verb: string } } };
    expect(refreshed.refresh.userIds).toHaveLength(60);
    expect(refreshed.refresh.action.verb).toBe(POLL_VERBS.show);
    const big = pollCard(model('enkeltvalg'));
    expect('refresh' in big).toBe(false);
    expect(big.actions!.map((a) => a.title)).toEqual(['Send svar', 'Vis mitt svar / resultater']);
  });

  it('shows the anonymity on the card and hides anonymous results under five answers', () => {
    const few = { ...base, ...definitions.flervalg! };
    const card = pollCard({ ...model('flervalg'), results: pollResults(few, [{ ...answers.flervalg![0]!, count: 4 }], labels), status: 'lukket' });
    const text = JSON.stringify(card);
    expect(text).toContain('Anonym: svarene lagres uten navn');
    expect(text).toContain('Resultatene vises når minst 5 har svart');
    expect(text).not.toContain('Chart.');
  });

  it('puts before and after side by side with the shift', () => {
    const poll = { ...base, ...definitions.enkeltvalg!, repeatOf: '33333333-3333-4333-8333-333333333333' };
    const before = pollResults(poll, [{ ...answers.enkeltvalg![0]!, choices: [2], count: 4 }], labels);
    const after = pollResults(poll, answers.enkeltvalg!, labels);
    const card = pollCard({ ...model('enkeltvalg'), poll, status: 'lukket', results: after, comparison: { beforeQuestionDate: base.opensAt, shift: shiftOf(poll, before.overall, after.overall) } });
    expect(problems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('Chart.VerticalBar.Grouped');
    expect(text).toContain('I stor grad: 0 % → 100 % (+100 pp)');
    expect(text).toContain('I liten grad: 100 % → 0 % (−100 pp)');
  });

  it('builds valid form, picker and list cards', () => {
    const network = { id: base.networkId, name: 'USHT Viken' };
    const items = [{ id: '44444444-4444-4444-8444-444444444444', title: 'Samling 3', startsAt: base.opensAt }];
    expect(problems(pollFormCard(network, 'sig', items))).toEqual([]);
    expect(problems(pollFormCard(network, 'sig', [], { question: 'Q', kind: 'flervalg', maxChoices: '2', options: 'a\nb' }, 'Feil'))).toEqual([]);
    expect(problems(repeatPickerCard(network, 'sig', [{ id: base.id, question: 'Q', createdAt: base.createdAt, respondents: 3 }]))).toEqual([]);
    expect(problems(repeatPickerCard(network, 'sig', []))).toEqual([]);
    const row = { id: base.id, question: 'Q', kind: 'skala' as const, status: 'apen' as const, respondents: 2, anonymous: true, createdAt: base.createdAt, isRepeat: false, showSignature: 's' };
    expect(problems(pollListCard('USHT Viken', [row]))).toEqual([]);
  });
});
