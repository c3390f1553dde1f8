import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatShare } from './format.js';
import type { OptionResult } from '../api-types.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, 2fr) 3fr 9rem',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    // Narrow panes: label and number on one line, the bar under them (WCAG 1.4.10).
    '@media (max-width: 600px)': { gridTemplateColumns: 'minmax(0, 1fr) auto', rowGap: tokens.spacingVerticalXXS },
  },
  label: { overflowWrap: 'anywhere', minWidth: 0 },
  track: {
    '@media (max-width: 600px)': { gridColumn: '1 / -1', gridRow: 2 },
    height: '14px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground4, overflow: 'hidden' },
  bar: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: '2px',
    // High contrast removes backgrounds; the bar keeps the system text colour instead.
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  value: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
});

/**
 * A bar chart that is a list: each option's label and its number in text, the bar only as
 * decoration (aria-hidden), so nothing is told by length or colour alone.
 */
export function ResultBars({ options, labelledBy }: { options: OptionResult[]; labelledBy?: string }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const max = Math.max(1, ...options.map((o) => o.share));
  return (
    <ul className={s.list} aria-labelledby={labelledBy}>
      {options.map((o) => (
        <li key={o.index} className={s.row}>
          <Text className={s.label}>{o.label}</Text>
          <div className={s.track} aria-hidden="true">
            <div className={s.bar} style={{ width: `${(o.share / max) * 100}%` }} />
          </div>
          <Text className={s.value}>{t('polls.results.barValue', { count: o.count, share: formatShare(o.share, i18n.language) })}</Text>
        </li>
      ))}
    </ul>
  );
}
