/** A date as the reader's language writes it, in Oslo time («12. mars 2027»). */
export function formatDate(iso: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'nb-NO';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}
