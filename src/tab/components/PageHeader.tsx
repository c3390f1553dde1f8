import { Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { visuallyHidden } from './visuallyHidden.js';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, maxWidth: '100%' },
  h1: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, overflowWrap: 'anywhere' },
  eyebrow: {
    ...typographyStyles.caption1Strong,
    color: tokens.colorBrandForeground1,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  title: { ...typographyStyles.title2 },
  srOnly: visuallyHidden,
  subtitle: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', maxWidth: '100%' },
});

/**
 * The view's heading. The h1 and the document title both name the view and the network
 * («Målinger: USHT Viken …», «Målinger – USHT Viken … – Samlingspunkt»), so each view has its own.
 */
export function PageHeader(props: { eyebrow?: string; title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const s = useStyles();
  const { t, i18n } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = [props.eyebrow, props.title !== app ? props.title : null, app].filter(Boolean).join(' – ');
  }, [props.eyebrow, props.title, app, i18n.language]);
  return (
    <header className={s.header}>
      <div className={s.titles}>
        <h1 className={s.h1}>
          {props.eyebrow && (
            <>
              <span className={s.eyebrow}>{props.eyebrow}</span>
              <span className={s.srOnly}>: </span>
            </>
          )}
          <span className={s.title}>{props.title}</span>
        </h1>
        {props.subtitle && (
          <Text as="p" className={s.subtitle}>
            {props.subtitle}
          </Text>
        )}
      </div>
      {props.actions && <div className={s.actions}>{props.actions}</div>}
    </header>
  );
}
