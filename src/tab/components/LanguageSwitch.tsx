import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { storeLang, type Lang } from '../i18n.js';

/** One button naming the other language in that language, as public-sector sites do. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('language.switchToLang') as Lang;
  return (
    <Button
      appearance="subtle"
      size="small"
      lang={target}
      aria-label={t('language.switchLabel')}
      onClick={() => {
        storeLang(target);
        void i18n.changeLanguage(target);
      }}
    >
      {t('language.switchTo')}
    </Button>
  );
}
