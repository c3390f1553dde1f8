import { visuallyHidden } from '../components/visuallyHidden.js';
import {
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroupLabel } from './Breakdowns.js';
import { formatNumber, formatPoints, formatShare, formatSigned, formatWhen } from './format.js';
import type { PollResultsResponse, Shift } from '../api-types.js';

type Pair = NonNullable<PollResultsResponse['pair']>;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '28px', height: '12px', minWidth: '28px', marginInlineEnd: tokens.spacingHorizontalXS, verticalAlign: 'middle', borderRadius: '2px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Fixed value column: the bars of every option start and end at the same place.
  option: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, 2fr) 3fr 13rem',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    alignItems: 'center',
    // Narrow panes: the option on its own line, each bar with its number beside it (WCAG 1.4.10).
    '@media (max-width: 600px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  label: { gridRow: 'span 2', overflowWrap: 'anywhere', '@media (max-width: 600px)': { gridColumn: '1 / -1', gridRow: 'auto' } },
  track: { height: '12px', borderRadius: '2px', backgroundColor: tokens.colorNeutralBackground4, overflow: 'hidden' },
  // «Før» hatched, «Etter» solid: the two are told apart by pattern and by text, not colour alone.
  before: {
    height: '100%',
    minWidth: '2px',
    backgroundImage: `repeating-linear-gradient(135deg, ${tokens.colorNeutralForeground3} 0 3px, transparent 3px 6px)`,
    border: `1px solid ${tokens.colorNeutralForeground3}`,
    boxSizing: 'border-box',
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundImage: 'none', backgroundColor: 'GrayText' },
  },
  after: {
    height: '100%',
    minWidth: '2px',
    backgroundColor: tokens.colorBrandBackground,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  value: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  shift: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  // A table of shifts scrolls inside itself on a narrow pane rather than breaking words apart.
  scroller: { overflowX: 'auto', '& td, & th': { overflowWrap: 'normal' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  muted: { color: tokens.colorNeutralForeground2 },
});

function Arrow({ delta }: { delta: number }) {
  const { t } = useTranslation();
  const rounded = Math.round(delta * 10) / 10;
  const word = rounded > 0 ? t('polls.pair.up') : rounded < 0 ? t('polls.pair.down') : t('polls.pair.same');
  return (
    <>
      <span aria-hidden="true">{rounded > 0 ? '▲ ' : rounded < 0 ? '▼ ' : '• '}</span>
      <span style={visuallyHidden}>{word} </span>
    </>
  );
}

function OptionShifts({ shift }: { shift: Shift }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const max = Math.max(0.01, ...shift.options.flatMap((o) => [o.before ?? 0, o.after ?? 0]));
  return (
    <ul className={s.list}>
      {shift.options.map((o) => (
        <li key={o.label} className={s.option}>
          <Text className={s.label} weight="semibold">
            {o.label}
          </Text>
          <div className={s.track} aria-hidden="true">
            <div className={s.before} style={{ width: `${((o.before ?? 0) / max) * 100}%` }} />
          </div>
          <Text className={s.value}>
            {t('polls.pair.before')}: {o.before === null ? '–' : formatShare(o.before, i18n.language)}
          </Text>
          <div className={s.track} aria-hidden="true">
            <div className={s.after} style={{ width: `${((o.after ?? 0) / max) * 100}%` }} />
          </div>
          <Text className={s.value}>
            {t('polls.pair.after')}: {o.after === null ? '–' : formatShare(o.after, i18n.language)}
            {o.deltaPoints !== null && (
              <>
                {' · '}
                <span className={s.shift}>
                  <Arrow delta={o.deltaPoints} />
                  {formatPoints(o.deltaPoints, i18n.language)}
                </span>
              </>
            )}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** Before and after, side by side, with the shift overall and per municipality. */
export function BeforeAfter({ pair, timeZone }: { pair: Pair; timeZone: string }) {
  const kind = pair.after.kind;
  const groupLabel = useGroupLabel();
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const headingId = useId();
  const tableId = useId();
  const { overall, byMunicipality } = pair.comparison;
  const scale = kind === 'skala';
  const lang = i18n.language;
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={s.heading}>
        {t('polls.pair.title')}
      </Subtitle2>
      <div className={s.legend}>
        <Text>
          <span className={mergeClasses(s.before, s.swatch)} aria-hidden="true" />
          {t('polls.pair.beforeOf', { when: formatWhen(pair.before.opensAt, lang, timeZone), count: pair.before.respondents ?? 0 })}
        </Text>
        <Text>
          <span className={mergeClasses(s.after, s.swatch)} aria-hidden="true" />
          {t('polls.pair.afterOf', { when: formatWhen(pair.after.opensAt, lang, timeZone), count: pair.after.respondents ?? 0 })}
        </Text>
      </div>
      {!overall.before || !overall.after ? (
        <Text className={s.muted}>{t('polls.pair.noShift')}</Text>
      ) : (
        <>
          {scale && overall.before.mean !== null && overall.after.mean !== null && overall.meanDelta !== null && (
            <Text size={400} weight="semibold">
              <Arrow delta={overall.meanDelta} />
              {t('polls.pair.meanShift', { before: formatNumber(overall.before.mean, lang), after: formatNumber(overall.after.mean, lang), delta: formatSigned(overall.meanDelta, lang) })}
            </Text>
          )}
          <OptionShifts shift={overall} />
        </>
      )}
      {byMunicipality.length > 0 && kind !== 'fritekst' && (
        <div className={s.scroller} role="region" aria-labelledby={tableId} tabIndex={0}>
          <Text as="h4" weight="semibold" id={tableId} className={s.heading}>
            {t('polls.pair.byMunicipality')}
          </Text>
          <Table size="small" aria-labelledby={tableId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('polls.breakdown.municipality')}</TableHeaderCell>
                {scale ? (
                  <>
                    <TableHeaderCell>{t('polls.pair.meanBefore')}</TableHeaderCell>
                    <TableHeaderCell>{t('polls.pair.meanAfter')}</TableHeaderCell>
                    <TableHeaderCell>{t('polls.pair.shift')}</TableHeaderCell>
                  </>
                ) : (
                  overall.options.map((o) => <TableHeaderCell key={o.label}>{o.label}</TableHeaderCell>)
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {byMunicipality.map((m) => (
                <TableRow key={m.key}>
                  <TableCell>{groupLabel('municipality', m)}</TableCell>
                  {scale ? (
                    <>
                      <TableCell>{m.shift.before?.mean != null ? formatNumber(m.shift.before.mean, lang) : '–'}</TableCell>
                      <TableCell>{m.shift.after?.mean != null ? formatNumber(m.shift.after.mean, lang) : '–'}</TableCell>
                      <TableCell>{m.shift.meanDelta !== null ? formatSigned(m.shift.meanDelta, lang) : t('polls.pair.noShift')}</TableCell>
                    </>
                  ) : (
                    overall.options.map((o, i) => {
                      const d = m.shift.options[i]?.deltaPoints ?? null;
                      return <TableCell key={o.label}>{d === null ? t('polls.pair.noShift') : formatPoints(d, lang)}</TableCell>;
                    })
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
