/**
 * Reflection tasks (refleksjonsoppgaver): plain types, the seed-000 template and the limits.
 * Storage, cards and routes all take their numbers from here.
 */

import { invalid, ok, type Result } from '../../shared/result.js';
import { localizedRecord } from '../../platform/i18n/messages.js';
import { formatCount } from '../../platform/i18n/format.js';
import { t } from '../messages.js';

export { formatCount };

export const reflectionKinds = ['refleksjon', 'fokusomrade'] as const;
export type ReflectionKind = (typeof reflectionKinds)[number];

/** Answered by each person, or once per municipality group (anyone in it may write). */
export const answerModes = ['personlig', 'kommune'] as const;
export type AnswerMode = (typeof answerModes)[number];

export const reflectionVisibilities = ['fasilitatorer', 'nettverket', 'anonym'] as const;
export type ReflectionVisibility = (typeof reflectionVisibilities)[number];

/** Each participant's 1:1 chat, or one card in the network's channel. */
export const deliveryTargets = ['personlig-chat', 'kanal'] as const;
export type DeliveryTarget = (typeof deliveryTargets)[number];

export const ANSWER_MAX_CHARS = 4000;
export const PROMPT_MAX_CHARS = 500;
export const MAX_PROMPTS = 10;
export const TITLE_MAX_CHARS = 200;
/** Anonymous answers stay hidden until this many exist, so no small group can be read off. */
export const ANONYMOUS_MIN_ANSWERS = 5;

export interface ReflectionTask {
  id: string;
  networkId: string;
  planItemId: string | null;
  kind: ReflectionKind;
  title: string;
  prompts: string[];
  answerMode: AnswerMode;
  visibility: ReflectionVisibility;
  dueAt: Date;
  createdAt: Date;
}

/**
 * Seed 000 («Oppgave og refleksjon», oppstartseminaret): the ready-made template, in the
 * language of whoever reads it (a facilitator writing in nynorsk gets the questions in nynorsk).
 */
export const SEED_000_TEMPLATE = {
  get title(): string {
    return t('template.seed000.title');
  },
  get prompts(): readonly string[] {
    return [t('template.seed000.prompt1'), t('template.seed000.prompt2'), t('template.seed000.prompt3')];
  },
};

/** Seed 001's group work: «Skal resultere i et fokusområde for din kommune». */
export const FOCUS_TASK_TEMPLATE = {
  get title(): string {
    return t('template.focus.title');
  },
  get prompts(): readonly string[] {
    return [t('template.focus.prompt1')];
  },
};

export const visibilityLabel = localizedRecord(reflectionVisibilities, (v) => t(`label.visibility.${v}`, { min: ANONYMOUS_MIN_ANSWERS }));

export const answerModeLabel = localizedRecord(answerModes, (m) => t(`label.answerMode.${m}`));

export const kindLabel = localizedRecord(reflectionKinds, (k) => t(`label.kind.${k}`));

/** «Maks 4 000 tegn per svar.», in the reader's language. */
export const answerLimitText = (): string => t('domain.answerLimit', { max: formatCount(ANSWER_MAX_CHARS) });

/** Trims each answer, checks the limits and that something was written. */
export function checkAnswers(task: Pick<ReflectionTask, 'prompts' | 'kind'>, raw: readonly string[]): Result<string[]> {
  if (raw.length > task.prompts.length) return invalid(t('domain.tooManyParts'));
  const answers = task.prompts.map((_, i) => (raw[i] ?? '').replace(/\r\n/g, '\n').trim());
  for (const [i, answer] of answers.entries()) {
    if (answer.length > ANSWER_MAX_CHARS) {
      return invalid(t('domain.answerTooLong', { number: i + 1, length: formatCount(answer.length), limit: answerLimitText() }));
    }
  }
  // A focus-area answer may be the choice alone; a reflection needs words.
  if (task.kind === 'refleksjon' && answers.every((a) => a === '')) {
    return invalid(t('domain.answerSomething'));
  }
  return ok(answers);
}

/** Answers are taken until the due time, not after. */
export function isOpen(task: Pick<ReflectionTask, 'dueAt'>, now: Date): boolean {
  return now.getTime() < task.dueAt.getTime();
}

export type SummaryGate =
  | { show: true; withNames: boolean; withMunicipalities: boolean }
  | { show: false; message: string };

/**
 * What a summary may show, given the task's visibility and how many answers exist. The viewer's
 * right to see the task at all is the policy's business (policy.readReflectionSummary).
 */
export function summaryGate(visibility: ReflectionVisibility, answerCount: number): SummaryGate {
  if (visibility === 'anonym') {
    return answerCount >= ANONYMOUS_MIN_ANSWERS
      ? { show: true, withNames: false, withMunicipalities: false }
      : { show: false, message: t('domain.anonymousHidden', { min: ANONYMOUS_MIN_ANSWERS }) };
  }
  return { show: true, withNames: true, withMunicipalities: true };
}

/** Checks the pieces of a new task that the input schema cannot (combinations, due time). */
export function checkNewTask(
  input: { kind: ReflectionKind; answerMode: AnswerMode; visibility: ReflectionVisibility; dueAt: Date; prompts: string[] },
  now: Date,
): Result<void> {
  if (input.dueAt.getTime() <= now.getTime()) return invalid(t('domain.dueInPast'));
  if (input.visibility === 'anonym' && input.answerMode === 'kommune') {
    return invalid(t('domain.anonymousGroup', { personal: answerModeLabel.personlig }));
  }
  if (input.kind === 'fokusomrade' && (input.answerMode !== 'kommune' || input.visibility === 'anonym')) {
    return invalid(t('domain.focusGroup'));
  }
  if (input.prompts.length === 0) return invalid(t('domain.needPrompt'));
  return ok(undefined);
}
