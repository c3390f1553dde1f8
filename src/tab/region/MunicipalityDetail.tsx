import { Badge, Button, Card, Link, Subtitle1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../components/States.js';
import { formatDateTime } from '../format.js';
import { useAsync } from '../hooks.js';
import { regionApi } from './api.js';
import { AttendanceTable } from './AttendanceTable.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0, '@media (max-width: 600px)': { gridTemplateColumns: '1fr' } },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0 },
  work: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const load = (key: string, signal: AbortSignal) => {
  const [regionId, number] = key.split('/') as [string, string];
  return regionApi.municipality(regionId, number, signal);
};

/** One municipality across the region's networks, read-only: phase, focus, delivered mellomarbeid, participation, attendance. */
export function MunicipalityDetail({ regionId, number, onBack }: { regionId: string; number: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [detail, retry] = useAsync(`${regionId}/${number}`, load);
  // The drill-down replaces the table: the focus moves to its heading, so a screen reader hears where it is.
  useEffect(() => {
    if (detail.status === 'ready') document.getElementById('region-detail-title')?.focus();
  }, [detail.status]);

  return (
    <section className={s.root} aria-labelledby="region-detail-title">
      <div>
        <Button onClick={onBack}>{t('region.back')}</Button>
      </div>
      {detail.status === 'loading' && <Loading label={t('region.detailLoading')} />}
      {detail.status === 'error' && <ErrorBar error={detail.error} onRetry={retry} />}
      {detail.status === 'ready' && (
        <>
          <Subtitle1 as="h2" id="region-detail-title" className={s.heading} tabIndex={-1}>
            {t('region.detailTitle', { municipality: detail.data.municipality.name })}
          </Subtitle1>
          <Text className={s.note}>
            {detail.data.municipality.countyName} · {t('region.detailIntro')}
          </Text>
          {detail.data.networks.map((n) => (
            <Card key={n.networkId} className={s.card}>
              <Subtitle2 as="h3" className={s.heading}>
                {n.networkName}
              </Subtitle2>
              <dl className={s.facts}>
                <dt className={s.term}>{t('region.col.phase')}</dt>
                <dd className={s.def}>{n.phaseLabel ? `${n.phase} – ${n.phaseLabel}` : t('region.noPhase')}</dd>
                <dt className={s.term}>{t('region.col.focus')}</dt>
                <dd className={s.def}>
                  {n.focus.length === 0 ? t('region.noFocus') : n.focus.map((f) => (f.solutionName ? `${f.focusAreaName}: ${f.solutionName}` : f.focusAreaName)).join('; ')}
                </dd>
                <dt className={s.term}>{t('region.col.polls')}</dt>
                <dd className={s.def}>{t('region.answeredOf', { answered: n.polls.answered, total: n.polls.total })}</dd>
                <dt className={s.term}>{t('region.col.reflections')}</dt>
                <dd className={s.def}>{t('region.answeredOf', { answered: n.reflections.answered, total: n.reflections.total })}</dd>
              </dl>
              <Subtitle2 as="h4" className={s.heading}>
                {t('region.col.work')}
              </Subtitle2>
              {n.mellomarbeid.length === 0 && <Text>{t('region.noWork')}</Text>}
              {n.mellomarbeid.map((w) => (
                <div key={w.assignmentId} className={s.work}>
                  <Text weight="semibold">{w.title}</Text>
                  <div className={s.line}>
                    <Badge appearance="outline">{w.statusLabel}</Badge>
                    {w.late && (
                      <Badge appearance="filled" color="danger">
                        {t('region.late')}
                      </Badge>
                    )}
                    <Text size={200}>
                      {w.deliveredAt
                        ? t('region.delivered', { when: formatDateTime(w.deliveredAt, i18n.language, detail.data.timeZone) })
                        : t('region.due', { when: formatDateTime(w.dueAt, i18n.language, detail.data.timeZone) })}
                    </Text>
                  </div>
                  {w.submissionText && (
                    <>
                      <Text size={200} weight="semibold">
                        {t('region.submission')}
                      </Text>
                      <p className={s.text}>{w.submissionText}</p>
                    </>
                  )}
                  {w.submissionUrl && (
                    <Link href={w.submissionUrl} target="_blank" rel="noreferrer">
                      {t('region.submissionLink')}
                    </Link>
                  )}
                  {w.feedback && (
                    <>
                      <Text size={200} weight="semibold">
                        {t('region.feedback')}
                      </Text>
                      <p className={s.text}>{w.feedback}</p>
                    </>
                  )}
                  {!w.deliveredAt && !w.submissionText && <Text size={200}>{t('region.notDelivered')}</Text>}
                </div>
              ))}
              <Subtitle2 as="h4" className={s.heading}>
                {t('region.attendanceTitle')}
              </Subtitle2>
              {!detail.data.attendanceAvailable ? (
                <Text>{t('region.attendanceMissing')}</Text>
              ) : n.attendance.length === 0 ? (
                <Text>{t('region.attendanceEmpty')}</Text>
              ) : (
                <AttendanceTable sessions={n.attendance} sectors={detail.data.sectors} timeZone={detail.data.timeZone} showNetwork={false} />
              )}
            </Card>
          ))}
        </>
      )}
    </section>
  );
}
