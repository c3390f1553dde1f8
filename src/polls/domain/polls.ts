/**
 * Polls (meningsmåling): the definition, its status over time, and what counts as a valid
 * answer. Pure: no I/O, so the bot, the tab API, the scheduler and the tests share one rule set.
 */
import { invalid, ok, type Result } from '../../shared/result.js';
import { localizedRecord } from '../../platform/i18n/messages.js';
import { t } from '../messages.js';

export const pollKinds = ['enkeltvalg', 'flervalg', 'skala', 'fritekst'] as const;
export type PollKind = (typeof pollKinds)[number];

export const POLL_LIMITS = {
  questionChars: 300,
  optionChars: 120,
  minOptions: 2,
  maxOptions: 10,
  scaleLabelChars: 60,
  textAnswerChars: 200,
  /** Anonymous results: no group (or whole poll) of fewer answers is shown. */
  minGroupSize: 5,
} as const;

export const scaleMaxima = [5, 10] as const;
export type ScaleMax = (typeof scaleMaxima)[number];

export interface PollScale {
  max: ScaleMax;
  minLabel: string;
  maxLabel: string;
}

/**
 * What an anonymous poll stores with each answer for its breakdowns: nothing (the default),
 * the voter's municipality, their sector, or both. Named polls always store both.
 */
export const pollBreakdowns = ['none', 'municipality', 'sector', 'both'] as const;
export type PollBreakdown = (typeof pollBreakdowns)[number];

export function storesMunicipality(p: Pick<PollDefinition, 'breakdown'>): boolean {
  return p.breakdown === 'municipality' || p.breakdown === 'both';
}

export function storesSector(p: Pick<PollDefinition, 'breakdown'>): boolean {
  return p.breakdown === 'sector' || p.breakdown === 'both';
}

/** What a facilitator decides when creating a poll; a repeat copies it whole. */
export interface PollDefinition {
  kind: PollKind;
  question: string;
  /** enkeltvalg/flervalg: 2–10 options; empty otherwise. */
  options: string[];
  /** flervalg: how many options one may pick. */
  maxChoices: number | null;
  /** skala: 1–5 or 1–10 with end labels. */
  scale: PollScale | null;
  anonymous: boolean;
  /** Always 'both' for a named poll. */
  breakdown: PollBreakdown;
}

export interface Poll extends PollDefinition {
  id: string;
  networkId: string;
  planItemId: string | null;
  repeatOf: string | null;
  opensAt: Date;
  closesAt: Date | null;
  closedAt: Date | null;
  /** Also sent 1:1 to every deltaker when it opens. */
  sendToAll: boolean;
  /** Opens when the samling's Teams meeting starts; `opensAt` is the fallback (issue 14). */
  opensAtMeetingStart: boolean;
  createdAt: Date;
}

export type PollStatus = 'planlagt' | 'apen' | 'lukket';

/** Open from opensAt until closed by hand or until closesAt, whichever comes first. */
export function pollStatus(p: Pick<Poll, 'opensAt' | 'closesAt' | 'closedAt'>, now: Date): PollStatus {
  if (p.closedAt && p.closedAt <= now) return 'lukket';
  if (p.closesAt && p.closesAt <= now) return 'lukket';
  if (p.opensAt > now) return 'planlagt';
  return 'apen';
}

export const pollKindLabel: Readonly<Record<PollKind, string>> = localizedRecord(pollKinds, (k) => t(`kind.${k}`));

export const pollStatusLabel: Readonly<Record<PollStatus, string>> = localizedRecord(['planlagt', 'apen', 'lukket'] as const, (s) => t(`status.${s}`));

/** The labels results are counted under: the options, or the scale's points «1» … «max». */
export function answerLabels(p: PollDefinition): string[] {
  if (p.kind === 'skala' && p.scale) return Array.from({ length: p.scale.max }, (_, i) => String(i + 1));
  return p.options;
}

export type Answer =
  | { kind: 'valg'; choices: number[] }
  | { kind: 'skala'; value: number }
  | { kind: 'tekst'; text: string };

export type AnswerCheck = Result<Answer>;

const refuse = (message: string): AnswerCheck => invalid(message);

/** Card inputs arrive as strings («2», «0,3»); the API may send numbers or arrays. */
function choiceTokens(raw: unknown): string[] | undefined {
  if (typeof raw === 'number') return [String(raw)];
  if (typeof raw === 'string') return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string' || typeof v === 'number')) return raw.map((v) => String(v).trim());
  return undefined;
}

