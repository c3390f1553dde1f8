import {
  Badge,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAuthConfig, loadDevUsers, pickDevUser, setDevUser } from '../auth.js';
import type { DevUser } from '../api-types.js';
import { useAsync } from '../hooks.js';
import type { Host } from '../teams.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { PageHeader } from './PageHeader.js';
import { ErrorBar, Loading } from './States.js';

const useStyles = makeStyles({
  devBar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  picker: { minWidth: 'min(280px, 100%)' },
  badge: { marginBottom: tokens.spacingVerticalXS },
});

const loadConfig = () => loadAuthConfig();
const loadUsers = () => loadDevUsers();

/**
 * Decides who the tab signs in as before any view loads data. Inside Teams: Teams SSO (tokens
 * are fetched per request; consent problems surface in the views' error bars). Outside Teams:
 * the dev sign-in picker in local mode, otherwise a message to open the app in Teams.
 * `children` gets a key that changes when the signed-in person changes, so views reload.
 */
export function AuthGate({ host, children }: { host: Host; children: (who: string) => ReactNode }) {
  const { t } = useTranslation();
  const [config, retry] = useAsync(host.inTeams ? null : 'auth-config', loadConfig);

  if (host.inTeams) return <>{children('teams')}</>;
  if (config.status === 'loading') return <Loading label={t('auth.loading')} />;
  if (config.status === 'error') return <ErrorBar error={config.error} onRetry={retry} />;
  if (!config.data.devSignIn) return <OutsideTeams />;
  return <DevSignIn>{children}</DevSignIn>;
}

function OutsideTeams() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.name')} actions={<LanguageSwitch />} />
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('auth.outsideTeamsTitle')}</MessageBarTitle>
          {t('auth.outsideTeams')}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}

function roleText(t: (key: string) => string, user: DevUser): string {
  const role = t(`auth.role.${user.role}`);
  return `${user.displayName} – ${role}${user.municipalityName ? `, ${user.municipalityName}` : ''}`;
}

/** Local mode only: act as one of the demo members (the server accepts this only on loopback). */
function DevSignIn({ children }: { children: (who: string) => ReactNode }) {
  const { t } = useTranslation();
  const s = useStyles();
  const [users, retry] = useAsync('dev-users', loadUsers);
  const [chosenId, setChosenId] = useState<string | null>(null);

  if (users.status === 'loading') return <Loading label={t('auth.loading')} />;
  if (users.status === 'error') return <ErrorBar error={users.error} onRetry={retry} />;

  const list = users.data.users;
  const current = list.find((u) => u.aadObjectId === chosenId) ?? pickDevUser(list);
  // Module state read by every request; set before the views below start loading.
  setDevUser(current?.aadObjectId ?? null);

  return (
    <>
      <div className={s.devBar} role="region" aria-label={t('auth.devBar')}>
        <Badge appearance="tint" color="warning" className={s.badge}>
          {t('auth.devBar')}
        </Badge>
        {current ? (
          <Field label={t('auth.signedInAs')} size="small" className={s.picker}>
            <Select value={current.aadObjectId} onChange={(_e, d) => setChosenId(d.value)}>
              {list.map((u) => (
                <option key={u.aadObjectId} value={u.aadObjectId}>
                  {roleText(t, u)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>{t('auth.noDevUsers')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <Fragment key={current?.aadObjectId ?? 'ingen'}>{children(current?.aadObjectId ?? 'ingen')}</Fragment>
    </>
  );
}
