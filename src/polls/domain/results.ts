/**
 * Result maths for polls: counts, shares, scale mean and distribution, word frequencies, and
 * breakdowns per municipality and per sector. Anonymous polls never show a group of fewer
 * than five answers, the whole poll included. Named polls show every group only to those the
 * policy lets see the full breakdown (facilitators, coordinators); everyone else gets the same
 * small-group rule as for anonymous polls, so no colleague's answer can be read off a group of one.
 */
import { answerLabels, POLL_LIMITS, storesMunicipality, storesSector, type PollDefinition } from './polls.js';
import { wordFrequencies, type WordCount } from './words.js';
import type { Sector } from '../../shared/types.js';
import { t } from '../messages.js';
import { decimal, percent } from './numbers.js';

/** Identical answers from one municipality and sector, with how many gave them (SQL GROUP BY). */
export interface AnswerGroup {
  municipalityNumber: string | null;
  sector: Sector | null;
  choices: number[] | null;
  value: number | null;
  text: string | null;
  count: number;
}

export interface OptionResult {
  index: number;
  label: string;
  count: number;
  /** Of those who answered, 0–1. Multiple choice may add up to more than 1. */
  share: number;
}

export interface Distribution {
  respondents: number;
  /** Options, or scale points 1…max; empty for open text. */
  options: OptionResult[];
  /** Scale polls only. */
  mean: number | null;
  /** Open text only. */
  words: WordCount[];
}

export interface GroupResult {
  key: string;
  label: string;
  respondents: number;
  distribution: Distribution;
}

export interface Breakdown {
  groups: GroupResult[];
  /** Suppressed breakdowns: the small groups together (never fewer than five), or null. */
  others: GroupResult | null;
  /** How many answers are in no shown group (too small even together). */
  hiddenRespondents: number;
}

export interface PollResults {
  respondents: number;
  /** False for an anonymous poll with fewer than five answers: nothing but the count is shown. */
  visible: boolean;
  overall: Distribution | null;
  byMunicipality: Breakdown;
  bySector: Breakdown;
}

export interface ResultsView {
  /** false: the overall result only (cards), skipping the per-group work. Default true. */
  breakdowns?: boolean;
  /** Named polls: every group, however small (pollPolicy.seeFullPollBreakdown). Default false. */
  fullBreakdown?: boolean;
}

export interface GroupLabels {
  municipality(number: string | null): string;
  sector(sector: Sector | null): string;
}

export function distribution(p: PollDefinition, groups: readonly AnswerGroup[]): Distribution {
  const respondents = groups.reduce((n, g) => n + g.count, 0);
  const share = (count: number) => (respondents === 0 ? 0 : count / respondents);
  if (p.kind === 'fritekst') {
    const texts = groups.filter((g) => g.text !== null).map((g) => ({ text: g.text!, count: g.count }));
    return { respondents, options: [], mean: null, words: wordFrequencies(texts) };
  }
  const labels = answerLabels(p);
  const counts = labels.map(() => 0);
  let sum = 0;
  for (const g of groups) {
    if (p.kind === 'skala' && g.value !== null) {
      if (g.value >= 1 && g.value <= counts.length) counts[g.value - 1]! += g.count;
      sum += g.value * g.count;
    } else if (g.choices) {
      for (const i of g.choices) if (i >= 0 && i < counts.length) counts[i]! += g.count;
    }
  }
  return {
    respondents,
    options: labels.map((label, index) => ({ index, label, count: counts[index]!, share: share(counts[index]!) })),
    mean: p.kind === 'skala' ? (respondents === 0 ? null : sum / respondents) : null,
    words: [],
  };
}

/**
 * Small-group suppression with a complement: groups under `min` go into «Øvrige»; if that
 * bucket is itself under `min`, the smallest shown groups join it until it is not, so no
 * small group can be worked out by subtracting the shown ones from the total.
 */