/**
 * Checks one answer against the poll. Every refusal is a sentence a voter can act on; an
 * accepted answer is normalised (choices sorted and distinct, text trimmed).
 */
export function checkAnswer(p: PollDefinition, raw: unknown): AnswerCheck {
  if (p.kind === 'fritekst') {
    if (typeof raw !== 'string' || raw.trim() === '') return refuse(t('answer.writeFirst'));
    const text = raw.trim().replace(/\s+/g, ' ');
    if (text.length > POLL_LIMITS.textAnswerChars) return refuse(t('answer.tooLong', { max: POLL_LIMITS.textAnswerChars }));
    return ok({ kind: 'tekst', text });
  }
  const tokens = choiceTokens(raw);
  if (!tokens || tokens.length === 0) return refuse(p.kind === 'skala' ? t('answer.pickScaleFirst') : t('answer.pickFirst'));
  if (!tokens.every((token) => /^\d{1,2}$/.test(token))) return refuse(t('answer.notAnOption'));
  const numbers = [...new Set(tokens.map(Number))].sort((a, b) => a - b);
  if (p.kind === 'skala') {
    const max = p.scale?.max ?? 5;
    if (numbers.length !== 1 || numbers[0]! < 1 || numbers[0]! > max) return refuse(t('answer.scaleRange', { max }));
    return ok({ kind: 'skala', value: numbers[0]! });
  }
  if (numbers.some((n) => n >= p.options.length)) return refuse(t('answer.notAnOption'));
  if (p.kind === 'enkeltvalg' && numbers.length > 1) return refuse(t('answer.onlyOne'));
  const max = p.maxChoices ?? 1;
  if (numbers.length > max) return refuse(t('answer.tooMany', { max }));
  return ok({ kind: 'valg', choices: numbers });
}

/** The answer as the voter would say it: «Ja», «Ja, Kanskje», «4 av 5», the text itself. */
export function describeAnswer(p: PollDefinition, a: Answer): string {
  if (a.kind === 'tekst') return t('card.quoted', { text: a.text });
  if (a.kind === 'skala') return t('card.scaleAnswer', { value: a.value, max: p.scale?.max ?? 5 });
  return a.choices.map((i) => p.options[i] ?? '?').join(', ');
}

/** The value a card's input shows pre-filled for this answer. */
export function answerInputValue(a: Answer): string {
  if (a.kind === 'tekst') return a.text;
  if (a.kind === 'skala') return String(a.value);
  return a.choices.join(',');
}

/** The definition of an after-poll: the same question and options, so the two compare. */
export function repeatDefinition(p: PollDefinition): PollDefinition {
  return {
    kind: p.kind,
    question: p.question,
    options: [...p.options],
    maxChoices: p.maxChoices,
    scale: p.scale ? { ...p.scale } : null,
    anonymous: p.anonymous,
    // The after-poll stores what the before-poll stored, so the two compare per municipality.
    breakdown: p.breakdown,
  };
}

/** Cross-field rules for a new poll, in Norwegian; empty when it may be created. */
export function definitionIssues(d: PollDefinition): string[] {
  const issues: string[] = [];
  if (d.kind === 'enkeltvalg' || d.kind === 'flervalg') {
    if (d.options.length < POLL_LIMITS.minOptions || d.options.length > POLL_LIMITS.maxOptions) {
      issues.push(t('definition.optionCount', { min: POLL_LIMITS.minOptions, max: POLL_LIMITS.maxOptions }));
    }
    const seen = new Set(d.options.map((o) => o.toLocaleLowerCase('nb-NO')));
    if (seen.size !== d.options.length) issues.push(t('definition.duplicateOptions'));
    if (d.options.some((o) => o.length > POLL_LIMITS.optionChars)) issues.push(t('definition.optionTooLong', { max: POLL_LIMITS.optionChars }));
  } else if (d.options.length > 0) {
    issues.push(d.kind === 'skala' ? t('definition.scaleHasOptions') : t('definition.textHasOptions'));
  }
  if (d.kind === 'flervalg' && (d.maxChoices === null || d.maxChoices < 1 || d.maxChoices > d.options.length)) {
    issues.push(t('definition.maxChoicesRange', { max: Math.max(1, d.options.length) }));
  }
  if (d.kind === 'skala' && !d.scale) issues.push(t('definition.pickScale'));
  return issues;
}
