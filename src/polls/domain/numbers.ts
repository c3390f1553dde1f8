/**
 * Decimal numbers in the reader's language: a comma in Norwegian («33,3»), a point in English
 * («33.3»). Percentages: «40 %» in Norwegian (a space before the sign), «40%» in English.
 */
import { currentLocale } from '../../platform/i18n/context.js';

export function decimal(n: number, digits: number): string {
  const fixed = n.toFixed(digits);
  return currentLocale() === 'en' ? fixed : fixed.replace('.', ',');
}

export function percent(text: string): string {
  return currentLocale() === 'en' ? `${text}%` : `${text} %`;
}
