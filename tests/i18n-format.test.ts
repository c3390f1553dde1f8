/**
 * The date texts are kept per minute (src/platform/i18n/format.ts): a kept text must be the one
 * luxon would write now, for every language and any instant, seconds and all.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRange, formatTime } from '../src/platform/i18n/format.js';
import { intlTag, locales, type Locale } from '../src/platform/i18n/locale.js';

/** The formats written out with luxon directly, as the module did before it kept texts. */
function expected(instant: Date, locale: Locale): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: 'Europe/Oslo' }).setLocale(intlTag[locale]);
  let day = dt.toFormat('ccc');
  if (locale === 'nn' && !day.endsWith('.')) day = `${day}.`;
  const clock = dt.toFormat(locale === 'en' ? 'HH:mm' : 'HH.mm');
  return locale === 'en'
    ? { date: `${day} ${dt.toFormat('d LLLL')}`, time: clock }
    : { date: `${day} ${dt.toFormat('d. LLLL')}`, time: `kl. ${clock}` };
}

const instants = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });

describe('date texts kept per minute', () => {
  it('are what luxon writes, in every language, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instants, fc.constantFrom(...locales)), { minLength: 1, maxLength: 40 }), (asks) => {
        for (const [instant, locale] of asks) {
          const want = expected(instant, locale);
          expect(formatDate(instant, locale)).toBe(want.date);
          expect(formatTime(instant, locale)).toBe(want.time);
          expect(formatDateTime(instant, locale)).toBe(locale === 'en' ? `${want.date}, ${want.time}` : `${want.date} ${want.time}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keep the two sides of a minute, of midnight and of a DST change apart', () => {
    const pairs = [
      ['2026-12-08T09:00:59.999Z', '2026-12-08T09:01:00.000Z'],
      ['2026-12-08T22:59:59Z', '2026-12-08T23:00:00Z'], // midnight in Oslo
      ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z'], // 02.00 becomes 03.00
    ] as const;
    for (const [a, b] of pairs) {
      for (const locale of locales) {
        expect(formatDateTime(new Date(a), locale)).toBe(`${expected(new Date(a), locale).date}${locale === 'en' ? ', ' : ' '}${expected(new Date(a), locale).time}`);
        expect(formatDateTime(new Date(b), locale)).not.toBe(formatDateTime(new Date(a), locale));
      }
    }
    // 02.30 comes twice when summer time ends: two minutes, one text, each kept on its own.
    expect(formatDateTime(new Date('2026-10-25T00:30:00Z'), 'nb')).toBe('søn. 25. oktober kl. 02.30');
    expect(formatDateTime(new Date('2026-10-25T01:30:00Z'), 'nb')).toBe('søn. 25. oktober kl. 02.30');
    expect(formatRange(new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z'), 'nb')).toBe('søn. 25. oktober kl. 02.30–02.30');
  });
});
