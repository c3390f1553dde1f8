import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePolls, formatMeanDelta, formatPoints, shiftOf } from '../src/polls/domain/compare.js';
import { distribution, formatShare, pollResults, suppressSmallGroups, type AnswerGroup } from '../src/polls/domain/results.js';
import { wordFrequencies, wordsOf } from '../src/polls/domain/words.js';
import { checkAnswer, definitionIssues, pollStatus, type PollDefinition } from '../src/polls/domain/polls.js';
import type { Sector } from '../src/shared/types.js';

const single: PollDefinition = { kind: 'enkeltvalg', question: 'Q', options: ['Ja', 'Nei', 'Vet ikke'], maxChoices: null, scale: null, anonymous: false, breakdown: 'both' };
const multi: PollDefinition = { ...single, kind: 'flervalg', options: ['A', 'B', 'C', 'D'], maxChoices: 2 };
const scale: PollDefinition = { ...single, kind: 'skala', options: [], scale: { max: 5, minLabel: 'Lite', maxLabel: 'Mye' } };
const open: PollDefinition = { ...single, kind: 'fritekst', options: [] };
const labels = { municipality: (n: string | null) => n ?? 'ingen', sector: (s: Sector | null) => s ?? 'ingen' };

const g = (municipalityNumber: string | null, answer: Partial<AnswerGroup>, count = 1, sector: Sector = 'plan'): AnswerGroup => ({
  municipalityNumber,
  sector,
  choices: null,
  value: null,
  text: null,
  count,
  ...answer,
});

describe('answers', () => {
  it.each([
    [single, '1', { kind: 'valg', choices: [1] }],
    [single, 2, { kind: 'valg', choices: [2] }],
    [multi, '3,0', { kind: 'valg', choices: [0, 3] }],
    [multi, '1,1', { kind: 'valg', choices: [1] }],
    [scale, '5', { kind: 'skala', value: 5 }],
    [open, '  Mer   samarbeid ', { kind: 'tekst', text: 'Mer samarbeid' }],
  ] as const)('accepts and normalises a valid answer (%#)', (poll, raw, answer) => {
    expect(checkAnswer(poll, raw)).toEqual({ ok: true, value: answer });
  });

  it.each([
    [single, '3', /ikke et av alternativene/],
    [single, '0,1', /bare velge ett/],
    [single, '', /Velg et svar/],
    [single, undefined, /Velg et svar/],
    [single, 'x', /ikke et av alternativene/],
    [single, '-1', /ikke et av alternativene/],
    [multi, '0,1,2', /inntil 2/],
    [scale, '6', /fra 1 til 5/],
    [scale, '0', /fra 1 til 5/],
    [scale, '2,3', /fra 1 til 5/],
    [open, '   ', /Skriv et svar/],
    [open, 'x'.repeat(201), /maks 200/],
    [open, 42, /Skriv et svar/],
    [single, { $ne: 1 }, /Velg et svar/],
  ] as const)('refuses a bad answer in Norwegian (%#)', (poll, raw, reason) => {
    const result = checkAnswer(poll, raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(reason);
  });

  it('never accepts an option outside the poll, whatever is sent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer({ min: -5, max: 20 }))), (raw) => {
        const r = checkAnswer(multi, raw);
        if (r.ok && r.value.kind === 'valg') {
          expect(r.value.choices.length).toBeGreaterThan(0);
          expect(r.value.choices.length).toBeLessThanOrEqual(2);
          for (const c of r.value.choices) expect(c >= 0 && c < 4).toBe(true);
        }
      }),
    );
  });

  it('checks definitions across fields', () => {
    expect(definitionIssues(single)).toEqual([]);
    expect(definitionIssues({ ...single, options: ['Ja'] }).join()).toMatch(/2–10 alternativer/);
    expect(definitionIssues({ ...single, options: ['Ja', 'ja'] }).join()).toMatch(/like/);
    expect(definitionIssues({ ...multi, maxChoices: 5 }).join()).toMatch(/fra 1 til 4/);
    expect(definitionIssues({ ...scale, scale: null }).join()).toMatch(/1–5 eller 1–10/);
    expect(definitionIssues({ ...scale, options: ['a'] }).join()).toMatch(/ingen alternativer/);
  });

  it('is open from opensAt until closed or the planned close, whichever first', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    const p = { opensAt: at(10), closesAt: at(15), closedAt: null };
    expect(pollStatus(p, at(9))).toBe('planlagt');
    expect(pollStatus(p, at(10))).toBe('apen');
    expect(pollStatus(p, at(15))).toBe('lukket');
    expect(pollStatus({ ...p, closedAt: at(12) }, at(13))).toBe('lukket');
    expect(pollStatus({ ...p, closesAt: null }, at(23))).toBe('apen');
  });
});