export function suppressSmallGroups<T extends { respondents: number; label: string }>(
  groups: readonly T[],
  min: number,
): { shown: T[]; hidden: T[] } {
  const sorted = [...groups].sort((a, b) => a.respondents - b.respondents || a.label.localeCompare(b.label, 'nb'));
  const hidden = sorted.filter((g) => g.respondents < min);
  const shown = sorted.filter((g) => g.respondents >= min);
  const sum = () => hidden.reduce((n, g) => n + g.respondents, 0);
  while (hidden.length > 0 && sum() < min && shown.length > 0) hidden.push(shown.shift()!);
  return { shown: shown.sort((a, b) => a.label.localeCompare(b.label, 'nb')), hidden };
}

function breakdown(
  p: PollDefinition,
  full: boolean,
  groups: readonly AnswerGroup[],
  keyOf: (g: AnswerGroup) => string,
  labelOf: (key: string) => string,
): Breakdown {
  const byKey = new Map<string, AnswerGroup[]>();
  for (const g of groups) {
    const key = keyOf(g);
    byKey.set(key, [...(byKey.get(key) ?? []), g]);
  }
  const results: (GroupResult & { rows: AnswerGroup[] })[] = [...byKey.entries()].map(([key, rows]) => {
    const d = distribution(p, rows);
    return { key, label: labelOf(key), respondents: d.respondents, distribution: d, rows };
  });
  const strip = ({ rows: _rows, ...g }: GroupResult & { rows: AnswerGroup[] }): GroupResult => g;
  if (!p.anonymous && full) {
    return { groups: results.sort((a, b) => a.label.localeCompare(b.label, 'nb')).map(strip), others: null, hiddenRespondents: 0 };
  }
  const { shown, hidden } = suppressSmallGroups(results, POLL_LIMITS.minGroupSize);
  const hiddenRows = hidden.flatMap((g) => g.rows);
  const hiddenCount = hiddenRows.reduce((n, g) => n + g.count, 0);
  const others =
    hidden.length > 0 && hiddenCount >= POLL_LIMITS.minGroupSize
      ? { key: 'øvrige' /* i18n-ignore */, label: t('results.others'), respondents: hiddenCount, distribution: distribution(p, hiddenRows) }
      : null;
  return { groups: shown.map(strip), others, hiddenRespondents: others ? 0 : hiddenCount };
}

const NO_MUNICIPALITY = '-';

export function pollResults(p: PollDefinition, groups: readonly AnswerGroup[], labels: GroupLabels, view: ResultsView = {}): PollResults {
  const respondents = groups.reduce((n, g) => n + g.count, 0);
  const visible = !p.anonymous || respondents >= POLL_LIMITS.minGroupSize;
  const empty: Breakdown = { groups: [], others: null, hiddenRespondents: visible ? 0 : respondents };
  if (!visible) return { respondents, visible, overall: null, byMunicipality: empty, bySector: empty };
  const overall = distribution(p, groups);
  if (view.breakdowns === false) return { respondents, visible, overall, byMunicipality: empty, bySector: empty };
  const full = view.fullBreakdown === true;
  // A dimension the poll does not store has no breakdown at all (not one «unknown» group).
  const none: Breakdown = { groups: [], others: null, hiddenRespondents: 0 };
  return {
    respondents,
    visible,
    overall,
    byMunicipality: storesMunicipality(p)
      ? breakdown(
          p,
          full,
          groups,
          (g) => g.municipalityNumber ?? NO_MUNICIPALITY,
          (key) => labels.municipality(key === NO_MUNICIPALITY ? null : key),
        )
      : none,
    bySector: storesSector(p)
      ? breakdown(
          p,
          full,
          groups,
          (g) => g.sector ?? NO_MUNICIPALITY,
          (key) => labels.sector(key === NO_MUNICIPALITY ? null : (key as Sector)),
        )
      : none,
  };
}

/** «40 %», «33,3 %»: Norwegian decimal comma, one decimal only where it matters. */
export function formatShare(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return percent(decimal(pct, Number.isInteger(pct) ? 0 : 1));
}

export function formatMean(mean: number): string {
  return decimal(Math.round(mean * 10) / 10, 1);
}
