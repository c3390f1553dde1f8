import { Button, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import type { AttendanceSummaryResponse } from '../api-types.js';
import { STACK_BELOW, useStackedTableStyles } from '../components/stackedTable.js';
import { ErrorBar, Loading } from '../components/States.js';
import { formatDate } from '../format.js';
import { useAsync } from '../hooks.js';
import { attendanceApi } from './api.js';
import { AttendanceDialog } from './AttendanceDialog.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  scroller: { overflowX: 'auto', borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, captionSide: 'top' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  num: { fontVariantNumeric: 'tabular-nums', textAlign: 'end', [`@media ${STACK_BELOW}`]: { textAlign: 'start' } },
  // Room for a samling's title, so it does not break inside words between eight narrow columns.
  titleCol: { width: '26%' },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
});

const load = (id: string, signal: AbortSignal) => attendanceApi.summary(id, signal);

type Summary = AttendanceSummaryResponse;

/**
 * Attendance in the network view (issue 13): per activity by sector, over the programme (the
 * «only health attends» question) and per municipality; the facilitators open an activity's
 * check-list and Teams import from here. Deltakere are refused the counts, so they see nothing.
 */
export function NetworkAttendance({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const s = useStyles();
  const headingId = useId();
  const [summary, retry] = useAsync(networkId, load);
  // The dialog stays mounted once opened and is closed through `open`, so Fluent can undo what a
  // modal does to the rest of the page (aria-hidden on it) instead of being torn out mid-way.
  const [dialog, setDialog] = useState<{ itemId: string; open: boolean; opening: number } | null>(null);
  if (summary.status === 'error' && summary.error instanceof ApiError && summary.error.status === 403) return null;

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {t('attendance.title')}
      </Subtitle1>
      {summary.status === 'loading' && <Loading label={t('attendance.loading')} />}
      {summary.status === 'error' && <ErrorBar error={summary.error} onRetry={retry} />}
      {summary.status === 'ready' && <SummaryBody data={summary.data} onOpen={(itemId) => setDialog((d) => ({ itemId, open: true, opening: (d?.opening ?? 0) + 1 }))} />}
      {dialog && (
        <AttendanceDialog
          key={dialog.opening}
          networkId={networkId}
          itemId={dialog.itemId}
          open={dialog.open}
          onClose={() => {
            setDialog({ ...dialog, open: false });
            retry();
          }}
        />
      )}
    </section>
  );
}

function SummaryBody({ data, onOpen }: { data: Summary; onOpen(itemId: string): void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const stacked = useStackedTableStyles();
  const started = data.items.filter((i) => i.started);
  if (started.length === 0) return <Text>{t('attendance.noneStarted')}</Text>;
  const used = data.sectors.filter((sec) => started.some((x) => x.bySector.some((b) => b.sector === sec.sector)));
  const p = data.programme;
  return (
    <>
      <Text>
        {p.total === 0
          ? t('attendance.programmeNone')
          : t('attendance.programme', { count: p.total, share: p.healthShare ?? 0 })}
      </Text>
      <div className={s.scroller}>
        <Table className={stacked.table} size="small">
          <caption className={s.caption}>{t('attendance.itemsCaption')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col" className={s.titleCol}>
                {t('attendance.activity')}
              </TableHeaderCell>
              {used.map((sec) => (
                <TableHeaderCell scope="col" key={sec.sector}>
                  {sec.label}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('attendance.total')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('attendance.municipalities')}</TableHeaderCell>
              {data.canRecord && <TableHeaderCell scope="col">{t('attendance.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {started.map((x) => (
              <TableRow key={x.id}>
                <TableCell className={s.cell}>
                  <Text weight="semibold">{x.title}</Text>
                  <Text size={200} className={s.sub}>
                    {formatDate(x.startsAt, i18n.language, data.timeZone)}
                  </Text>
                </TableCell>
                {used.map((sec) => (
                  <TableCell key={sec.sector} className={mergeClasses(s.cell, s.num)} data-label={sec.label}>
                    {x.bySector.find((b) => b.sector === sec.sector)?.attendees ?? 0}
                  </TableCell>
                ))}
                <TableCell className={mergeClasses(s.cell, s.num)} data-label={t('attendance.total')}>
                  <Text weight="semibold">{x.total}</Text>
                </TableCell>
                <TableCell className={mergeClasses(s.cell, s.num)} data-label={t('attendance.municipalities')}>
                  {x.municipalities}
                </TableCell>
                {data.canRecord && (
                  <TableCell className={s.cell}>
                    <Button size="small" onClick={() => onOpen(x.id)} aria-label={t('attendance.recordFor', { title: x.title })}>
                      {t('attendance.record')}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={s.scroller}>
        <Table className={stacked.table} size="small">
          <caption className={s.caption}>{t('attendance.municipalitiesCaption', { count: p.itemsWithAttendance })}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('attendance.municipality')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('attendance.itemsAttended')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('attendance.attendees')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('attendance.sectors')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.municipalities.map((m) => (
              <TableRow key={m.number}>
                <TableCell className={s.cell}>
                  <Text weight="semibold">{m.name}</Text>
                </TableCell>
                <TableCell className={mergeClasses(s.cell, s.num)} data-label={t('attendance.itemsAttended')}>
                  {t('attendance.ofItems', { n: m.items, of: p.itemsWithAttendance })}
                </TableCell>
                <TableCell className={mergeClasses(s.cell, s.num)} data-label={t('attendance.attendees')}>
                  {m.attendees}
                </TableCell>
                <TableCell className={s.cell} data-label={t('attendance.sectors')}>
                  {m.bySector.length === 0
                    ? t('attendance.nobody')
                    : m.bySector.map((b) => `${data.sectors.find((x) => x.sector === b.sector)?.label ?? b.sector} ${b.attendees}`).join(', ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
