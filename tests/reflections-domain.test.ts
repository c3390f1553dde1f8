import { describe, expect, it } from 'vitest';
import { focusCard } from '../src/reflections/cards/focus.js';
import { reflectionCreateCard, templates } from '../src/reflections/cards/create.js';
import { myReflectionsCard } from '../src/reflections/cards/mine.js';
import { reflectionSummaryCard } from '../src/reflections/cards/summary.js';
import { answerSavedPubliclyCard, reflectionAnswerCard } from '../src/reflections/cards/reflection.js';
import { formatDue } from '../src/shared/due.js';
import { catalogueChoices, parseChoices, type CatalogueEntry } from '../src/focus/domain/focus.js';
import { policy, type Actor } from '../src/shared/policy.js';
import { buildSummary } from '../src/reflections/domain/summary.js';
import {
  ANONYMOUS_MIN_ANSWERS,
  SEED_000_TEMPLATE,
  checkAnswers,
  checkNewTask,
  isOpen,
  summaryGate,
  type ReflectionTask,
} from '../src/reflections/domain/reflections.js';
import { adaptiveCardProblems } from './helpers/cards.js';

const task = (over: Partial<ReflectionTask> = {}): ReflectionTask => ({
  id: '11111111-1111-4111-8111-111111111111',
  networkId: 'n',
  planItemId: null,
  kind: 'refleksjon',
  title: SEED_000_TEMPLATE.title,
  prompts: [...SEED_000_TEMPLATE.prompts],
  answerMode: 'personlig',
  visibility: 'nettverket',
  dueAt: new Date('2026-12-01T15:00:00Z'),
  createdAt: new Date('2026-11-20T10:00:00Z'),
  ...over,
});

const catalogue: CatalogueEntry[] = [
  { focusAreaCode: 'helsehjelp', focusAreaName: 'Helsehjelp', solutionCode: 'helsehjelp-1', solutionName: 'Hverdagsmestring' },
  { focusAreaCode: 'helsehjelp', focusAreaName: 'Helsehjelp', solutionCode: 'helsehjelp-2', solutionName: 'Proaktive tjenester' },
];

