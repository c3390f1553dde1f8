import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  eyebrow: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    margin: 0,
  },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export function PageHeader(props: { eyebrow?: string; title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <div className={s.titles}>
        {props.eyebrow && (
          <Text as="p" size={200} className={s.eyebrow}>
            {props.eyebrow}
          </Text>
        )}
        <Title2 as="h1" className={s.title}>
          {props.title}
        </Title2>
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
