import i18next, { type i18n } from 'i18next';
import { currentLocale } from './context.js';
import { locales, type Locale } from './locale.js';

/**
 * The one message catalogue. Each capability keeps its texts beside its code
 * (`src/<capability>/messages/{nb,nn,en}.json`) and registers them here as a namespace, so the
 * bot, the cards, the tab API and the tab read the same words. Keys are checked at compile time
 * against the bokmål file; tests/i18n-catalogue.test.ts checks that all three files have the
 * same keys, none empty, none unused.
 */
const catalogue: i18n = i18next.createInstance();
void catalogue.init({
  initAsync: false,
  resources: {},
  lng: 'nb',
  fallbackLng: false, // a missing nynorsk or English text is a bug the catalogue test finds, not a silent bokmål
  supportedLngs: [...locales],
  interpolation: { escapeValue: false }, // cards and JSON, not HTML
  returnNull: false,
  showSupportNotice: false,
});

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : T[K] extends object ? Leaves<T[K], `${P}${K}.`> : never;
}[keyof T & string];

/** Plural keys (`files_one`, `files_other`) are asked for without their suffix, with `count`. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other' | 'zero' | 'two' | 'few' | 'many'}` ? Base : K;

export type MessageKey<T> = WithoutPlural<Leaves<T>>;
export type MessageVars = Record<string, string | number>;

export interface Translate<K extends string> {
  /** The text in the current scope's language (see inLocale). */
  (key: K, vars?: MessageVars): string;
  /** The text in a given language: for a recipient other than the current reader. */
  in(locale: Locale, key: K, vars?: MessageVars): string;
}

const namespaces = new Map<string, Record<Locale, object>>();
const translators = new Map<string, Translate<string>['in']>();
const pluralRules = Object.fromEntries(locales.map((l) => [l, new Intl.PluralRules(l)])) as Record<Locale, Intl.PluralRules>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function flatten(node: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else if (value && typeof value === 'object') flatten(value as object, path, into);
  }
  return into;
}

/** Registers a namespace's three files; returns its translator. */
export function defineMessages<T extends object>(namespace: string, files: { nb: T; nn: object; en: object }): Translate<MessageKey<T>> {
  if (namespaces.has(namespace)) throw new Error(`Meldingsnavnerommet «${namespace}» er registrert to ganger`);
  namespaces.set(namespace, files as Record<Locale, object>);
  for (const locale of locales) catalogue.addResourceBundle(locale, namespace, files[locale], true, true);
  const fixed = new Map(locales.map((l) => [l, catalogue.getFixedT(l, namespace)]));
  // Most texts are a plain string or have {{name}} placeholders only (the catalogue test checks
  // there is nothing else): those are read from a flat table, about ten times faster than
  // i18next's full lookup, which matters on the vote path where a card asks for dozens; so are
  // plurals, by the same rule i18next uses.
  const flat = new Map(locales.map((l) => [l, flatten(files[l])]));
  const render = (locale: Locale, key: string, vars?: MessageVars): string => {
    // A count picks `key_one` or `key_other` by the language's plural rule, as i18next does with
    // Intl.PluralRules; a count that is no number, or a key without those forms, goes to i18next.
    const count = vars?.count;
    if (count === undefined || typeof count === 'number') {
      const plain = flat.get(locale)!.get(count === undefined ? key : `${key}_${pluralRules[locale].select(count)}`);
      if (plain !== undefined) return vars ? plain.replace(PLACEHOLDER, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : plain;
    }
    const text = fixed.get(locale)!(key, vars as Record<string, unknown>);
    // i18next answers an unknown key with the key itself; that must never reach a person.
    if (text === key) throw new Error(`Mangler tekst «${namespace}:${key}» på ${locale}`);
    return text;
  };
  const translate = ((key: string, vars?: MessageVars) => render(currentLocale(), key, vars)) as unknown as Translate<MessageKey<T>>;
  translate.in = (locale, key, vars) => render(locale, key, vars);
  translators.set(namespace, translate.in as Translate<string>['in']);
  return translate;
}

/** For the catalogue test: a namespace's texts as the app renders them. */
export function translatorOf(namespace: string): Translate<string>['in'] | undefined {
  return translators.get(namespace);
}

/** For the catalogue test: every namespace and its three files. */
export function registeredNamespaces(): ReadonlyMap<string, Record<Locale, object>> {
  return namespaces;
}

/**
 * A label table («sector → its name») read in the current language at each access: the keys
 * are fixed, the words are looked up when a card or response is built, not when the module
 * loads (which would freeze them in bokmål).
 */
export function localizedRecord<K extends string>(keys: readonly K[], text: (key: K) => string): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(record, key, { enumerable: true, get: () => text(key) });
  return Object.freeze(record);
}
