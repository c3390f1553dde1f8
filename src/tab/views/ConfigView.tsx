import { Button, Field, Link, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { PageHeader } from '../components/PageHeader.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import { teamsSdk, type Host } from '../teams.js';
import { SetupForm } from '../setup/SetupForm.js';
import type { NewNetworkResponse } from '../api-types.js';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '560px',
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

const loadNetworks = (_key: string, signal: AbortSignal) => api.listNetworks(signal);
const loadSetupOptions = (_key: string, signal: AbortSignal) => api.getSetupOptions(signal);

export function planUrl(networkId: string): string {
  // Derived from the config page's own URL so the tab works under whatever base path serves it.
  const url = new URL(window.location.pathname, window.location.origin);
  url.searchParams.set('network', networkId);
  return url.toString();
}

/** The meeting tab's page: the side panel (and chat and details tabs), which finds its samling by the meeting chat. */
export function meetingUrl(): string {
  const url = new URL(window.location.pathname, window.location.origin);
  url.searchParams.set('view', 'meeting');
  return url.toString();
}

/**
 * Teams' configuration page. In a channel it binds the tab instance to one network; in a
 * meeting there is nothing to choose: the meeting's chat names its samling (issue 14).
 */
export function ConfigView({ host }: { host: Host }) {
  return host.meetingId ? <MeetingConfig /> : <ChannelConfig host={host} />;
}

function MeetingConfig() {
  const { t } = useTranslation();
  const s = useStyles();
  useEffect(() => {
    const pages = teamsSdk()?.pages;
    if (!pages) return;
    const config = { contentUrl: meetingUrl(), websiteUrl: meetingUrl(), entityId: 'samlingspunkt-meeting', suggestedDisplayName: t('app.name') };
    pages.config.registerOnSaveHandler((evt) => {
      pages.config.setConfig(config).then(
        () => evt.notifySuccess(),
        (err: unknown) => evt.notifyFailure(err instanceof Error ? err.message : String(err)),
      );
    });
    pages.config.setValidityState(true);
  }, [t]);
  return (
    <>
      <PageHeader title={t('config.title')} actions={<LanguageSwitch />} />
      <div className={s.card}>
        <Text>{t('meeting.config')}</Text>
      </div>
    </>
  );
}

function ChannelConfig({ host }: { host: Host }) {
  const { t } = useTranslation();
  const s = useStyles();
  const [networks, retry] = useAsync('all', loadNetworks);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [setupOptions] = useAsync('setup', loadSetupOptions);
  const [settingUp, setSettingUp] = useState(false);
  const [created, setCreated] = useState<NewNetworkResponse | null>(null);
  const [teamId, setTeamId] = useState<string | undefined>(undefined);

  // The team the tab is being added in: the bot's id for it is the context's internalId (19:…@thread…).
  useEffect(() => {
    const app = teamsSdk()?.app;
    if (!host.inTeams || !app) return;
    app.getContext().then(
      (context) => setTeamId(context.team?.internalId ?? undefined),
      () => undefined,
    );
  }, [host.inTeams]);

  // Reconfiguring an existing tab: start from the network it is already bound to.
  useEffect(() => {
    const pages = teamsSdk()?.pages;
    if (!host.inTeams || !pages) return;
    pages.getConfig().then(
      (current) => setSavedId(/^network-(.+)$/.exec(current.entityId ?? '')?.[1] ?? null),
      () => undefined,
    );
  }, [host.inTeams]);

  const list = networks.status === 'ready' ? networks.data.networks : [];
  const selected = list.find((n) => n.id === (pickedId ?? savedId)) ?? null;

  useEffect(() => {
    const pages = teamsSdk()?.pages;
    if (!host.inTeams || !pages) return;
    if (!selected) {
      pages.config.setValidityState(false);
      return;
    }
    const config = {
      contentUrl: planUrl(selected.id),
      websiteUrl: planUrl(selected.id),
      entityId: `network-${selected.id}`,
      suggestedDisplayName: selected.name,
    };
    pages.config.registerOnSaveHandler((evt) => {
      pages.config.setConfig(config).then(
        () => evt.notifySuccess(),
        (err: unknown) => evt.notifyFailure(err instanceof Error ? err.message : String(err)),
      );
    });
    pages.config.setValidityState(true);
  }, [host.inTeams, selected]);

  const options = setupOptions.status === 'ready' ? setupOptions.data : null;
  const onCreated = (made: NewNetworkResponse) => {
    setCreated(made);
    setSettingUp(false);
    setPickedId(made.networkId);
    retry();
  };
  const createdBar = created && (
    <MessageBar layout="multiline" intent="success">
      <MessageBarBody>
        {t('setup.created', { name: created.name, count: created.municipalityCount })} {created.teamBound ? t('setup.teamBound') : ''}
      </MessageBarBody>
    </MessageBar>
  );

  let body;
  if (networks.status === 'ready' && options?.mayCreate && (settingUp || list.length === 0)) {
    body = <SetupForm options={options} teamId={teamId} onCreated={onCreated} onCancel={list.length > 0 ? () => setSettingUp(false) : undefined} />;
  } else if (networks.status === 'loading') {
    body = <Loading label={t('networks.loading')} />;
  } else if (networks.status === 'error') {
    body = <ErrorBar error={networks.error} onRetry={retry} />;
  } else if (list.length === 0) {
    body = (
      <>
        <EmptyState title={t('networks.emptyTitle')} body={t('networks.emptyBody')} />
        {options && !options.mayCreate && options.refusal && (
          <MessageBar layout="multiline" intent="info">
            <MessageBarBody>{options.refusal}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  } else {
    body = (
      <div className={s.card}>
        {createdBar}
        <Text>{t('config.intro')}</Text>
        <Field label={t('networks.picker')} required>
          <Select value={selected?.id ?? ''} onChange={(_e, d) => setPickedId(d.value)}>
            <option value="" disabled>
              {t('config.placeholder')}
            </option>
            {list.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.regionName})
              </option>
            ))}
          </Select>
        </Field>
        {selected && host.inTeams && (
          <MessageBar layout="multiline" intent="success">
            <MessageBarBody>{t('config.ready')}</MessageBarBody>
          </MessageBar>
        )}
        {!host.inTeams && (
          <MessageBar layout="multiline" intent="info">
            <MessageBarBody>
              {t('config.outsideTeams')}{' '}
              {selected && <Link href={planUrl(selected.id)}>{t('config.preview', { name: selected.name })}</Link>}
            </MessageBarBody>
          </MessageBar>
        )}
        {options?.mayCreate && (
          <div>
            <Button onClick={() => setSettingUp(true)}>{t('setup.newNetwork')}</Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('config.title')} actions={<LanguageSwitch />} />
      {body}
    </>
  );
}
