import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };

export type Lang = 'nb' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'en'];

const STORAGE_KEY = 'samlingspunkt.lang';

/** Teams gives locales like "nb-no", "nn-no", "en-us"; nynorsk users get bokmål until we ship nn. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  const l = locale?.toLowerCase();
  if (!l) return undefined;
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('nb') || l.startsWith('nn') || l.startsWith('no')) return 'nb';
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
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'nb',
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false }, // React escapes already
    showSupportNotice: false,
  });
  return i18n;
}

export { i18n };
