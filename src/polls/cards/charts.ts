/**
 * Result charts for poll cards: Teams' Chart.* elements, each with a plain-text fallback for
 * clients (and parsers) that do not know them. The text carries the same numbers, so nothing
 * is told by bar length or colour alone.
 */
import { formatMeanDelta, formatPoints, type Shift } from '../domain/compare.js';
import { formatMean, formatShare, type Distribution } from '../domain/results.js';
import type { WordCount } from '../domain/words.js';
import type { PollDefinition } from '../domain/polls.js';
import { text, type CardElement } from '../../shared/cards/card.js';

const clipLabel = (label: string, max = 40) => (label.length <= max ? label : `${label.slice(0, max - 1)}…`);

const textList = (lines: string[]): CardElement => ({
  type: 'Container',
  items: lines.map((line) => text(line, { spacing: 'Small' })),
});

export function optionLines(d: Distribution): string[] {
  return d.options.map((o) => `${o.label}: ${o.count} (${formatShare(o.share)})`);
}

/** Options as horizontal bars (long labels read better), scale points as vertical ones. */
export function distributionChart(p: PollDefinition, d: Distribution): CardElement[] {
  if (p.kind === 'fritekst') return [wordCloud(d.words)];
  const data = d.options.map((o) => ({ x: clipLabel(o.label), y: o.count }));
  const scale = p.kind === 'skala' && p.scale;
  const chart: CardElement = {
    type: scale ? 'Chart.VerticalBar' : 'Chart.HorizontalBar',
    title: scale ? 'Fordeling' : 'Svar',
    xAxisTitle: scale ? `1 = ${p.scale!.minLabel || 'lavest'}, ${p.scale!.max} = ${p.scale!.maxLabel || 'høyest'}` : 'Alternativ',
    yAxisTitle: 'Antall svar',
    ...(scale ? { showBarValues: true } : {}),
    data,
    fallback: textList(optionLines(d)),
  };
  const summary: CardElement[] =
    scale && d.mean !== null
      ? [text(`Snitt **${formatMean(d.mean)}** av ${p.scale!.max} (${d.respondents} svar)`, { spacing: 'Small' })]
      : p.kind === 'flervalg'
        ? [text('Andel av dem som svarte; med flere valg kan summen bli over 100 %.', { isSubtle: true, size: 'Small' })]
        : [];
  return [chart, ...summary];
}

const cloudSizes = ['Small', 'Default', 'Medium', 'Large', 'ExtraLarge'] as const;

/** Open text: the most used words as a cloud of sized runs, each with its count. */
export function wordCloud(words: WordCount[]): CardElement {
  if (words.length === 0) return text('Ingen ord å vise ennå.', { isSubtle: true });
  const shown = words.slice(0, 30);
  const top = shown[0]!.count;
  const runs = shown.map((w) => {
    const step = top <= 1 ? 1 : Math.round(((w.count - 1) / (top - 1)) * (cloudSizes.length - 1));
    return { type: 'TextRun', text: `${w.word} (${w.count})  `, size: cloudSizes[step], weight: step >= 3 ? 'Bolder' : 'Default' };
  });
  return {
    type: 'RichTextBlock',
    inlines: runs,
    fallback: text(shown.map((w) => `${w.word} (${w.count})`).join(', ')),
  };
}

/** Shift lines in text: «Ja: 40 % → 55 % (+15 pp)», «Snitt 3,1 → 3,8 (+0,7)». */
export function shiftLines(shift: Shift): string[] {
  const lines = shift.options
    .filter((o) => o.before !== null && o.after !== null)
    .map((o) => `${o.label}: ${formatShare(o.before!)} → ${formatShare(o.after!)} (${formatPoints(o.deltaPoints!)})`);
  if (shift.meanDelta !== null && shift.before?.mean != null && shift.after?.mean != null) {
    lines.unshift(`Snitt: ${formatMean(shift.before.mean)} → ${formatMean(shift.after.mean)} (${formatMeanDelta(shift.meanDelta)})`);
  }
  return lines;
}

/** Before and after side by side, as shares (the two polls rarely have as many answers). */
export function comparisonChart(shift: Shift): CardElement[] {
  if (!shift.before || !shift.after) return [];
  const series = (legend: string, pick: 'before' | 'after') => ({
    legend,
    values: shift.options.map((o) => ({ x: clipLabel(o.label, 24), y: Math.round((o[pick] ?? 0) * 1000) / 10 })),
  });
  return [
    {
      type: 'Chart.VerticalBar.Grouped',
      title: 'Før og etter (andel i %)',
      xAxisTitle: 'Svar',
      yAxisTitle: 'Andel (%)',
      data: [series(`Før (${shift.before.respondents} svar)`, 'before'), series(`Etter (${shift.after.respondents} svar)`, 'after')],
      fallback: textList(shiftLines(shift)),
    },
    textList(shiftLines(shift).slice(0, 12)),
  ];
}