describe('reflection domain', () => {
  it('has the three seed-000 questions as the template', () => {
    expect(SEED_000_TEMPLATE.prompts).toEqual([
      'Har jeg god innsikt i det totale utfordringsbildet?',
      'Hva trenger jeg mer innsikt i – hvor kan jeg søke etter dette?',
      'Hvordan vil jeg presentere dette videre?',
    ]);
  });

  it('checks answers: trims, needs one, refuses over 4 000 characters with the limit', () => {
    expect(checkAnswers(task(), ['  hei \r\n'])).toEqual({ ok: true, value: ['hei', '', ''] });
    expect(checkAnswers(task(), ['', ' '])).toMatchObject({ ok: false, error: { message: expect.stringContaining('minst ett') } });
    expect(checkAnswers(task(), ['x'.repeat(4000)]).ok).toBe(true);
    expect(checkAnswers(task(), ['ok', '', 'x'.repeat(4001)])).toEqual({
      ok: false,
      error: { code: 'ugyldig-forespørsel', message: 'Svaret på spørsmål 3 er for langt (4\u00a0001 tegn). Maks 4\u00a0000 tegn per svar. Ingenting ble lagret.' },
    });
    expect(checkAnswers(task(), ['1', '2', '3', '4']).ok).toBe(false);
    expect(checkAnswers(task({ kind: 'fokusomrade', prompts: ['Hvorfor?'] }), ['']).ok).toBe(true);
  });

  it('is open until, not at, the due time', () => {
    const t = task();
    expect(isOpen(t, new Date(t.dueAt.getTime() - 1))).toBe(true);
    expect(isOpen(t, t.dueAt)).toBe(false);
  });

  it('hides anonymous answers below five, names never', () => {
    expect(ANONYMOUS_MIN_ANSWERS).toBe(5);
    expect(summaryGate('anonym', 4)).toMatchObject({ show: false });
    expect(summaryGate('anonym', 5)).toEqual({ show: true, withNames: false, withMunicipalities: false });
    expect(summaryGate('nettverket', 1)).toEqual({ show: true, withNames: true, withMunicipalities: true });
  });

  it('builds summaries grouped by prompt and municipality; anonymous ones carry neither name nor municipality', () => {
    const named = buildSummary(task(), {
      named: [
        { authorName: 'Ola', municipalityName: 'Asker', answers: ['a1', '', 'a3'] },
        { authorName: 'Kari', municipalityName: 'Bærum', answers: ['b1', 'b2', ''] },
      ],
      groups: [],
      anonymous: [],
    });
    expect(named.prompts[0]!.groups.map((g) => g.municipalityName)).toEqual(['Asker', 'Bærum']);
    expect(named.prompts[1]!.groups).toEqual([{ municipalityName: 'Bærum', entries: [{ authorName: 'Kari', version: null, text: 'b2' }] }]);

    const anon = (n: number) => buildSummary(task({ visibility: 'anonym' }), { named: [], groups: [], anonymous: Array.from({ length: n }, (_, i) => [`svar ${i}`]) });
    expect(anon(4)).toMatchObject({ answerCount: null, prompts: [] });
    const five = anon(5);
    expect(five.answerCount).toBe(5);
    expect(five.prompts[0]!.groups).toHaveLength(1);
    expect(five.prompts[0]!.groups[0]!.municipalityName).toBeNull();
    expect(five.prompts[0]!.groups[0]!.entries.every((e) => e.authorName === null)).toBe(true);
  });

  it('refuses an anonymous group answer, a past due time, and a non-group focus task', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const base = { kind: 'refleksjon' as const, answerMode: 'personlig' as const, visibility: 'nettverket' as const, dueAt: new Date('2026-12-01T15:00:00Z'), prompts: ['?'] };
    expect(checkNewTask(base, now).ok).toBe(true);
    expect(checkNewTask({ ...base, answerMode: 'kommune', visibility: 'anonym' }, now)).toMatchObject({ ok: false });
    expect(checkNewTask({ ...base, dueAt: now }, now)).toMatchObject({ ok: false, error: { message: 'Fristen må være fram i tid.' } });
    expect(checkNewTask({ ...base, kind: 'fokusomrade' }, now)).toMatchObject({ ok: false });
  });

  it('parses focus choices strictly from the catalogue', () => {
    expect(parseChoices(['fokusomrade:helsehjelp', 'losning:helsehjelp-2', 'losning:helsehjelp-2'], catalogue)).toEqual({
      ok: true,
      value: [
        { focusAreaCode: 'helsehjelp', solutionCode: null },
        { focusAreaCode: 'helsehjelp', solutionCode: 'helsehjelp-2' },
      ],
    });
    expect(parseChoices(['losning:finnes-ikke'], catalogue)).toMatchObject({ ok: false });
    expect(parseChoices([], catalogue)).toMatchObject({ ok: false });
    expect(catalogueChoices(catalogue).map((c) => c.value)).toEqual(['fokusomrade:helsehjelp', 'losning:helsehjelp-1', 'losning:helsehjelp-2']);
    expect(catalogueChoices(catalogue).every((c) => !c.value.includes(','))).toBe(true);
  });

  it('formats due times in Oslo time', () => {
    expect(formatDue(new Date('2026-12-01T15:00:00Z'))).toBe('tir. 1. desember kl. 16.00');
    expect(formatDue(new Date('2026-07-01T14:00:00Z'))).toBe('ons. 1. juli kl. 16.00');
  });
});

describe('reflection and focus policies', () => {
  const network = { id: 'n1', regionId: 'r1' };
  const actor = (role: 'deltaker' | 'fasilitator' | null, coordinator = false): Actor => ({
    memberId: 'm',
    tenantId: 't',
    aadObjectId: 'a',
    displayName: 'X',
    memberships: role ? [{ networkId: 'n1', role, municipalityNumber: role === 'deltaker' ? '3201' : null }] : [],
    coordinatorRegionIds: coordinator ? ['r1'] : [],
  });
  const cases: [string, (a: Actor) => boolean, [boolean, boolean, boolean, boolean]][] = [
    ['createTasks', (a) => policy.createTasks(a, network).allowed, [true, false, false, false]],
    ['answerReflection', (a) => policy.answerReflection(a, network).allowed, [false, true, false, false]],
    ['summary fasilitatorer', (a) => policy.readReflectionSummary(a, network, 'fasilitatorer').allowed, [true, false, false, false]],
    ['summary nettverket', (a) => policy.readReflectionSummary(a, network, 'nettverket').allowed, [true, true, true, false]],
    ['summary anonym', (a) => policy.readReflectionSummary(a, network, 'anonym').allowed, [true, true, true, false]],
    ['reviewMunicipalityWork', (a) => policy.reviewMunicipalityWork(a, network).allowed, [true, false, false, false]],
    ['setPhase', (a) => policy.setPhase(a, network).allowed, [true, false, false, false]],
  ];
  for (const [name, rule, expected] of cases) {
    it(`${name}: fasilitator, deltaker, koordinator, stranger → ${expected.join(', ')}`, () => {
      expect([actor('fasilitator'), actor('deltaker'), actor(null, true), actor(null)].map(rule)).toEqual(expected);
    });
  }
});

