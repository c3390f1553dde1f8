import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { visuallyHidden } from '../components/visuallyHidden.js';
import { useAsync, useQueryParam } from '../hooks.js';
import type { PersonalPoll } from '../api-types.js';
import { personalApi } from '../personal/api.js';
import { PollCard } from '../personal/PollCard.js';
import { usePersonalStyles } from '../personal/styles.js';
import { pollApi } from '../polls/api.js';
import { teamsSdk, type Host } from '../teams.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  srOnly: visuallyHidden,
});

type Found =
  | { kind: 'open'; entry: PersonalPoll; timeZone: string }
  /** Not open to this person: closed, not opened yet, open but not theirs to answer, or no such poll. */
  | { kind: 'lukket' | 'planlagt' | 'ikke-din' | 'ukjent' };

/** The one poll the link names, as the person may answer it; else why not. */
async function loadPoll(key: string, signal: AbortSignal): Promise<Found> {
  const [networkId, pollId] = key.split('|') as [string, string];
  const overview = await personalApi.overview(signal);
  const entry = overview.polls.find((p) => p.poll.id === pollId && p.networkId === networkId);
  if (entry) return { kind: 'open', entry, timeZone: overview.timeZone };
  try {
    const { poll } = await pollApi.results(networkId, pollId, signal);
    return { kind: poll.status === 'lukket' ? 'lukket' : poll.status === 'planlagt' ? 'planlagt' : 'ikke-din' };
  } catch (err) {
    // Not found, not a valid id, or a network the person cannot see: the same to them.
    if (err instanceof ApiError && [400, 403, 404].includes(err.status)) return { kind: 'ukjent' };
    throw err;
  }
}

/**
 * Closes Teams' in-meeting dialog once the answer is saved (a requirement of Teams for apps that
 * send in-meeting notifications). dialog.url.submit is the successor of tasks.submitTask; hosts
 * without it get the old call. Outside a dialog, or a plain browser, nothing happens and the
 * card's own sentence («Takk! Svaret ditt er lagret.») stays on the page.
 */
function closeDialog(): void {
  const sdk = teamsSdk();
  if (!sdk) return;
  try {
    if (sdk.dialog.url.isSupported()) sdk.dialog.url.submit();
    else sdk.tasks.submitTask();
  } catch (err) {
    console.warn('Samlingspunkt: kunne ikke lukke dialogen', err);
  }
}

/**
 * `?view=answer&network=…&poll=…`: the page the in-meeting notification (the content bubble) shows,
 * 460 × 300 pixels over the meeting stage. Only the poll, answerable as in «Mine oppgaver».
 */
export function AnswerView({ host }: { host: Host }) {
  const { t } = useTranslation();
  const s = useStyles();
  const p = usePersonalStyles();
  const networkId = useQueryParam('network');
  const pollId = useQueryParam('poll');
  const [found, retry] = useAsync(networkId && pollId ? `${networkId}|${pollId}` : null, loadPoll);
  const title = t('answer.title');
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  let body;
  if (!networkId || !pollId) body = <EmptyState title={t('answer.ukjent.title')} body={t('answer.ukjent.body')} />;
  else if (found.status === 'loading') body = <Loading label={t('answer.loading')} />;
  else if (found.status === 'error') body = <ErrorBar error={found.error} onRetry={retry} />;
  else if (found.data.kind === 'open') {
    body = (
      <ul className={p.list}>
        <PollCard entry={found.data.entry} timeZone={found.data.timeZone} showNetwork={false} onAnswered={host.inTeams ? closeDialog : undefined} />
      </ul>
    );
  } else body = <EmptyState title={t(`answer.${found.data.kind}.title`)} body={t(`answer.${found.data.kind}.body`)} />;

  return (
    <div className={s.page}>
      <h1 className={s.srOnly}>{title}</h1>
      {body}
    </div>
  );
}
