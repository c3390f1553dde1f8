import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// The server's shared catalogue (sector, kind, format and body labels): one wording for cards and tab.
import sharedEn from '../shared/messages/en.json' with { type: 'json' };
import sharedNb from '../shared/messages/nb.json' with { type: 'json' };
import sharedNn from '../shared/messages/nn.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import nn from './locales/nn.json' with { type: 'json' };

export type Lang = 'nb' | 'nn' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

const STORAGE_KEY = 'samlingspunkt.lang';

/** Teams gives locales like "nb-no", "nn-no", "en-us"; «no» alone is bokmål. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  const l = locale?.toLowerCase();
  if (!l) return undefined;
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('nn')) return 'nn';
  if (l.startsWith('nb') || l.startsWith('no')) return 'nb';
  return undefined;
}

function readStoredLang(): Lang | undefined {
  try {
    return langFromLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage can be blocked in third-party iframes
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still works for this session.
  }
}

/** The tab's language now, as sent to the server with every request. */
export function currentLang(): Lang {
  return langFromLocale(i18n.language) ?? 'nb';
}

/**
 * An explicit choice (?lang=, then the user's stored switch) beats the Teams locale, and bokmål
 * is the default — the browser's language is deliberately ignored.
 */
export function pickInitialLang(teamsLocale?: string): Lang {
  const fromQuery = langFromLocale(new URLSearchParams(location.search).get('lang'));
  return fromQuery ?? readStoredLang() ?? langFromLocale(teamsLocale) ?? 'nb';
}

export async function initI18n(lang: Lang): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources: {
      nb: { translation: nb, shared: sharedNb },
      nn: { translation: nn, shared: sharedNn },
      en: { translation: en, shared: sharedEn },
    },
    lng: lang,
    // Every key exists in all three (tests/e2e/i18n-tab.chromium.test.ts checks); no silent fallback.
    fallbackLng: false,
    supportedLngs: [...LANGS],
    ns: ['translation', 'shared'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false }, // React escapes already
    showSupportNotice: false,
  });
  return i18n;
}

export { i18n };
