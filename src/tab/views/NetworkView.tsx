import { Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useNetworkChoice } from '../components/NetworkChoice.js';
import { PageHeader } from '../components/PageHeader.js';
import { ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import type { Host } from '../teams.js';
import { workApi } from '../work/api.js';
import { FocusPhaseTable } from '../work/FocusPhaseTable.js';
import { NewAssignment } from '../work/NewAssignment.js';
import { ReflectionSummaries } from '../work/ReflectionSummaries.js';
import type { MatrixCell, MatrixResponse } from '../api-types.js';
import { WorkMatrix } from '../work/WorkMatrix.js';
import { NetworkReport } from '../region/NetworkReport.js';
import { NetworkAttendance } from '../attendance/NetworkAttendance.js';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  headRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2 },
});

const loadMatrix = (id: string, signal: AbortSignal) => workApi.matrix(id, signal);
const loadReflections = (id: string, signal: AbortSignal) => workApi.reflections(id, signal);
const loadStanding = (id: string, signal: AbortSignal) => workApi.standing(id, signal);

/**
 * The network page (issue 5): the mellomarbeid status matrix, the shared reflection summaries,
 * and each municipality's phase and focus areas. Bound to `?network=` like the plan, else the
 * first network the person belongs to.
 */
export function NetworkView(_props: { host: Host }) {
  const { t } = useTranslation();
  const { networkId, networks: list, picker, gate } = useNetworkChoice();
  const name = list.find((n) => n.id === networkId)?.name ?? t('app.name');

  const header = (
    <PageHeader
      eyebrow={t('network.eyebrow')}
      title={name}
      actions={
        <>
          {picker}
          <LanguageSwitch />
        </>
      }
    />
  );

  if (gate || networkId === null) {
    return (
      <>
        {header}
        {gate}
      </>
    );
  }
  return (
    <>
      {header}
      <NetworkWork networkId={networkId} />
    </>
  );
}

function NetworkWork({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const s = useStyles();
  const workId = useId();
  const reflectionsId = useId();
  const focusId = useId();
  const [matrix, retryMatrix] = useAsync(networkId, loadMatrix);
  const [reflections, retryReflections] = useAsync(networkId, loadReflections);
  const [standing, retryStanding] = useAsync(networkId, loadStanding);
  // A saved change replaces its cell locally; the progress line follows on the next load.
  const [local, setLocal] = useState<MatrixResponse | null>(null);
  // Kept while reloading, so nothing (an open dialog included) unmounts under the user's hands.
  useEffect(() => {
    if (matrix.status === 'ready') setLocal(matrix.data);
  }, [matrix]);

  const onChanged = (cell: MatrixCell) =>
    setLocal((m) => {
      if (!m) return m;
      const cells = m.cells.map((c) => (c.assignmentId === cell.assignmentId && c.municipalityNumber === cell.municipalityNumber ? cell : c));
      const delivered = (id: string) => cells.filter((c) => c.assignmentId === id && (c.status === 'levert' || c.status === 'tilbakemelding-gitt')).length;
      const before = (id: string) => m.cells.filter((c) => c.assignmentId === id && (c.status === 'levert' || c.status === 'tilbakemelding-gitt')).length;
      return {
        ...m,
        cells,
        assignments: m.assignments.map((a) => ({ ...a, progress: { ...a.progress, delivered: a.progress.delivered + delivered(a.id) - before(a.id) } })),
      };
    });

  return (
    <div className={s.sections}>
      <section className={s.section} aria-labelledby={workId}>
        <div className={s.headRow}>
          <Subtitle1 as="h2" id={workId} className={s.heading}>
            {t('work.title')}
          </Subtitle1>
          {local?.canCreate && <NewAssignment networkId={networkId} data={local} onCreated={retryMatrix} />}
        </div>
        {matrix.status === 'loading' && !local && <Loading label={t('network.loading')} />}
        {matrix.status === 'error' && <ErrorBar error={matrix.error} onRetry={retryMatrix} />}
        {local &&
          (local.assignments.length === 0 ? (
            <Text>{t('work.empty')}</Text>
          ) : (
            <>
              <Text className={s.note}>{t('work.intro')}</Text>
              <WorkMatrix networkId={networkId} data={local} labelledBy={workId} onChanged={onChanged} />
            </>
          ))}
      </section>

      <section className={s.section} aria-labelledby={reflectionsId}>
        <Subtitle1 as="h2" id={reflectionsId} className={s.heading}>
          {t('reflections.title')}
        </Subtitle1>
        {reflections.status === 'loading' && <Loading label={t('network.loading')} />}
        {reflections.status === 'error' && <ErrorBar error={reflections.error} onRetry={retryReflections} />}
        {reflections.status === 'ready' && (
          <ReflectionSummaries networkId={networkId} tasks={reflections.data.tasks} canCreate={reflections.data.canCreate} />
        )}
      </section>

      <section className={s.section} aria-labelledby={focusId}>
        <Subtitle1 as="h2" id={focusId} className={s.heading}>
          {t('focus.title')}
        </Subtitle1>
        {standing.status === 'loading' && <Loading label={t('network.loading')} />}
        {standing.status === 'error' && <ErrorBar error={standing.error} onRetry={retryStanding} />}
        {standing.status === 'ready' && <FocusPhaseTable networkId={networkId} data={standing.data} labelledBy={focusId} />}
      </section>

      <NetworkAttendance networkId={networkId} />

      <NetworkReport networkId={networkId} />
    </div>
  );
}
