/**
 * The poll card. One builder for every view: the shared card in a channel or chat (counts only
 * while open, results once closed), a voter's own view (their answer pre-filled, results after
 * answering) and a facilitator's view (close, reopen, send 1:1, repeat).
 */
import type { Shift } from '../domain/compare.js';
import type { PollResults } from '../domain/results.js';
import { answerInputValue, describeAnswer, POLL_LIMITS, type Answer, type Poll, type PollStatus } from '../domain/polls.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton } from '../../shared/cards/execute.js';
import { comparisonChart, distributionChart, optionLines } from './charts.js';
import { formatOsloDay, formatOsloInstant } from './time.js';
import { t } from '../messages.js';
import { spoken } from './speak.js';

export const POLL_VERBS = {
  vote: 'maling.svar',
  show: 'maling.vis',
  close: 'maling.lukk',
  reopen: 'maling.gjenapne',
  sendAll: 'maling.send-alle',
  repeat: 'maling.gjenta',
} as const;

/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

export interface PollCardModel {
  poll: Poll;
  status: PollStatus;
  results: PollResults;
  /** Signatures of the card's actions (HMAC over verb and poll id), made by the server. */
  signatures: Record<(typeof POLL_VERBS)[keyof typeof POLL_VERBS], string>;
  /** Users who get their own view by automatic refresh; null: a «Vis mitt svar» button instead. */
  refreshUserIds: string[] | null;
  /** The after-poll's comparison with its before-poll, when both have results to show. */
  comparison?: { beforeQuestionDate: Date; shift: Shift };
  /** Absent on the shared card. */
  viewer?: {
    answer: Answer | undefined;
    isFacilitator: boolean;
    /** A poll that already has its after-poll cannot be repeated again. */
    canRepeat: boolean;
    notice?: { text: string; tone: 'good' | 'attention' };
  };
}

function statusLine(m: PollCardModel): string {
  const { poll, status, results } = m;
  const answers = t('answers', { count: results.respondents });
  if (status === 'planlagt') return t('card.statusPlanned', { when: formatOsloInstant(poll.opensAt) });
  if (status === 'lukket') return t('card.statusClosed', { answers });
  return poll.closesAt ? t('card.statusOpenUntil', { when: formatOsloInstant(poll.closesAt), answers }) : t('card.statusOpen', { answers });
}

function answerInput(m: PollCardModel): CardElement {
  const { poll } = m;
  const value = m.viewer?.answer ? answerInputValue(m.viewer.answer) : undefined;
  const common = { id: 'svar', ...(value !== undefined ? { value } : {}) };
  if (poll.kind === 'fritekst') {
    return {
      type: 'Input.Text',
      ...common,
      label: t('card.textLabel'),
      placeholder: t('card.textPlaceholder'),
      maxLength: POLL_LIMITS.textAnswerChars,
      isRequired: true,
      errorMessage: t('card.textError'),
    };
  }
  if (poll.kind === 'skala' && poll.scale) {
    const { max, minLabel, maxLabel } = poll.scale;
    return {
      type: 'Input.ChoiceSet',
      ...common,
      label: t('card.scaleLabel', { minLabel: minLabel || t('card.lowest'), max, maxLabel: maxLabel || t('card.highest') }),
      style: max <= 5 ? 'expanded' : 'compact',
      isRequired: true,
      errorMessage: t('card.scaleError'),
      choices: Array.from({ length: max }, (_, i) => ({
        title: i === 0 && minLabel ? `1 – ${minLabel}` : i === max - 1 && maxLabel ? `${max} – ${maxLabel}` : String(i + 1),
        value: String(i + 1),
      })),
    };
  }
  const multi = poll.kind === 'flervalg';
  return {
    type: 'Input.ChoiceSet',
    ...common,
    label: multi ? t('card.multiLabel', { max: poll.maxChoices ?? 1 }) : t('card.singleLabel'),
    style: 'expanded',
    isMultiSelect: multi,
    isRequired: true,
    errorMessage: t('card.choiceError'),
    choices: poll.options.map((title, i) => ({ title, value: String(i) })),
  };
}

