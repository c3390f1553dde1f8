import { z } from 'zod';
import type { MessageVars } from '../platform/i18n/messages.js';
import { t } from './messages.js';
import nb from './messages/nb.json' with { type: 'json' };

/**
 * The edge: what input Samlingspunkt accepts, and how a refusal reads. Every message here
 * reaches a person in the tab or on a card, so it names the field as the form labels it and
 * says what is wrong in plain words, in the reader's language (src/shared/messages/*.json),
 * never a path, a type name or zod's English.
 *
 * Schemas are built when their module loads, outside any reader's scope, so no text may be
 * fixed in a schema: the error map below and every message a schema gives are functions,
 * read when the input is parsed, which is inside the request's or the bot turn's inLocale
 * (src/platform/http/server.ts, src/app/bot-turns.ts). A capability's own schema message does
 * the same: `.refine(check, { error: () => t('…'), path: [...] })`, never a string.
 */

/** A key chosen at run time (`validation.type.${expected}`): checked against the bokmål file first. */
const say = t as unknown as (key: string, vars?: MessageVars) => string;
const has = (table: object, key: string) => Object.hasOwn(table, key);

// zod's own wording for the generic cases (a field schema adds its own where this is unclear).
// Its bundled Norwegian locale still says «forventet string, fikk undefined», and it has no
// nynorsk, so we write our own, in the language of whoever is parsing.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return say('validation.missing');
        return has(nb.validation.type, issue.expected) ? say(`validation.type.${issue.expected}`) : say('validation.wrongType');
      case 'invalid_value':
        return issue.values.length === 1
          ? say('validation.oneValue', { value: String(issue.values[0]) })
          : say('validation.oneOf', { values: issue.values.map(String).join(', ') });
      case 'too_big': {
        const origin = issue.origin === 'string' ? 'string' : issue.origin === 'array' || issue.origin === 'set' ? 'array' : 'number';
        return say(`validation.tooBig.${origin}`, { max: String(issue.maximum) });
      }
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? say('validation.tooSmall.empty') : say('validation.tooSmall.string', { min: String(issue.minimum) });
        if (issue.origin === 'array' || issue.origin === 'set') return say('validation.tooSmall.array', { min: String(issue.minimum) });
        return say('validation.tooSmall.number', { min: String(issue.minimum) });
      case 'invalid_format': {
        const format = issue.format === 'guid' ? 'uuid' : issue.format;
        return has(nb.validation.format, format) ? say(`validation.format.${format}`) : say('validation.wrongFormat');
      }
      case 'not_multiple_of':
        return say('validation.multipleOf', { divisor: String(issue.divisor) });
      case 'invalid_key':
      case 'unrecognized_keys':
        // Not echoed: the unknown key is the sender's text, not ours.
        return say('validation.unknownChoice');
      case 'invalid_element':
        return say('validation.badElement');
      case 'invalid_union':
        return say('validation.badUnion');
      default:
        return say('validation.generic');
    }
  },
});

export { z };

// ── Text ──

// Characters no form, keyboard or card produces: NUL (which Postgres refuses outright) and the
// other C0 control characters except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// Half of a UTF-16 pair without its other half: not a character at all. JSON lets it through
// as \uD800, and the database would silently store U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, in the words that follow the field's label; undefined when it is fine. */
export function textProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return t('validation.control');
  if (LONE_SURROGATE.test(value)) return t('validation.badCharacters');
  return undefined;
}

/**
 * A message read when the input is parsed, in the reader's language (see the top of this file).
 * A plain string is accepted for old callers, but it is fixed in one language: pass a function.
 */
export type Wording = (() => string) | string;
const wordingOf = (w: Wording): string => (typeof w === 'function' ? w() : w);

/**
 * A text field: a string with the text rule above. Chain .trim(), .min(), .max() as usual.
 * `error` is the field's own wording for a value that is not text.
 */
