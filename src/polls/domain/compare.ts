/**
 * Before/after (seed 001: the same question at 10:00 and at 15:00). Shares rather than counts
 * are compared, since the two polls rarely get the same number of answers: the shift is the
 * change in percentage points per option, and for scales the change in mean.
 */
import type { Distribution, PollResults } from './results.js';
import type { PollDefinition } from './polls.js';
import { decimal } from './numbers.js';

export interface OptionShift {
  label: string;
  /** Shares 0–1; null where that side has no result to show. */
  before: number | null;
  after: number | null;
  /** after − before, in percentage points. */
  deltaPoints: number | null;
}

export interface Shift {
  before: Distribution | null;
  after: Distribution | null;
  options: OptionShift[];
  meanDelta: number | null;
}

export interface MunicipalityShift {
  key: string;
  label: string;
  shift: Shift;
}

export interface Comparison {
  overall: Shift;
  byMunicipality: MunicipalityShift[];
}

/** Open text compares the share of answers mentioning each of the most used words. */
function wordShares(d: Distribution | null): Map<string, number> {
  const shares = new Map<string, number>();
  if (!d || d.respondents === 0) return shares;
  for (const w of d.words.slice(0, 15)) shares.set(w.word, w.count / d.respondents);
  return shares;
}

export function shiftOf(p: PollDefinition, before: Distribution | null, after: Distribution | null): Shift {
  const delta = (b: number | null, a: number | null) => (b === null || a === null ? null : (a - b) * 100);
  let options: OptionShift[];
  if (p.kind === 'fritekst') {
    const b = wordShares(before);
    const a = wordShares(after);
    const words = [...new Set([...a.keys(), ...b.keys()])];
    options = words.map((label) => {
      const bs = before ? (b.get(label) ?? 0) : null;
      const as = after ? (a.get(label) ?? 0) : null;
      return { label, before: bs, after: as, deltaPoints: delta(bs, as) };
    });
  } else {
    const labels = (after ?? before)?.options.map((o) => o.label) ?? [];
    options = labels.map((label, i) => {
      const bs = before ? (before.options[i]?.share ?? 0) : null;
      const as = after ? (after.options[i]?.share ?? 0) : null;
      return { label, before: bs, after: as, deltaPoints: delta(bs, as) };
    });
  }
  const meanDelta = before?.mean != null && after?.mean != null ? after.mean - before.mean : null;
  return { before, after, options, meanDelta };
}

/**
 * Overall and per municipality. A municipality hidden on either side (anonymous, under five
 * answers) gets no shift, only what can be shown.
 */
export function comparePolls(p: PollDefinition, before: PollResults, after: PollResults): Comparison {
  const overall = shiftOf(p, before.overall, after.overall);
  const keys = new Map<string, string>();
  for (const g of [...before.byMunicipality.groups, ...after.byMunicipality.groups]) keys.set(g.key, g.label);
  const byMunicipality = [...keys.entries()]
    .map(([key, label]) => {
      const b = before.byMunicipality.groups.find((g) => g.key === key)?.distribution ?? null;
      const a = after.byMunicipality.groups.find((g) => g.key === key)?.distribution ?? null;
      return { key, label, shift: shiftOf(p, b, a) };
    })
    .sort((x, y) => x.label.localeCompare(y.label, 'nb'));
  return { overall, byMunicipality };
}

/** «+12,5 pp», «−3 pp», «±0 pp». */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '±0 pp';
  const abs = Math.abs(rounded);
  const text = decimal(abs, Number.isInteger(abs) ? 0 : 1);
  return `${rounded > 0 ? '+' : '−'}${text} pp`;
}

/** «+0,7», «−1,2» for a change in mean. */
export function formatMeanDelta(delta: number): string {
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return `±${decimal(0, 1)}`;
  return `${rounded > 0 ? '+' : '−'}${decimal(Math.abs(rounded), 1)}`;
}
