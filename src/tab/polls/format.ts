import { formatDateTime, intlTag } from '../format.js';
import type { Lang } from '../i18n.js';

// Numbers: nynorsk writes them as bokmål does («50 %»); some ICU versions drop the space for nn.
const locale = (lang: string) => intlTag(lang === 'nn' ? 'nb' : lang);

/** «40 %» / «40%»: the locale decides the spacing and the decimal sign. */
export function formatShare(share: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(n: number, lang: string, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** «+12,5 pp» with a real minus sign. */
export function formatPoints(points: number, lang: string): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '±0 pp';
  const abs = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(Math.abs(rounded));
  return `${rounded > 0 ? '+' : '−'}${abs} pp`;
}

export function formatSigned(delta: number, lang: string): string {
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return `±${formatNumber(0, lang)}`;
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), lang)}`;
}

/** «tir. 25. november kl. 14.00» / «Tue 25 November, 14:00»: the tab's one date style (../format.ts). */
export function formatWhen(iso: string, lang: Lang | string, timeZone: string): string {
  return formatDateTime(iso, lang, timeZone);
}