describe('results', () => {
  it('counts, shares and (for multiple choice) shares of respondents', () => {
    const d = distribution(multi, [g('3201', { choices: [0, 1] }, 2), g('3203', { choices: [1] }, 3), g('3203', { choices: [3] })]);
    expect(d.respondents).toBe(6);
    expect(d.options.map((o) => [o.label, o.count])).toEqual([['A', 2], ['B', 5], ['C', 0], ['D', 1]]);
    expect(d.options[1]!.share).toBeCloseTo(5 / 6);
    expect(formatShare(5 / 6)).toBe('83,3 %');
    expect(formatShare(0.5)).toBe('50 %');
  });

  it('gives mean and distribution for a scale', () => {
    const d = distribution(scale, [g(null, { value: 1 }, 2), g(null, { value: 4 }, 1), g(null, { value: 5 }, 1)]);
    expect(d.options.map((o) => o.count)).toEqual([2, 0, 0, 1, 1]);
    expect(d.mean).toBeCloseTo((1 * 2 + 4 + 5) / 4);
  });

  it('lists open-text words by how many answers mention them, without stop words', () => {
    expect(wordsOf('Det er viktig med samarbeid, og MER samarbeid!')).toEqual(['viktig', 'samarbeid', 'samarbeid']);
    const words = wordFrequencies([
      { text: 'Mer samarbeid mellom tjenestene', count: 2 },
      { text: 'samarbeid og frivillighet', count: 1 },
      { text: 'Frivillighet i nærmiljøet', count: 1 },
    ]);
    expect(words.slice(0, 3)).toEqual([
      { word: 'samarbeid', count: 3 },
      { word: 'frivillighet', count: 2 },
      { word: 'tjenestene', count: 2 },
    ]);
    expect(words.map((w) => w.word)).not.toContain('og');
  });

  it('breaks named polls down per municipality and sector, every group for those who may see it all', () => {
    const r = pollResults(single, [g('3201', { choices: [0] }), g('3203', { choices: [1] }, 2, 'kultur')], labels, { fullBreakdown: true });
    expect(r.visible).toBe(true);
    expect(r.byMunicipality.groups.map((x) => [x.label, x.respondents])).toEqual([['3201', 1], ['3203', 2]]);
    expect(r.bySector.groups.map((x) => x.label)).toEqual(['kultur', 'plan']);
  });

  it('merges a named poll’s small groups for everyone else, as for anonymous polls', () => {
    const groups = [g('A', { choices: [0] }, 9), g('B', { choices: [1] }, 6), g('C', { choices: [1] }, 1, 'kultur')];
    const r = pollResults(single, groups, labels);
    expect(r.overall!.respondents).toBe(16);
    expect(r.byMunicipality.groups.map((x) => x.label)).toEqual(['A']);
    expect(r.byMunicipality.others).toMatchObject({ label: 'Øvrige', respondents: 7 });
    // Kultur (1) would be total − plan: both go into «Øvrige».
    expect(r.bySector.groups).toEqual([]);
    expect(r.bySector.others).toMatchObject({ label: 'Øvrige', respondents: 16 });
  });

  it('has no breakdown for a dimension an anonymous poll does not store', () => {
    const groups = [g(null, { choices: [0] }, 9, null as never), g(null, { choices: [1] }, 6, null as never)];
    const none = pollResults({ ...single, anonymous: true, breakdown: 'none' }, groups, labels);
    expect(none.overall!.respondents).toBe(15);
    expect([none.byMunicipality, none.bySector]).toEqual([
      { groups: [], others: null, hiddenRespondents: 0 },
      { groups: [], others: null, hiddenRespondents: 0 },
    ]);
    const kommune = pollResults({ ...single, anonymous: true, breakdown: 'municipality' }, [g('A', { choices: [0] }, 15, null as never)], labels);
    expect(kommune.byMunicipality.groups.map((x) => x.label)).toEqual(['A']);
    expect(kommune.bySector.groups).toEqual([]);
  });

  it('shows nothing of an anonymous poll with fewer than five answers', () => {
    const r = pollResults({ ...single, anonymous: true }, [g('3201', { choices: [0] }, 4)], labels);
    expect(r).toMatchObject({ respondents: 4, visible: false, overall: null });
    expect(r.byMunicipality.groups).toEqual([]);
  });

  it('hides small anonymous groups, and a complement so none can be subtracted out', () => {
    const groups = [g('A', { choices: [0] }, 9), g('B', { choices: [1] }, 6), g('C', { choices: [1] }, 2)];
    const r = pollResults({ ...single, anonymous: true }, groups, labels);
    // C (2) alone would be total − A − B: B (the smallest shown) joins it in «Øvrige» (8).
    expect(r.byMunicipality.groups.map((x) => x.label)).toEqual(['A']);
    expect(r.byMunicipality.others).toMatchObject({ label: 'Øvrige', respondents: 8 });
    expect(r.overall!.respondents).toBe(17);
  });

  it('suppression never shows a group under the minimum, nor a derivable remainder', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const groups = sizes.map((respondents, i) => ({ label: `g${i}`, respondents }));
        const { shown, hidden } = suppressSmallGroups(groups, 5);
        for (const s of shown) expect(s.respondents).toBeGreaterThanOrEqual(5);
        const hiddenSum = hidden.reduce((n, h) => n + h.respondents, 0);
        if (hidden.length > 0 && shown.length > 0) expect(hiddenSum).toBeGreaterThanOrEqual(5);
        expect(shown.length + hidden.length).toBe(sizes.length);
      }),
    );
  });
});

