import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useStackedTableStyles } from '../components/stackedTable.js';
import { formatDate } from '../format.js';
import type { RegionOverviewResponse } from '../api-types.js';

type Session = RegionOverviewResponse['sessions'][number];
type SectorOption = RegionOverviewResponse['options']['sectors'][number];

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  programme: { margin: `0 0 ${tokens.spacingVerticalS}` },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, captionSide: 'top' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  num: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/**
 * Attendance per samling by sector: numbers in cells, never colour alone (WCAG 1.4.1), a
 * caption saying what is counted, and stacked blocks at 320 px.
 */
export function AttendanceTable({
  sessions,
  sectors,
  timeZone,
  showNetwork,
}: {
  sessions: (Session | Omit<Session, 'networkName'>)[];
  sectors: SectorOption[];
  timeZone: string;
  showNetwork: boolean;
}) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const stacked = useStackedTableStyles();
  // Only the sectors anyone came from: eight empty columns would hide the answer.
  const used = sectors.filter((sec) => sessions.some((x) => x.bySector.some((b) => b.sector === sec.sector)));
  // Over the programme (every samling shown): the «does only health attend?» answer in one line.
  const total = sessions.reduce((n, x) => n + x.total, 0);
  const health = sessions.reduce((n, x) => n + (x.bySector.find((b) => b.sector === 'helse-og-omsorg')?.attendees ?? 0), 0);
  return (
    <>
      <Text as="p" className={s.programme}>
        {t('region.programme', { count: total, share: total === 0 ? 0 : Math.round((100 * health) / total) })}
      </Text>
      <div className={s.scroller}>
        <Table className={stacked.table} size="small">
          <caption className={s.caption}>{t('region.attendanceCaption')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('region.session')}</TableHeaderCell>
              {used.map((sec) => (
                <TableHeaderCell scope="col" key={sec.sector}>
                  {sec.label}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('region.total')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.map((x) => (
              <TableRow key={`${x.networkId}/${x.planItemId}`}>
                <TableCell className={s.cell}>
                  <Text weight="semibold">{x.title}</Text>
                  <Text size={200} className={s.sub}>
                    {[showNetwork && 'networkName' in x ? x.networkName : null, formatDate(x.startsAt, i18n.language, timeZone)].filter(Boolean).join(' · ')}
                  </Text>
                </TableCell>
                {used.map((sec) => (
                  <TableCell key={sec.sector} className={mergeClasses(s.cell, s.num)} data-label={sec.label}>
                    {x.bySector.find((b) => b.sector === sec.sector)?.attendees ?? 0}
                  </TableCell>
                ))}
                <TableCell className={mergeClasses(s.cell, s.num)} data-label={t('region.total')}>
                  <Text weight="semibold">{x.total}</Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
