import { Subtitle1, Text } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembersResponse, NetworkAdminResponse } from '../api-types.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useNetworkChoice } from '../components/NetworkChoice.js';
import { PageHeader } from '../components/PageHeader.js';
import { ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import type { Host } from '../teams.js';
import { adminApi } from './api.js';
import { CoordinatorsSection } from './CoordinatorsSection.js';
import { EndSection } from './EndSection.js';
import { InviteSection } from './InviteSection.js';
import { MembersSection } from './MembersSection.js';
import { MunicipalitiesSection } from './MunicipalitiesSection.js';
import { useAdminStyles } from './styles.js';

interface AdminData {
  overview: NetworkAdminResponse;
  members: MembersResponse;
}

const loadAdmin = async (networkId: string, signal: AbortSignal): Promise<AdminData> => {
  const [overview, members] = await Promise.all([adminApi.overview(networkId, signal), adminApi.members(networkId, signal)]);
  return { overview, members };
};

/**
 * «Administrasjon» (issue 12): a network's municipalities, members and roles, invitations from
 * the team roster, co-facilitators, the end of the programme, and the region's coordinators.
 * What is offered comes from the server's policy (`access`); a coordinator reads, a facilitator edits.
 */
export function AdminView(_props: { host: Host }) {
  const { t } = useTranslation();
  const { networkId, networks: list, picker, gate } = useNetworkChoice();
  const name = list.find((n) => n.id === networkId)?.name ?? t('app.name');
  const header = (
    <PageHeader
      eyebrow={t('admin.eyebrow')}
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
      <AdminSections networkId={networkId} />
    </>
  );
}

function AdminSections({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const s = useAdminStyles();
  const [version, setVersion] = useState(0);
  const [state] = useAsync(`${networkId}#${version}`, (key, signal) => loadAdmin(key.split('#')[0]!, signal));
  // The last data stays on screen while a change reloads, so nothing unmounts under the user's hands.
  const [data, setData] = useState<AdminData | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const coFacilitatorsId = useId();
  useEffect(() => {
    if (state.status === 'ready') setData(state.data);
  }, [state]);
  const reload = () => setVersion((v) => v + 1);

  if (!data) {
    if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
    return <Loading label={t('admin.loading')} />;
  }
  const { overview, members } = data;
  const { access } = overview;
  const facilitators = members.members.filter((m) => m.role === 'fasilitator');

  return (
    <div className={s.sections}>
      {/* Every saved change is said here, for screen readers as for everyone else. */}
      <div role="status" aria-live="polite" className={s.hidden}>
        {announcement}
      </div>
      {state.status === 'error' && <ErrorBar error={state.error} onRetry={reload} />}
      {!access.canManage && <Text>{overview.network.endedAt ? t('admin.readOnlyEnded') : t('admin.readOnly')}</Text>}
      <MunicipalitiesSection networkId={networkId} data={overview} onChanged={reload} announce={setAnnouncement} />
      <MembersSection networkId={networkId} data={members} canManage={access.canManage} onChanged={reload} announce={setAnnouncement} />
      {access.canManage && <InviteSection networkId={networkId} members={members} version={version} onAdded={reload} announce={setAnnouncement} />}
      <section className={s.section} aria-labelledby={coFacilitatorsId}>
        <Subtitle1 as="h2" id={coFacilitatorsId} className={s.heading}>
          {t('admin.facilitators.title')}
        </Subtitle1>
        <Text>{t('admin.facilitators.list', { names: facilitators.map((f) => f.displayName).join(', ') })}</Text>
        {access.canManage && <Text className={s.note}>{t('admin.facilitators.hint')}</Text>}
      </section>
      <EndSection network={overview.network} access={access} onChanged={reload} announce={setAnnouncement} />
      {access.coordinatesRegion && <CoordinatorsSection regionId={overview.network.regionId} announce={setAnnouncement} />}
    </div>
  );
}
