import { Badge, Button, Checkbox, MessageBar, MessageBarBody, Subtitle1, Subtitle2, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { ErrorBar, Loading } from '../components/States.js';
import { useLive } from '../hooks.js';
import { pollApi } from './api.js';
import { BeforeAfter } from './BeforeAfter.js';
import { BreakdownTable } from './Breakdowns.js';
import { formatNumber, formatWhen } from './format.js';
import { ResultBars } from './ResultBars.js';
import type { Channel, PollResultsResponse } from '../api-types.js';
import { WordCloud } from './WordCloud.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, ...typographyStyles.subtitle1, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  repeatBox: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke1}` },
  note: { color: tokens.colorNeutralForeground2 },
});

const LIVE_REFRESH_MS = 5_000;

const loadResults = (key: string, signal: AbortSignal) => {
  const [networkId, pollId] = key.split('|') as [string, string];
  return pollApi.results(networkId, pollId, signal);
};

export function PollResultsPanel(props: { networkId: string; pollId: string; channels: Channel[]; created?: boolean; onChanged(selectId?: string): void }) {
  const { t } = useTranslation();
  // Live results while the poll is open: a quiet reload every few seconds (not in a hidden tab).
  // After an action the results reload behind what is shown, so its confirmation stays visible.
  const { data, error, reload } = useLive(`${props.networkId}|${props.pollId}`, loadResults, LIVE_REFRESH_MS, (d) => d.poll.status === 'apen');
  if (!data) return error ? <ErrorBar error={error} onRetry={reload} /> : <Loading label={t('polls.results.loading')} />;
  return <Results {...props} data={data} reload={reload} />;
}

