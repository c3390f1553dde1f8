import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../components/visuallyHidden.js';
import { ErrorBar, Loading } from '../components/States.js';
import { pollApi } from '../polls/api.js';
import { formatNumber, formatPoints, formatShare } from '../polls/format.js';
import { WordCloud } from '../polls/WordCloud.js';
import type { Host } from '../teams.js';
import type { MeetingPanelResponse, PollResultsResponse } from '../api-types.js';
import { meetingApi } from './api.js';
import { useLive } from '../hooks.js';

type Distribution = NonNullable<PollResultsResponse['results']['overall']>;

// Sizes grow with the shared screen (a 16:9 stage holds four options before and after) and
// never fall below what a small window can hold.
const big = 'clamp(1.25rem, 2.6vw, 2.75rem)';
const useStyles = makeStyles({
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: 'clamp(0.75rem, 2vw, 2rem)',
    padding: 'clamp(1rem, 2.5vw, 3rem)',
    minHeight: '100vh',
    boxSizing: 'border-box',
    // A ratio, not Fluent's fixed 20 px: lines of this size must not run into each other.
    lineHeight: 1.2,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  eyebrow: { margin: 0, fontSize: 'clamp(1.125rem, 2vw, 1.75rem)', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  question: { margin: 0, fontSize: 'clamp(1.75rem, 4vw, 4rem)', lineHeight: 1.15, fontWeight: tokens.fontWeightBold, overflowWrap: 'anywhere' },
  meta: { margin: 0, fontSize: big, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  message: { margin: 0, fontSize: big },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))', gap: 'clamp(1.5rem, 4vw, 4rem)' },
  side: { display: 'flex', flexDirection: 'column', gap: 'clamp(0.75rem, 1.5vw, 1.5rem)', minWidth: 0 },
  sideHead: { margin: 0, fontSize: 'clamp(1.5rem, 3.2vw, 3.25rem)', fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 'clamp(0.5rem, 1.4vw, 1.5rem)' },
  option: { display: 'flex', flexDirection: 'column', gap: '0.3rem', minWidth: 0 },
  // The option wraps in its own column; its number stays whole at the end of the line.
  optionText: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'baseline', columnGap: '1rem', fontSize: big, lineHeight: 1.2 },
  label: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', minWidth: 0 },
  value: { fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  // The bar repeats the number in the text beside it; its outline shows the whole in every theme.
  track: { height: 'clamp(1rem, 1.8vw, 2rem)', border: `2px solid ${tokens.colorNeutralForeground1}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', boxSizing: 'border-box' },
  fill: { height: '100%', minWidth: '4px', backgroundColor: tokens.colorBrandBackground, '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' } },
  // «Før» hatched, «Etter» solid: told apart by pattern and by their headings, not by colour.
  before: {
    backgroundColor: 'transparent',
    backgroundImage: `repeating-linear-gradient(135deg, ${tokens.colorNeutralForeground1} 0 6px, transparent 6px 12px)`,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundImage: 'none', backgroundColor: 'GrayText' },
  },
  shifts: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem 2.5rem', fontSize: big, fontWeight: tokens.fontWeightSemibold },
  shiftSection: { display: 'flex', flexDirection: 'column', gap: '0.5rem' },
  shiftHead: { margin: 0, fontSize: 'clamp(1.5rem, 3vw, 2.75rem)', fontWeight: tokens.fontWeightBold },
  words: { fontSize: '1.75rem' },
  live: visuallyHidden,
});

/** The stage is watched, not clicked: new answers appear every two seconds. */
const STAGE_REFRESH_MS = 2_000;

const loadResults = (key: string, signal: AbortSignal) => {
  const [networkId, pollId] = key.split('|') as [string, string];
  return pollApi.results(networkId, pollId, signal);
};
const loadPanel = (chat: string, signal: AbortSignal) => meetingApi.panel(chat, undefined, signal);

/** The poll the stage shows: named in its address (shared from the side panel), else the samling's open one. */
function useStagePoll(host: Host): { networkId: string; pollId: string } | 'loading' | 'none' | { error: unknown; retry(): void } {
  const params = new URLSearchParams(window.location.search);
  const named = { networkId: params.get('network'), pollId: params.get('poll') };
  const chat = named.networkId && named.pollId ? null : (host.chatId ?? params.get('chat'));
  const panel = useLive<MeetingPanelResponse>(chat, loadPanel, 10_000, () => true);
  if (named.networkId && named.pollId) return { networkId: named.networkId, pollId: named.pollId };
  if (!chat) return 'none';
  if (!panel.data) return panel.error ? { error: panel.error, retry: panel.reload } : 'loading';
  if (!panel.data.found) return 'none';
  const polls = panel.data.polls.map((p) => p.poll);
  const chosen = polls.filter((p) => p.status === 'apen').at(-1) ?? polls.filter((p) => p.status === 'lukket').at(-1);
  return chosen ? { networkId: panel.data.networkId, pollId: chosen.id } : 'none';
}

/**
 * The results on the meeting's stage (issue 14): for a shared screen and for people far from it
 * or with low vision: very large type, every number written out with its percentage, the bars
 * only a picture of them; before and after side by side once the poll has its after-poll; and
 * a summary a screen reader says when it changes.
 */
export function StageView({ host }: { host: Host }) {
  const { t } = useTranslation();
  const s = useStyles();
  const chosen = useStagePoll(host);
  if (chosen === 'loading') return <Loading label={t('meeting.stage.loading')} />;
  if (chosen === 'none') {
    return (
      <div className={s.stage}>
        <h1 className={s.question}>{t('meeting.stage.title')}</h1>
        <p className={s.message}>{t('meeting.stage.noPoll')}</p>
      </div>
    );
  }
  if ('error' in chosen) return <ErrorBar error={chosen.error} onRetry={chosen.retry} />;
  return <StagePoll networkId={chosen.networkId} pollId={chosen.pollId} />;
}

function StagePoll({ networkId, pollId }: { networkId: string; pollId: string }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const lang = i18n.language;
  const live = useLive(`${networkId}|${pollId}`, loadResults, STAGE_REFRESH_MS, () => true);
  const question = live.data?.poll.question;
  useEffect(() => {
    document.title = [question, t('meeting.stage.title'), t('app.name')].filter(Boolean).join(' – ');
  }, [question, t]);
  if (!live.data) return live.error ? <ErrorBar error={live.error} onRetry={live.reload} /> : <Loading label={t('meeting.stage.loading')} />;

  const { poll, results, pair } = live.data;
  const status = t(`polls.status.${poll.status}`);
  const options = (d: Distribution | null) => (d ? d.options.map((o) => t('meeting.stage.optionSummary', { label: o.label, share: formatShare(o.share, lang) })).join(', ') : '–');
  const comparison = pair?.comparison.overall;
  const paired = pair && comparison && (comparison.before || comparison.after);
  const summary = paired
    ? t('meeting.stage.summaryPair', { question: poll.question, before: options(comparison.before), after: options(comparison.after) })
    : t('meeting.stage.summary', { question: poll.question, status, count: results.respondents, options: results.visible ? options(results.overall) : '' });

  let body;
  if (poll.status === 'planlagt') {
    body = <p className={s.message}>{t('meeting.stage.waiting')}</p>;
  } else if (paired) {
    body = (
      <>
        <div className={s.columns}>
          <Side title={t('meeting.stage.before')} dist={comparison.before} count={pair.before.respondents ?? comparison.before?.respondents ?? 0} kind={poll.kind} max={poll.scale?.max} hatched />
          <Side title={t('meeting.stage.after')} dist={comparison.after} count={pair.after.respondents ?? comparison.after?.respondents ?? 0} kind={poll.kind} max={poll.scale?.max} />
        </div>
        {comparison.before && comparison.after && poll.kind !== 'fritekst' && <Shifts options={comparison.options} />}
      </>
    );
  } else if (!results.visible || !results.overall) {
    body = <p className={s.message}>{t('polls.results.hidden', { min: 5 })}</p>;
  } else if (results.respondents === 0) {
    body = <p className={s.message}>{t('polls.results.noAnswers')}</p>;
  } else {
    body = <Bars dist={results.overall} kind={poll.kind} max={poll.scale?.max} />;
  }

  return (
    <div className={s.stage}>
      <p className={s.eyebrow}>{t('meeting.stage.title')}</p>
      <h1 className={s.question}>{poll.question}</h1>
      {/* Side by side, each side's heading says how many answered it. */}
      {!paired && (
        <p className={s.meta}>
          {status} · {t('meeting.stage.respondents', { count: results.respondents })}
        </p>
      )}
      {body}
      <p className={s.live} aria-live="polite" aria-atomic="true">
        {summary}
      </p>
    </div>
  );
}

function Side({ title, dist, count, kind, max, hatched }: { title: string; dist: Distribution | null; count: number; kind: string; max?: number; hatched?: boolean }) {
  const { t } = useTranslation();
  const s = useStyles();
  const id = useId();
  return (
    <section className={s.side} aria-labelledby={id}>
      <h2 id={id} className={s.sideHead}>
        {t('meeting.stage.sideOf', { side: title, count })}
      </h2>
      {dist ? <Bars dist={dist} kind={kind} max={max} hatched={hatched} /> : <p className={s.message}>{t('polls.results.hidden', { min: 5 })}</p>}
    </section>
  );
}

function Bars({ dist, kind, max, hatched }: { dist: Distribution; kind: string; max?: number; hatched?: boolean }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const lang = i18n.language;
  if (kind === 'fritekst') {
    return (
      <div className={s.words}>
        <WordCloud words={dist.words} />
      </div>
    );
  }
  const top = Math.max(0.01, ...dist.options.map((o) => o.share));
  return (
    <>
      {dist.mean !== null && max !== undefined && <p className={s.meta}>{t('meeting.stage.mean', { mean: formatNumber(dist.mean, lang), max })}</p>}
      <ul className={s.list}>
        {dist.options.map((o) => (
          <li key={o.index} className={s.option}>
            <div className={s.optionText}>
              <span className={s.label}>{o.label}</span>
              <span className={s.value}>{t('meeting.stage.value', { count: o.count, share: formatShare(o.share, lang) })}</span>
            </div>
            <div className={s.track} aria-hidden="true">
              <div className={mergeClasses(s.fill, hatched && s.before)} style={{ width: `${(o.share / top) * 100}%` }} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function Shifts({ options }: { options: NonNullable<PollResultsResponse['pair']>['comparison']['overall']['options'] }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const id = useId();
  const shown = options.filter((o) => o.deltaPoints !== null);
  if (shown.length === 0) return null;
  return (
    <section className={s.shiftSection} aria-labelledby={id}>
      <h2 id={id} className={s.shiftHead}>
        {t('meeting.stage.shiftTitle')}
      </h2>
      <ul className={s.shifts}>
        {shown.map((o) => {
          const d = Math.round(o.deltaPoints! * 10) / 10;
          const arrow = d > 0 ? '▲' : d < 0 ? '▼' : '•';
          const word = d > 0 ? t('polls.pair.up') : d < 0 ? t('polls.pair.down') : t('polls.pair.same');
          return (
            <li key={o.label}>
              <span aria-hidden="true">{arrow} </span>
              {t('meeting.stage.shiftRow', { label: o.label, direction: word, points: formatPoints(o.deltaPoints!, i18n.language) })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
