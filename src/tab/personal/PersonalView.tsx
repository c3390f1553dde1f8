import { Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { PageHeader } from '../components/PageHeader.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import type { Host } from '../teams.js';
import { personalApi } from './api.js';
import { PollCard } from './PollCard.js';
import { ReflectionCard } from './ReflectionCard.js';
import { RemindersSwitch } from './RemindersSwitch.js';
import { SessionsSection } from './SessionsSection.js';
import { WorkSection } from './WorkSection.js';
import { usePersonalStyles } from './styles.js';

const loadOverview = (_key: string, signal: AbortSignal) => personalApi.overview(signal);

/**
 * «Mine oppgaver og samlinger» (issue 13): the personal tab, and a deltaker's first view in
 * the channel tab. Across all of the person's networks: the next sessions, the polls open to
 * them and the reflection tasks due (both answered right here), the municipality's
 * mellomarbeid, and their own reminders on or off.
 */
export function PersonalView({ host }: { host: Host }) {
  const { t } = useTranslation();
  const s = usePersonalStyles();
  const [version, setVersion] = useStateCounter();
  const [overview, retry] = useAsync(`me|${version}`, loadOverview);
  const pollsId = useId();
  const tasksId = useId();
  const header = <PageHeader eyebrow={t('personal.eyebrow')} title={t('personal.title')} subtitle={t('personal.subtitle')} actions={<LanguageSwitch />} />;

  if (overview.status === 'loading') {
    return (
      <>
        {header}
        <Loading label={t('personal.loading')} />
      </>
    );
  }
  if (overview.status === 'error') {
    return (
      <>
        {header}
        <ErrorBar error={overview.error} onRetry={retry} />
      </>
    );
  }
  const data = overview.data;
  if (data.networks.length === 0) {
    return (
      <>
        {header}
        <EmptyState title={t('personal.noNetworksTitle')} body={t('personal.noNetworksBody')} />
      </>
    );
  }
  const several = data.networks.length > 1;
  return (
    <>
      {header}
      <div className={s.page}>
        <SessionsSection sessions={data.sessions} timeZone={data.timeZone} inTeams={host.inTeams} showNetwork={several} />
        <section className={s.section} aria-labelledby={pollsId}>
          <h2 id={pollsId} className={s.heading}>
            {t('personal.polls.title')}
          </h2>
          {data.polls.length === 0 ? (
            <Text>{t('personal.polls.empty')}</Text>
          ) : (
            <ul className={s.list}>
              {data.polls.map((p) => (
                <PollCard key={p.poll.id} entry={p} timeZone={data.timeZone} showNetwork={several} />
              ))}
            </ul>
          )}
        </section>
        <section className={s.section} aria-labelledby={tasksId}>
          <h2 id={tasksId} className={s.heading}>
            {t('personal.reflections.title')}
          </h2>
          {data.reflections.length === 0 ? (
            <Text>{t('personal.reflections.empty')}</Text>
          ) : (
            <ul className={s.list}>
              {data.reflections.map((r) => (
                <ReflectionCard key={`${r.task.id}-${version}`} entry={r} timeZone={data.timeZone} showNetwork={several} onStale={setVersion} />
              ))}
            </ul>
          )}
        </section>
        {data.networks.some((n) => n.municipalityName) && <WorkSection work={data.work} timeZone={data.timeZone} showNetwork={several} />}
        {data.registered && <RemindersSwitch initiallyOn={data.remindersOn} />}
      </div>
    </>
  );
}

/** A counter to load the page again (after a stale group answer), and the bump that does it. */
function useStateCounter(): [number, () => void] {
  const [n, setN] = useState(0);
  return [n, () => setN((x) => x + 1)];
}
