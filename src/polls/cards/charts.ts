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
import { t } from '../messages.js';

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
    title: scale ? t('chart.distribution') : t('chart.answers'),
    xAxisTitle: scale
      ? t('chart.scaleAxis', { minLabel: p.scale!.minLabel || t('card.lowest'), max: p.scale!.max, maxLabel: p.scale!.maxLabel || t('card.highest') })
      : t('chart.option'),
    yAxisTitle: t('chart.count'),
    ...(scale ? { showBarValues: true } : {}),
    data,
    fallback: textList(optionLines(d)),
  };
  const summary: CardElement[] =
    scale && d.mean !== null
      ? [text(t('chart.mean', { mean: formatMean(d.mean), max: p.scale!.max, answers: t('answers', { count: d.respondents }) }), { spacing: 'Small' })]
      : p.kind === 'flervalg'
        ? [text(t('chart.multiNote'), { isSubtle: true, size: 'Small' })]
        : [];
  // The same numbers in words, in the card itself: a screen reader does not read the chart.
  return [chart, textList(optionLines(d)), ...summary];
}

const cloudSizes = ['Small', 'Default', 'Medium', 'Large', 'ExtraLarge'] as const;

/** Open text: the most used words as a cloud of sized runs, each with its count. */
export function wordCloud(words: WordCount[]): CardElement {
  if (words.length === 0) return text(t('chart.noWords'), { isSubtle: true });
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
    lines.unshift(t('chart.meanShift', { before: formatMean(shift.before.mean), after: formatMean(shift.after.mean), delta: formatMeanDelta(shift.meanDelta) }));
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
      title: t('chart.compareTitle'),
      xAxisTitle: t('chart.answers'),
      yAxisTitle: t('chart.compareShare'),
      data: [
        series(t('chart.before', { answers: t('answers', { count: shift.before.respondents }) }), 'before'),
        series(t('chart.after', { answers: t('answers', { count: shift.after.respondents }) }), 'after'),
      ],
      fallback: textList(shiftLines(shift)),
    },
    textList(shiftLines(shift).slice(0, 12)),
  ];
}