export function text(error: Wording = () => t('validation.type.string')) {
  return z.string({ error: orMissing(error) }).check((ctx) => {
    const problem = textProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
}

/**
 * A field's own wording for a value of the wrong kind, and «mangler» when it is not there at
 * all. zod gives a schema's error to every issue of that schema, also its .min() and .max():
 * those fall through (undefined) to the wording for their own code above.
 */
export function orMissing(message: Wording) {
  return (issue: { code?: string; input?: unknown }) => {
    if (issue.input === undefined) return t('validation.missing');
    return issue.code === 'invalid_type' || issue.code === 'invalid_format' ? wordingOf(message) : undefined;
  };
}

// ── Dates ──

// Far outside what a learning network plans: year 0000 and 9999 are typing errors or probes,
// and Postgres and Luxon disagree at the extremes.
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const yearRange = { error: () => t('validation.yearRange', { min: String(YEAR_MIN), max: String(YEAR_MAX) }) };

const sensibleYear = (year: number) => year >= YEAR_MIN && year <= YEAR_MAX;

/** An instant with its UTC offset (ISO 8601), e.g. 2026-12-01T10:00:00+01:00, in a sane range. */
export function instant(example = '2026-12-01T10:00:00+01:00') {
  return z.iso
    .datetime({ offset: true, error: orMissing(() => t('validation.instant', { example })) })
    .refine((s) => sensibleYear(new Date(s).getUTCFullYear()), yearRange);
}

/** A calendar date (yyyy-MM-dd) that exists, in the same range. */
export function calendarDate(error: Wording = () => t('validation.calendarDate')) {
  return z.iso.date({ error: orMissing(error) }).refine((s) => sensibleYear(Number(s.slice(0, 4))), yearRange);
}

// ── Scanning raw input ──

/** Deeper than any form we have: a body nested further is not from Samlingspunkt's own UI. */
export const MAX_DEPTH = 20;

export interface InputProblem {
  /** Where; empty when it is about the input as a whole. */
  path: (string | number)[];
  /** What, as the words after the field's label: «kan ikke inneholde kontrolltegn». */
  message: string;
}

/**
 * The one check every request body, query, path and card payload passes before any schema:
 * every string and every key, at any depth, follows the text rule. Iterative, so a hostile
 * nesting depth cannot exhaust the stack.
 */
export function findInputProblem(input: unknown): InputProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { path, message: problem };
    } else if (typeof value === 'object' && value !== null) {
      if (path.length >= MAX_DEPTH) return { path: [], message: t('validation.tooDeep') };
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      for (const [key, child] of entries) {
        if (typeof key === 'string' && textProblem(key)) return { path: [], message: t('validation.badKey') };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}

// ── Naming fields ──

/** A list field names its items: «Regel 2» rather than «Regler, 2». */
type Label = string | { list: string; item: string };

type FieldTable = typeof nb.field;
const fieldKeys = Object.keys(nb.field) as (keyof FieldTable & string)[];
const scopedKeys = Object.entries(nb.fieldIn).flatMap(([parent, children]) => Object.keys(children).map((child) => [parent, child] as const));

function fieldLabel(key: string): Label {
  const entry = (nb.field as Record<string, unknown>)[key];
  return typeof entry === 'object' ? { list: say(`field.${key}.list`), item: say(`field.${key}.item`) } : say(`field.${key}`);
}

/**
 * Field key → the label the tab form or the card shows for it (src/tab/locales/*.json, the
 * card builders), in the reader's language at each access (src/shared/messages/*.json, «field»).
 * One dictionary for all inputs; a key that means different things in different places gets
 * its parent as prefix («quietHours.to», «fieldIn» in the catalogue).
 */
export const fieldLabels: Readonly<Record<string, Label>> = (() => {
  const table = {} as Record<string, Label>;
  for (const key of fieldKeys) Object.defineProperty(table, key, { enumerable: true, get: () => fieldLabel(key) });
  for (const [parent, child] of scopedKeys) {
    Object.defineProperty(table, `${parent}.${child}`, { enumerable: true, get: () => say(`fieldIn.${parent}.${child}`) });
  }
  return Object.freeze(table);
})();

// Numbered card inputs: p0… are the reflection form's questions, a0… a task's answers.
const numberedInputs = /^([pa])(\d{1,2})$/;

function labelOf(key: string): Label | undefined {
  if (Object.hasOwn(fieldLabels, key)) return fieldLabels[key];
  const m = numberedInputs.exec(key);
  if (m) return say(`numbered.${m[1]}`, { n: String(Number(m[2]) + 1) });
  return undefined;
}

/** A path as the user reads it: ['rules', 0, 'at'] → «Regel 1, Klokkeslett». Undefined for the whole input. */
export function describePath(path: readonly PropertyKey[]): string | undefined {
  const words: string[] = [];
  let item: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      words.push(`${item ?? t('validation.number')} ${seg + 1}`);
      continue;
    }
    const scopedKey = i > 0 ? `${String(path[i - 1])}.${String(seg)}` : undefined;
    const scoped = scopedKey !== undefined && Object.hasOwn(fieldLabels, scopedKey) ? fieldLabels[scopedKey] : undefined;
    // «Stille fra» says all of «Stille tid, Stille fra».
    if (scoped) words.pop();
    const label = scoped ?? labelOf(String(seg));
    if (label === undefined) {
      // A key the dictionary does not know (a stray field): say so without echoing it.
      words.push(t('validation.unknownField'));
      continue;
    }
    if (typeof label === 'string') {
      words.push(label);
      continue;
    }
    item = label.item;
    if (typeof path[i + 1] === 'number') {
      words.push(`${label.item} ${(path[i + 1] as number) + 1}`);
      i++;
    } else words.push(label.list);
  }
  return words.length > 0 ? words.join(', ') : undefined;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** «Tittel: kan ikke være tom.»; the whole input's problem as its own sentence. */
function problemSentence(path: readonly PropertyKey[], message: string): string {
  const label = describePath(path);
  return sentence(label ? `${label}: ${message}` : capitalise(message));
}

/** The field a refusal is about, as the API's key («rules.0.at»), for the tab to highlight. */
export function fieldKey(path: readonly PropertyKey[]): string | undefined {
  return path.length > 0 ? path.map(String).join('.') : undefined;
}

/**
 * One readable text, in the reader's language, for all the problems in an input: «Ugyldig
 * aktivitet. Tittel: kan ikke være tom.» The subject is the caller's, already through its t().
 */
export function describeIssues(error: z.ZodError, subject = t('validation.subject')): string {
  // One reason per field: the first is the one to fix («må være et heltall», not also «maks 30»).
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(problemSentence(issue.path, issue.message));
  }
  return `${sentence(subject)} ${parts.join(' ')}`;
}

/** «Ugyldig aktivitet. Tittel: kan ikke inneholde kontrolltegn.»; `whole` names the input when no field is to blame. */
export function describeInputProblem(problem: InputProblem, subject = t('validation.subject'), whole = t('validation.whole')): string {
  const what = problem.path.length > 0 ? problemSentence(problem.path, problem.message) : sentence(`${whole} ${problem.message}`);
  return `${sentence(subject)} ${what}`;
}

/** The first field zod complained about, as a key. */
export function firstIssueField(error: z.ZodError): string | undefined {
  return fieldKey(error.issues[0]?.path ?? []);
}
