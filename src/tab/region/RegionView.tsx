import { Field, Select, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { PageHeader } from '../components/PageHeader.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import type { Host } from '../teams.js';
import type { RegionOverviewResponse } from '../api-types.js';
import { regionApi, type OverviewQuery } from './api.js';
import { AttendanceTable } from './AttendanceTable.js';
import { MunicipalityDetail } from './MunicipalityDetail.js';
import { OverviewTable } from './OverviewTable.js';
import { ReportDownload } from './ReportDownload.js';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, border: 0, margin: 0, padding: 0, '& > *': { minWidth: '12rem', flex: '1 1 12rem' } },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
});

const loadRegions = (_key: string, signal: AbortSignal) => regionApi.mine(signal);
const loadOverview = (key: string, signal: AbortSignal) => {
  const { regionId, ...q } = JSON.parse(key) as OverviewQuery & { regionId: string };
  return regionApi.overview(regionId, q, signal);
};

/**
 * The region overview for coordinators (issue 13): every network of the region × municipality,
 * filters by network, county and phase, attendance per samling by sector, a read-only
 * drill-down to one municipality, and the region's report.
 */
export function RegionView(_props: { host: Host }) {
  const { t } = useTranslation();
  const [regions, retryRegions] = useAsync('mine', loadRegions);
  const [regionId, setRegionId] = useState<string | null>(null);
  const list = regions.status === 'ready' ? regions.data.regions : [];
  useEffect(() => {
    if (regionId === null && list[0]) setRegionId(list[0].id);
  }, [list, regionId]);
  const name = list.find((r) => r.id === regionId)?.name ?? t('region.title');

  const picker =
    list.length > 1 ? (
      <Field label={t('region.regionPicker')}>
        <Select value={regionId ?? ''} onChange={(_e, d) => setRegionId(d.value)}>
          {list.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
    ) : null;

  return (
    <>
      <PageHeader
        eyebrow={t('region.eyebrow')}
        title={name}
        actions={
          <>
            {picker}
            <LanguageSwitch />
          </>
        }
      />
      {regions.status === 'loading' && <Loading label={t('region.loading')} />}
      {regions.status === 'error' && <ErrorBar error={regions.error} onRetry={retryRegions} />}
      {regions.status === 'ready' && list.length === 0 && <EmptyState title={t('region.none')} body={t('region.noneBody')} />}
      {regionId && <RegionOverview key={regionId} regionId={regionId} />}
    </>
  );
}

function RegionOverview({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const s = useStyles();
  const tableId = useId();
  const attendanceId = useId();
  const [query, setQuery] = useState<OverviewQuery>({ network: '', county: '', phase: '' });
  const [open, setOpen] = useState<string | null>(null);
  // Back from the drill-down, the focus returns to the name that opened it.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    if (open === null && returnTo) document.getElementById(returnTo)?.focus();
  }, [open, returnTo]);
  const [overview, retry] = useAsync(JSON.stringify({ regionId, ...query }), loadOverview);
  // Kept while a new filter loads, so the filters do not vanish under the user's hands.
  const [shown, setShown] = useState<RegionOverviewResponse | null>(null);
  useEffect(() => {
    if (overview.status === 'ready') setShown(overview.data);
  }, [overview]);

  if (open) return <MunicipalityDetail regionId={regionId} number={open} onBack={() => setOpen(null)} />;

  const openMunicipality = (number: string, linkId: string) => {
    setReturnTo(linkId);
    setOpen(number);
  };
  const set = (k: keyof OverviewQuery) => (_e: unknown, d: { value: string }) => setQuery((q) => ({ ...q, [k]: d.value }));
  return (
    <div className={s.sections}>
      {overview.status === 'loading' && !shown && <Loading label={t('region.loading')} />}
      {overview.status === 'error' && <ErrorBar error={overview.error} onRetry={retry} />}
      {shown && (
        <>
          <Text className={s.note}>{t('region.intro')}</Text>
          <fieldset className={s.filters}>
            <legend className={s.legend}>{t('region.filters')}</legend>
            <Field label={t('region.filterNetwork')}>
              <Select value={query.network} onChange={set('network')}>
                <option value="">{t('region.all')}</option>
                {shown.options.networks.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('region.filterCounty')}>
              <Select value={query.county} onChange={set('county')}>
                <option value="">{t('region.all')}</option>
                {shown.options.counties.map((c) => (
                  <option key={c.number} value={c.number}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('region.filterPhase')}>
              <Select value={query.phase} onChange={set('phase')}>
                <option value="">{t('region.all')}</option>
                {shown.options.phases.map((p) => (
                  <option key={p.phase} value={String(p.phase)}>
                    {`${p.phase} – ${p.label}`}
                  </option>
                ))}
                <option value="ingen">{t('region.noPhase')}</option>
              </Select>
            </Field>
          </fieldset>

          <section className={s.section} aria-labelledby={tableId}>
            <Subtitle1 as="h2" id={tableId} className={s.heading}>
              {t('region.tableTitle')}
            </Subtitle1>
            <Text role="status" className={s.note}>
              {t('region.rowsShown', { count: shown.rows.length })}
            </Text>
            {shown.rows.length === 0 ? (
              <Text>{t('region.empty')}</Text>
            ) : (
              <OverviewTable rows={shown.rows} labelledBy={tableId} withAttendance={shown.attendanceAvailable} onOpen={openMunicipality} />
            )}
            <Text size={200} className={s.note}>
              {t('region.namedOnly')}
            </Text>
          </section>

          <section className={s.section} aria-labelledby={attendanceId}>
            <Subtitle1 as="h2" id={attendanceId} className={s.heading}>
              {t('region.attendanceTitle')}
            </Subtitle1>
            {!shown.attendanceAvailable ? (
              <Text>{t('region.attendanceMissing')}</Text>
            ) : shown.sessions.length === 0 ? (
              <Text>{t('region.attendanceEmpty')}</Text>
            ) : (
              <AttendanceTable sessions={shown.sessions} sectors={shown.options.sectors} timeZone={shown.timeZone} showNetwork />
            )}
          </section>

          <ReportDownload download={(from, to) => regionApi.downloadRegion(regionId, from, to)} />
        </>
      )}
    </div>
  );
}
