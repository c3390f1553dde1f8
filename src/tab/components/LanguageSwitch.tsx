import { Field, Select } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LANGS, currentLang, langFromLocale, storeLang } from '../i18n.js';
import { useQueryParam } from '../hooks.js';

/** Each language named in itself, as public-sector sites do. */
const NAMES = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' } as const;

/**
 * Bokmål, nynorsk or English. The choice is kept in this browser and saved on the server
 * (PUT /api/me/language), so later cards to this person come in the same language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Field label={t('language.label')} size="small">
      <Select
        value={currentLang()}
        onChange={(_e, d) => {
          const lang = langFromLocale(d.value);
          if (!lang) return;
          storeLang(lang);
          void i18n.changeLanguage(lang);
          // Saving is a courtesy for later cards; the tab already speaks the new language.
          api.saveLanguage(lang).catch(() => undefined);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * Once signed in, the language the person saved (in the bot's «språk» or this switch in another
 * browser) wins over this browser's memory and the Teams locale: it is their own latest word.
 * `?lang=` still wins over it (a link or a test asking for one language). Renders nothing.
 */
export function FollowSavedLanguage({ who }: { who: string }) {
  const { i18n } = useTranslation();
  const forced = useQueryParam('lang');
  useEffect(() => {
    if (forced) return;
    const controller = new AbortController();
    api.getLanguage(controller.signal).then(
      (res) => {
        const saved = langFromLocale(res.saved);
        if (!saved || saved === currentLang()) return;
        storeLang(saved);
        void i18n.changeLanguage(saved);
      },
      // Not known to the app yet, or offline: the tab keeps the language it chose itself.
      () => undefined,
    );
    return () => controller.abort();
  }, [who, forced, i18n]);
  return null;
}
