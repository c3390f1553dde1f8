import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, type Locale } from './locale.js';

/**
 * The language of the work in progress: a bot turn, a tab request, or one recipient of a
 * proactive message. Carried by async context rather than threaded through every card builder,
 * so a card is rendered in its reader's language wherever it is built. Outside any scope
 * (startup, tests of pure code) it is bokmål.
 */
const storage = new AsyncLocalStorage<Locale>();

export function inLocale<T>(locale: Locale, work: () => T): T {
  return storage.run(locale, work);
}

export function currentLocale(): Locale {
  return storage.getStore() ?? DEFAULT_LOCALE;
}