function resultsSection(m: PollCardModel): CardElement[] {
  const { results, poll } = m;
  if (!results.visible || !results.overall) {
    return [text(t('card.resultsHidden', { min: POLL_LIMITS.minGroupSize }), { isSubtle: true })];
  }
  if (results.respondents === 0) return [text(t('card.noAnswers'), { isSubtle: true })];
  const body: CardElement[] = [
    text(m.status === 'lukket' ? t('card.result') : t('card.resultsSoFar'), { weight: 'Bolder', separator: true, spacing: 'Medium' }),
    ...distributionChart(poll, results.overall),
  ];
  if (m.comparison) {
    body.push(
      text(t('card.comparedWith', { date: formatOsloDay(m.comparison.beforeQuestionDate) }), {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
      ...comparisonChart(m.comparison.shift),
    );
  }
  return body;
}

function showResults(m: PollCardModel): boolean {
  if (m.status === 'lukket') return true;
  if (!m.viewer) return false;
  return m.viewer.answer !== undefined || m.viewer.isFacilitator;
}

function facilitatorActions(m: PollCardModel): CardElement[] {
  const v = m.viewer;
  if (!v?.isFacilitator) return [];
  const data = (verb: (typeof POLL_VERBS)[keyof typeof POLL_VERBS]) => ({ pollId: m.poll.id, sig: m.signatures[verb] });
  const actions = [
    m.status === 'lukket'
      ? executeButton(t('card.reopen'), POLL_VERBS.reopen, data(POLL_VERBS.reopen))
      : executeButton(t('card.close'), POLL_VERBS.close, data(POLL_VERBS.close)),
    ...(m.status !== 'lukket' ? [executeButton(t('card.sendAll'), POLL_VERBS.sendAll, data(POLL_VERBS.sendAll))] : []),
    ...(v.canRepeat ? [executeButton(t('card.repeat'), POLL_VERBS.repeat, data(POLL_VERBS.repeat))] : []),
  ];
  return [
    text(t('card.forFacilitator'), { weight: 'Bolder', separator: true, spacing: 'Medium', size: 'Small' }),
    { type: 'ActionSet', actions },
  ];
}

/** What is stored with an answer, said on the card before anyone answers. */
export function storageNote(poll: Pick<Poll, 'anonymous' | 'breakdown'>): string {
  if (!poll.anonymous) return t('card.storageNamed');
  if (poll.breakdown === 'none') return t('card.storageNothing');
  return t('card.storageKept', { kept: t(`card.kept.${poll.breakdown}`) });
}

export function pollCard(m: PollCardModel): AdaptiveCard {
  const { poll, status, viewer } = m;
  const tags = [poll.repeatOf ? t('card.tagRepeat') : t('card.tagPoll'), storageNote(poll)];
  const body: CardElement[] = [
    text(tags.join(' · '), { isSubtle: true, size: 'Small', spacing: 'None' }),
    text(poll.question, { size: 'Large', weight: 'Bolder', style: 'heading', spacing: 'Small' }),
    text(statusLine(m), { isSubtle: true, spacing: 'Small' }),
  ];
  if (viewer?.notice) {
    body.push(text(viewer.notice.text, { weight: 'Bolder', color: viewer.notice.tone === 'good' ? 'Good' : 'Attention' }));
  }
  if (viewer?.answer) body.push(text(t('card.yourAnswer', { answer: describeAnswer(poll, viewer.answer) })));
  if (status === 'apen') body.push(answerInput(m));
  if (showResults(m)) body.push(...resultsSection(m));
  body.push(...facilitatorActions(m));

  const ids = { pollId: poll.id };
  const actions: CardElement[] = [];
  if (status === 'apen') {
    actions.push(executeButton(viewer?.answer ? t('card.changeVote') : t('card.vote'), POLL_VERBS.vote, { ...ids, sig: m.signatures[POLL_VERBS.vote] }));
  }
  // Without automatic refresh (large chats), each person asks for their own view.
  if (!viewer && m.refreshUserIds === null) {
    actions.push(executeButton(t('card.show'), POLL_VERBS.show, { ...ids, sig: m.signatures[POLL_VERBS.show] }));
  }

  const card = spoken(adaptiveCard(body, actions, fallbackText(m)));
  if (m.refreshUserIds && m.refreshUserIds.length > 0) {
    return {
      ...card,
      refresh: {
        action: { type: 'Action.Execute', verb: POLL_VERBS.show, data: { ...ids, sig: m.signatures[POLL_VERBS.show] } },
        userIds: m.refreshUserIds.slice(0, MAX_REFRESH_USERS),
      },
    } as AdaptiveCard;
  }
  return card;
}

function fallbackText(m: PollCardModel): string {
  const lines = [t('card.fallback', { question: m.poll.question }), statusLine(m)];
  const overall = showResults(m) ? m.results.overall : null;
  if (overall && m.poll.kind !== 'fritekst') lines.push(...optionLines(overall));
  if (overall && m.poll.kind === 'fritekst' && overall.words.length > 0) lines.push(overall.words.slice(0, 10).map((w) => `${w.word} (${w.count})`).join(', '));
  return lines.join('\n');
}
