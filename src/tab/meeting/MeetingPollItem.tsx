import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { ErrorBar, Loading } from '../components/States.js';
import { pollApi } from '../polls/api.js';
import { BeforeAfter } from '../polls/BeforeAfter.js';
import { BreakdownTable } from '../polls/Breakdowns.js';
import { formatNumber } from '../polls/format.js';
import { ResultBars } from '../polls/ResultBars.js';
import { WordCloud } from '../polls/WordCloud.js';
import { usePersonalStyles } from '../personal/styles.js';
import { shareToStage } from '../teams.js';
import type { MeetingPoll, PollResultsResponse } from '../api-types.js';
import { meetingApi } from './api.js';
import { useLive } from '../hooks.js';

const useStyles = makeStyles({
  question: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  resultsHead: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  // ~320 px is too narrow for a table of shares: each keeps a readable width and scrolls inside
  // its own (focusable) region, as data tables may (WCAG 1.4.10), while the panel itself reflows.
  tables: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& table': { minWidth: '24rem' } },
});

/** Live results in the side panel: a poll's answers every few seconds while it is open. */
const RESULTS_REFRESH_MS = 3_000;

const loadResults = (key: string, signal: AbortSignal) => {
  const [networkId, pollId] = key.split('|') as [string, string];
  return pollApi.results(networkId, pollId, signal);
};

/** The stage view's address for a poll: a page of this app, which Teams loads for everyone in the meeting. */
export function stageUrl(networkId: string, pollId: string): string {
  const url = new URL(window.location.pathname, window.location.origin);
  url.searchParams.set('view', 'stage');
  url.searchParams.set('network', networkId);
  url.searchParams.set('poll', pollId);
  return url.toString();
}

/**
 * One poll of the samling as the facilitator runs it from the side panel: open it now, close
 * it, see its answers come in (per municipality and sector, small groups left out by the
 * server), repeat it as the after-poll and see the shift, and put it on the stage.
 */
export function MeetingPollItem({ networkId, timeZone, entry, canShare, onChanged }: { networkId: string; timeZone: string; entry: MeetingPoll; canShare: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const card = usePersonalStyles();
  const titleId = useId();
  const { poll } = entry;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ intent: 'success', text: await work() });
      // The button pressed goes away with the new status («Åpne nå» becomes «Lukk»): the focus
      // stays in the poll, on its heading, rather than falling back to the top of the page.
      headingRef.current?.focus();
      onChanged();
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof ApiError && err.message ? err.message : t('common.errorFallback') });
    } finally {
      setBusy(false);
    }
  }

  const share = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await shareToStage(stageUrl(networkId, poll.id));
      setNotice({ intent: 'success', text: t('meeting.shared') });
    } catch {
      setNotice({ intent: 'error', text: t('meeting.shareFailed') });
    } finally {
      setBusy(false);
    }
  };

  const mayRepeat = entry.phase === 'for' && !poll.repeatedBy && poll.status !== 'planlagt';
  return (
    <li className={card.card}>
      <h3 id={titleId} className={s.question} tabIndex={-1} ref={headingRef}>
        {poll.question}
      </h3>
      <div className={s.meta}>
        <Badge appearance="tint" shape="rounded" color={poll.status === 'apen' ? 'success' : poll.status === 'planlagt' ? 'informative' : 'subtle'}>
          {t(`polls.status.${poll.status}`)}
        </Badge>
        <Text>{t(`meeting.phase.${entry.phase}`)}</Text>
        {poll.anonymous && <Text>{t('polls.anonymous')}</Text>}
        {poll.status === 'planlagt' && entry.opensAtMeetingStart && <Text>{t('meeting.opensAtStart')}</Text>}
      </div>
      <div className={s.actions}>
        {poll.status === 'planlagt' && (
          <Button appearance="primary" disabled={busy} onClick={() => void act(async () => (await meetingApi.open(networkId, poll.id)).message)}>
            {t('meeting.open')}
          </Button>
        )}
        {poll.status === 'apen' && (
          <Button
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await pollApi.close(networkId, poll.id);
                return t('polls.actions.closed');
              })
            }
          >
            {t('meeting.close')}
          </Button>
        )}
        {mayRepeat && (
          <Button
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await pollApi.repeat(networkId, poll.id, {});
                return t('meeting.repeated');
              })
            }
          >
            {t('meeting.repeat')}
          </Button>
        )}
        {canShare && poll.status !== 'planlagt' && (
          <Button disabled={busy} onClick={() => void share()}>
            {t('meeting.share')}
          </Button>
        )}
      </div>
      {/* Said aloud when it appears: what opening did (posted, notified, held back by the limit). */}
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {poll.status !== 'planlagt' && <LiveResults networkId={networkId} pollId={poll.id} timeZone={timeZone} showPair={entry.phase === 'etter'} />}
    </li>
  );
}

const stillOpen = (d: PollResultsResponse) => d.poll.status === 'apen';

function LiveResults({ networkId, pollId, timeZone, showPair }: { networkId: string; pollId: string; timeZone: string; showPair: boolean }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const headingId = useId();
  const live = useLive(`${networkId}|${pollId}`, loadResults, RESULTS_REFRESH_MS, stillOpen);
  if (!live.data) return live.error ? <ErrorBar error={live.error} onRetry={live.reload} /> : <Loading label={t('polls.results.loading')} />;
  const { poll, results, pair } = live.data;
  const overall = results.overall;
  const labels = overall?.options.map((o) => o.label) ?? [];
  return (
    <section className={s.results} aria-labelledby={headingId}>
      <h4 id={headingId} className={s.resultsHead}>
        {t('polls.results.title')}
      </h4>
      <Text weight="semibold">{t('polls.answersCount', { count: results.respondents })}</Text>
      {poll.status === 'apen' && <Text className={s.muted}>{t('meeting.liveResults')}</Text>}
      {!results.visible || !overall ? (
        <Text className={s.muted}>{t('polls.results.hidden', { min: 5 })}</Text>
      ) : results.respondents === 0 ? (
        <Text className={s.muted}>{t('polls.results.noAnswers')}</Text>
      ) : poll.kind === 'fritekst' ? (
        <WordCloud words={overall.words} labelledBy={headingId} />
      ) : (
        <>
          {overall.mean !== null && poll.scale && <Text weight="semibold">{t('polls.results.mean', { mean: formatNumber(overall.mean, i18n.language), max: poll.scale.max })}</Text>}
          <ResultBars options={overall.options} labelledBy={headingId} />
        </>
      )}
      <div className={s.tables}>
        {overall && results.respondents > 0 && (
          <>
            <BreakdownTable title={t('polls.breakdown.byMunicipality')} by="municipality" breakdown={results.byMunicipality} kind={poll.kind} options={labels} />
            <BreakdownTable title={t('polls.breakdown.bySector')} by="sector" breakdown={results.bySector} kind={poll.kind} options={labels} />
          </>
        )}
        {showPair && pair && <BeforeAfter pair={pair} timeZone={timeZone} />}
      </div>
    </section>
  );
}
