/**
 * Reflection tasks (refleksjonsoppgaver): plain types, the seed-000 template and the limits.
 * Storage, cards and routes all take their numbers from here.
 */

import { invalid, ok, type Result } from '../../shared/result.js';

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

/** Seed 000 («Oppgave og refleksjon», oppstartseminaret): the ready-made template. */
export const SEED_000_TEMPLATE = {
  title: 'Refleksjon etter oppstartseminaret',
  prompts: [
    'Har jeg god innsikt i det totale utfordringsbildet?',
    'Hva trenger jeg mer innsikt i – hvor kan jeg søke etter dette?',
    'Hvordan vil jeg presentere dette videre?',
  ],
} as const;

/** Seed 001's group work: «Skal resultere i et fokusområde for din kommune». */
export const FOCUS_TASK_TEMPLATE = {
  title: 'Gruppearbeid: velg fokusområde for kommunen',
  prompts: ['Hvorfor valgte dere dette fokusområdet, og hva blir første steg?'],
} as const;

export const visibilityLabel: Record<ReflectionVisibility, string> = {
  fasilitatorer: 'Bare fasilitatorene',
  nettverket: 'Delt med nettverket',
  anonym: `Anonymt (vises når minst ${ANONYMOUS_MIN_ANSWERS} har svart)`,
};

export const answerModeLabel: Record<AnswerMode, string> = {
  personlig: 'Hver deltaker svarer',
  kommune: 'Ett felles svar per kommune',
};

export const kindLabel: Record<ReflectionKind, string> = {
  refleksjon: 'Refleksjonsoppgave',
  fokusomrade: 'Valg av fokusområde',
};

/** «4 000»: Norwegian thousands with a (non-breaking) space. */
export const formatCount = (n: number): string => n.toLocaleString('nb-NO').replace(/\s/g, '\u00a0');

export const ANSWER_LIMIT_TEXT = `Maks ${formatCount(ANSWER_MAX_CHARS)} tegn per svar.`;


/** Trims each answer, checks the limits and that something was written. */
export function checkAnswers(task: Pick<ReflectionTask, 'prompts' | 'kind'>, raw: readonly string[]): Result<string[]> {
  if (raw.length > task.prompts.length) return invalid('Svaret har flere deler enn oppgaven har spørsmål.');
  const answers = task.prompts.map((_, i) => (raw[i] ?? '').replace(/\r\n/g, '\n').trim());
  for (const [i, answer] of answers.entries()) {
    if (answer.length > ANSWER_MAX_CHARS) {
      return invalid(
        `Svaret på spørsmål ${i + 1} er for langt (${formatCount(answer.length)} tegn). ${ANSWER_LIMIT_TEXT} Ingenting ble lagret.`,
      );
    }
  }
  // A focus-area answer may be the choice alone; a reflection needs words.
  if (task.kind === 'refleksjon' && answers.every((a) => a === '')) {
    return invalid('Skriv svar på minst ett av spørsmålene før du sender.');
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
      : {
          show: false,
          message: `Svarene er anonyme og vises først når minst ${ANONYMOUS_MIN_ANSWERS} har svart.`,
        };
  }
  return { show: true, withNames: true, withMunicipalities: true };
}

/** Checks the pieces of a new task that the input schema cannot (combinations, due time). */
export function checkNewTask(
  input: { kind: ReflectionKind; answerMode: AnswerMode; visibility: ReflectionVisibility; dueAt: Date; prompts: string[] },
  now: Date,
): Result<void> {
  if (input.dueAt.getTime() <= now.getTime()) return invalid('Fristen må være fram i tid.');
  if (input.visibility === 'anonym' && input.answerMode === 'kommune') {
    return invalid('Et felles kommunesvar kan ikke være anonymt: velg «Hver deltaker svarer» eller en annen synlighet.');
  }
  if (input.kind === 'fokusomrade' && (input.answerMode !== 'kommune' || input.visibility === 'anonym')) {
    return invalid('Valg av fokusområde gjøres med ett felles, ikke-anonymt svar per kommune.');
  }
  if (input.prompts.length === 0) return invalid('Oppgaven må ha minst ett spørsmål.');
  return ok(undefined);
}
