import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LANGS, currentLang, langFromLocale, storeLang } from '../i18n.js';

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