function Results({ networkId, channels, data, created, reload, onChanged }: { networkId: string; channels: Channel[]; data: PollResultsResponse; created?: boolean; reload(): void; onChanged(selectId?: string): void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const titleId = useId();
  const resultsId = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(() => (created ? { intent: 'success', text: t('polls.created') } : null));
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A poll just created: the focus moves here from the form that is gone, to the confirmation's heading.
  useEffect(() => {
    if (created) headingRef.current?.focus();
  }, [created]);
  const [repeating, setRepeating] = useState(false);
  const [postTo, setPostTo] = useState<string[]>(channels.filter((c) => c.isGeneral).map((c) => c.conversationId));
  const [sendToAll, setSendToAll] = useState(false);
  const { poll, results, pair } = data;
  const lang = i18n.language;

  async function act(work: () => Promise<unknown>, done: string, selectId?: string) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage({ intent: 'success', text: done });
      reload();
      onChanged(selectId);
    } catch (error) {
      setMessage({ intent: 'error', text: error instanceof ApiError && error.message ? error.message : t('common.errorFallback') });
    } finally {
      setBusy(false);
    }
  }

  const overall = results.overall;
  return (
    <article className={s.panel} aria-labelledby={titleId}>
      <div className={s.head}>
        <h2 id={titleId} className={s.title} tabIndex={-1} ref={headingRef}>
          {poll.question}
        </h2>
        <div className={s.meta}>
          <Badge appearance="tint" color={poll.status === 'apen' ? 'success' : poll.status === 'planlagt' ? 'informative' : 'subtle'}>
            {t(`polls.status.${poll.status}`)}
          </Badge>
          <Text>{t(`polls.kind.${poll.kind}`)}</Text>
          <Text>· {t('polls.answersCount', { count: results.respondents })}</Text>
          {poll.anonymous && <Badge appearance="outline">{t('polls.anonymous')}</Badge>}
          {poll.repeatOf && <Badge appearance="outline">{t('polls.repeat')}</Badge>}
          <Text>· {formatWhen(poll.opensAt, lang, data.timeZone)}</Text>
        </div>
      </div>

      {(data.canManage || data.canExport) && (
        <div className={s.actions}>
          {data.canManage && poll.status !== 'lukket' && (
            <Button disabled={busy} onClick={() => act(() => pollApi.close(networkId, poll.id), t('polls.actions.closed'))}>
              {t('polls.actions.close')}
            </Button>
          )}
          {data.canManage && poll.status === 'lukket' && (
            <Button disabled={busy} onClick={() => act(() => pollApi.reopen(networkId, poll.id), t('polls.actions.reopened'))}>
              {t('polls.actions.reopen')}
            </Button>
          )}
          {data.canManage && !poll.repeatedBy && !(pair && pair.before.id === poll.id) && (
            <Button disabled={busy} onClick={() => setRepeating((r) => !r)} aria-expanded={repeating}>
              {t('polls.actions.repeat')}
            </Button>
          )}
          {data.canExport && (
            <>
              <Button appearance="subtle" disabled={busy} onClick={() => act(() => pollApi.download(networkId, poll.id, 'csv'), t('polls.actions.downloaded'))}>
                {t('polls.actions.exportCsv')}
              </Button>
              <Button appearance="subtle" disabled={busy} onClick={() => act(() => pollApi.download(networkId, poll.id, 'xlsx'), t('polls.actions.downloaded'))}>
                {t('polls.actions.exportXlsx')}
              </Button>
            </>
          )}
        </div>
      )}
      {repeating && (
        <div className={s.repeatBox}>
          <Text>{t('polls.actions.repeatIntro')}</Text>
          {channels.map((c) => (
            <Checkbox
              key={c.conversationId}
              label={c.isGeneral ? t('polls.form.generalChannel') : (c.name ?? t('polls.form.channel'))}
              checked={postTo.includes(c.conversationId)}
              onChange={(_e, d) => setPostTo((p) => (d.checked ? [...p, c.conversationId] : p.filter((x) => x !== c.conversationId)))}
            />
          ))}
          <Checkbox label={t('polls.form.sendToAll')} checked={sendToAll} onChange={(_e, d) => setSendToAll(Boolean(d.checked))} />
          <div>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  const created = await pollApi.repeat(networkId, poll.id, { postTo, sendToAll });
                  setRepeating(false);
                  onChanged(created.poll.id);
                }, t('polls.actions.repeated'))
              }
            >
              {t('polls.actions.repeatConfirm')}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <MessageBar layout="multiline" intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      <section className={s.section} aria-labelledby={resultsId}>
        <Subtitle2 as="h3" id={resultsId} className={s.heading}>
          {poll.kind === 'fritekst' ? t('polls.results.words') : t('polls.results.title')}
        </Subtitle2>
        {!results.visible || !overall ? (
          <Text className={s.note}>{t('polls.results.hidden', { min: 5 })}</Text>
        ) : results.respondents === 0 ? (
          <Text className={s.note}>{t('polls.results.noAnswers')}</Text>
        ) : poll.kind === 'fritekst' ? (
          <WordCloud words={overall.words} labelledBy={resultsId} />
        ) : (
          <>
            {overall.mean !== null && poll.scale && (
              <Text size={400} weight="semibold">
                {t('polls.results.mean', { mean: formatNumber(overall.mean, lang), max: poll.scale.max })}
              </Text>
            )}
            <ResultBars options={overall.options} labelledBy={resultsId} />
            {poll.kind === 'flervalg' && <Text className={s.note}>{t('polls.results.multiNote')}</Text>}
            {poll.kind === 'skala' && poll.scale && (
              <Text className={s.note}>{t('polls.results.scaleEnds', { min: poll.scale.minLabel || '–', max: poll.scale.max, maxLabel: poll.scale.maxLabel || '–' })}</Text>
            )}
          </>
        )}
      </section>

      {pair && <BeforeAfter pair={pair} timeZone={data.timeZone} />}

      {overall && (
        <>
          <BreakdownTable title={t('polls.breakdown.byMunicipality')} by="municipality" breakdown={results.byMunicipality} kind={poll.kind} options={overall.options.map((o) => o.label)} />
          <BreakdownTable title={t('polls.breakdown.bySector')} by="sector" breakdown={results.bySector} kind={poll.kind} options={overall.options.map((o) => o.label)} />
        </>
      )}
    </article>
  );
}
