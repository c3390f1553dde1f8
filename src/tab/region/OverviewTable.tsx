import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useStackedTableStyles } from '../components/stackedTable.js';
import type { RegionOverviewRow } from '../api-types.js';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  // Wide enough to read on a desktop; below 600 px the rows stack instead (stackedTable.ts).
  table: { '@media (min-width: 601px)': { minWidth: '880px' } },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
  late: { display: 'block', color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** One row per network × municipality; the municipality's name opens its read-only drill-down. */
export function OverviewTable({
  rows,
  labelledBy,
  withAttendance,
  onOpen,
}: {
  rows: RegionOverviewRow[];
  labelledBy: string;
  /** Without recorded attendance a column of zeros would mislead: it is left out. */
  withAttendance: boolean;
  onOpen(number: string, linkId: string): void;
}) {
  const { t } = useTranslation();
  const s = useStyles();
  const stacked = useStackedTableStyles();
  const col = (k: string) => t(`region.col.${k}`);
  return (
    <div className={s.scroller} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <Table className={mergeClasses(s.table, stacked.table)} aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            {['municipality', 'network', 'phase', 'focus', 'work', 'polls', 'reflections', ...(withAttendance ? ['attendance'] : [])].map((k) => (
              <TableHeaderCell scope="col" key={k}>
                {col(k)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const attended = r.attendance.reduce((n, a) => n + a.total, 0);
            return (
              <TableRow key={`${r.networkId}/${r.municipalityNumber}`}>
                <TableCell className={s.cell}>
                  <Link
                    as="button"
                    id={`open-${r.networkId}-${r.municipalityNumber}`}
                    onClick={() => onOpen(r.municipalityNumber, `open-${r.networkId}-${r.municipalityNumber}`)} aria-label={t('region.openMunicipality', { municipality: r.municipalityName, network: r.networkName })}>
                    {r.municipalityName}
                  </Link>
                  <Text size={200} className={s.sub}>
                    {r.countyName}
                  </Text>
                </TableCell>
                <TableCell className={s.cell} data-label={col('network')}>
                  {r.networkName}
                </TableCell>
                <TableCell className={s.cell} data-label={col('phase')}>
                  {r.phaseLabel ? `${r.phase} – ${r.phaseLabel}` : t('region.noPhase')}
                </TableCell>
                <TableCell className={s.cell} data-label={col('focus')}>
                  {r.focus.length === 0 ? t('region.noFocus') : r.focus.join('; ')}
                </TableCell>
                <TableCell className={s.cell} data-label={col('work')}>
                  {t('region.workCount', { delivered: r.mellomarbeid.delivered, total: r.mellomarbeid.assignments })}
                  {r.mellomarbeid.late > 0 && <span className={s.late}>{t('region.lateCount', { count: r.mellomarbeid.late })}</span>}
                </TableCell>
                <TableCell className={s.cell} data-label={col('polls')}>
                  {t('region.answeredOf', { answered: r.polls.answered, total: r.polls.total })}
                </TableCell>
                <TableCell className={s.cell} data-label={col('reflections')}>
                  {t('region.answeredOf', { answered: r.reflections.answered, total: r.reflections.total })}
                </TableCell>
                {withAttendance && (
                  <TableCell className={s.cell} data-label={col('attendance')}>
                    {t('region.attendees', { count: attended })}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