describe('before/after', () => {
  // Seed 001 at 10:00 and at 15:00: 10 answers before, 8 after.
  const before = [g('3201', { choices: [0] }, 2), g('3201', { choices: [1] }, 3), g('3203', { choices: [2] }, 5)];
  const after = [g('3201', { choices: [0] }, 4), g('3201', { choices: [1] }, 1), g('3203', { choices: [0] }, 1), g('3203', { choices: [2] }, 2)];

  it('compares shares per option in percentage points, overall and per municipality', () => {
    const full = { fullBreakdown: true };
    const c = comparePolls(single, pollResults(single, before, labels, full), pollResults(single, after, labels, full));
    expect(c.overall.options.map((o) => [o.label, o.before, o.after])).toEqual([
      ['Ja', 0.2, 5 / 8],
      ['Nei', 0.3, 1 / 8],
      ['Vet ikke', 0.5, 2 / 8],
    ]);
    expect(c.overall.options.map((o) => Math.round(o.deltaPoints! * 10) / 10)).toEqual([42.5, -17.5, -25]);
    const baerum = c.byMunicipality.find((m) => m.key === '3201')!;
    expect(baerum.shift.options[0]!.deltaPoints).toBeCloseTo((4 / 5 - 2 / 5) * 100);
    expect(formatPoints(42.5)).toBe('+42,5 pp');
    expect(formatPoints(-25)).toBe('−25 pp');
    expect(formatPoints(0.01)).toBe('±0 pp');
  });

  it('gives the change in mean for scales', () => {
    const b = distribution(scale, [g(null, { value: 2 }, 3), g(null, { value: 3 }, 1)]);
    const a = distribution(scale, [g(null, { value: 4 }, 2), g(null, { value: 3 }, 2)]);
    const shift = shiftOf(scale, b, a);
    expect(shift.meanDelta).toBeCloseTo(3.5 - 2.25);
    expect(formatMeanDelta(shift.meanDelta!)).toBe('+1,3');
  });

  it('gives no shift for an anonymous municipality hidden on either side', () => {
    const anon = { ...single, anonymous: true };
    const b = pollResults(anon, [g('A', { choices: [0] }, 6), g('B', { choices: [1] }, 6)], labels);
    const a = pollResults(anon, [g('A', { choices: [1] }, 6), g('B', { choices: [1] }, 3), g('C', { choices: [0] }, 3)], labels);
    const c = comparePolls(anon, b, a);
    expect(c.byMunicipality.find((m) => m.key === 'A')!.shift.options[0]!.deltaPoints).toBeCloseTo(-100);
    expect(c.byMunicipality.find((m) => m.key === 'B')!.shift.after).toBeNull();
  });

  it('compares open text by the share of answers mentioning each word', () => {
    const b = distribution(open, [g(null, { text: 'samarbeid' }, 2), g(null, { text: 'ressurser' }, 2)]);
    const a = distribution(open, [g(null, { text: 'samarbeid' }, 3), g(null, { text: 'frivillighet' }, 1)]);
    const words = Object.fromEntries(shiftOf(open, b, a).options.map((o) => [o.label, Math.round(o.deltaPoints!)]));
    expect(words).toEqual({ samarbeid: 25, frivillighet: 25, ressurser: -50 });
  });
});