describe('reflection cards', () => {
  const all = () => {
    const t = task({ planItemId: 'p' });
    const focus = task({ kind: 'fokusomrade', answerMode: 'kommune', prompts: ['Hvorfor?'] });
    return {
      blank: reflectionAnswerCard({ task: t, open: true, planItemTitle: 'Samling 1' }),
      answered: reflectionAnswerCard({ task: t, open: true, answers: ['a', 'b', ''], notice: { tone: 'good', text: 'Lagret' } }),
      anonymous: reflectionAnswerCard({ task: task({ visibility: 'anonym' }), open: true, editKey: 'k', answers: ['a'] }),
      anonymousNoKey: reflectionAnswerCard({ task: task({ visibility: 'anonym' }), open: true, answeredAnonymously: true }),
      group: reflectionAnswerCard({ task: task({ answerMode: 'kommune' }), open: true, municipalityName: 'Bærum', version: { number: 2, authorName: 'Kari' } }),
      focus: reflectionAnswerCard({ task: focus, open: true, focusChoices: catalogueChoices(catalogue), choices: ['fokusomrade:helsehjelp'] }),
      closed: reflectionAnswerCard({ task: t, open: false, answers: ['a'] }),
      public: answerSavedPubliclyCard('T'),
      ...Object.fromEntries(
        templates.map((tpl) => [
          `form-${tpl}`,
          reflectionCreateCard({ networkId: 'n', template: tpl, planItems: [], planItemId: null, dueDate: '2026-12-01', dueTime: '16:00', inChannel: tpl === 'tom', error: 'Feil' }),
        ]),
      ),
      summary: reflectionSummaryCard(buildSummary(t, { named: [{ authorName: 'Kari', municipalityName: 'Bærum', answers: ['x'.repeat(5000)] }], groups: [], anonymous: [] }), { others: [{ id: 'o', title: 'En annen oppgave med en svært lang tittel som kuttes' }], canSend: true }),
      hidden: reflectionSummaryCard(buildSummary(task({ visibility: 'anonym' }), { named: [], groups: [], anonymous: [['a']] }), { others: [], canSend: false }),
      mine: myReflectionsCard([
        { task: t, open: true, state: 'besvart', answers: ['a'], note: null },
        { task: t, open: true, state: 'anonymt', answers: [], note: null },
        { task: t, open: false, state: 'ubesvart', answers: [], note: null },
      ]),
      focusStanding: focusCard(
        [{ number: '3201', name: 'Bærum', phase: 2, phaseSetAt: null, focus: [{ focusAreaCode: 'helsehjelp', focusAreaName: 'Helsehjelp', solutionCode: null, solutionName: null, chosenOn: '2026-11-20' }] }],
        { id: 'x', title: 'Velg fokusområde' },
      ),
    };
  };

  it('are valid Adaptive Cards 1.5', () => {
    for (const [name, card] of Object.entries(all())) expect([name, adaptiveCardProblems(card)]).toEqual([name, []]);
  });

  it('say the answer limit and use multi-line inputs with maxLength, Execute with Submit fallback', () => {
    const card = all().blank;
    const json = JSON.stringify(card);
    expect(json).toContain('Maks 4\u00a0000 tegn per svar.');
    const inputs = card.body.filter((e) => e.type === 'Input.Text');
    expect(inputs).toHaveLength(3);
    expect(inputs.every((i) => i.isMultiline === true && i.maxLength === 4000)).toBe(true);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'refleksjon.svar', fallback: { type: 'Action.Submit', data: { verb: 'refleksjon.svar' } } });
  });

  it('keep a summary card small: long answers are clipped', () => {
    expect(JSON.stringify(all().summary).length).toBeLessThan(10_000);
    expect(JSON.stringify(all().hidden)).not.toContain('"a"');
  });
});
