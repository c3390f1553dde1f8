import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newAssignmentSchema, workUpdateSchema } from '../src/mellomarbeid/input.js';
import { addMemberSchema } from '../src/network/input.js';
import { focusSchema, phaseSchema } from '../src/focus/input.js';
import { planItemSchema } from '../src/plan/input.js';
import { deleteSchema, retentionSchema } from '../src/privacy/input.js';
import { answerSchema, newTaskSchema, sendSchema } from '../src/reflections/input.js';
import { reminderSettingsSchema, sendNowSchema, subjectRulesSchema } from '../src/reminders/input.js';
import { cardActions } from '../src/app/card-actions.js';
import { inLocale } from '../src/platform/i18n/context.js';
import { locales } from '../src/platform/i18n/locale.js';
import { newPollSchema, repeatSchema } from '../src/polls/input.js';
import {
  calendarDate,
  describeInputProblem,
  describeIssues,
  describePath,
  fieldLabels,
  findInputProblem,
  instant,
  text,
  textProblem,
  z,
} from '../src/shared/validation.js';

/**
 * What must never reach a user: zod's English, type names, field keys, paths like rules.0.at.
 * «object id» is Microsoft's own name for the Entra id a person is added by, not a type name.
 */
const internalText = /\b(Invalid|invalid|Expected|expected|Required|received|undefined|NaN|string|TypeError|RangeError|stack|Error:)\b|\bobject\b(?! id\b)|\b[a-z]+[A-Z]\w*\b|[a-z]\.\d|\b\w+\.\w+:/;

const apiSchemas: Record<string, z.ZodType> = {
  planItemSchema,
  newAssignmentSchema,
  workUpdateSchema,
  addMemberSchema,
  focusSchema,
  phaseSchema,
  repeatSchema,
  retentionSchema,
  deleteSchema,
  newTaskSchema,
  answerSchema,
  sendSchema,
  reminderSettingsSchema,
  subjectRulesSchema,
  sendNowSchema,
  newPollSchema,
};
const cardSchemas = Object.fromEntries([...cardActions].map(([verb, action]) => [`kort ${verb}`, action.schema as z.ZodType]));
const allSchemas = { ...apiSchemas, ...cardSchemas };

/** Every path a schema can name in an issue, as [parent key, key] (object fields and record keys), at any depth. */
function fieldKeys(schema: z.ZodType, parent?: string, into: [string | undefined, string][] = []): [string | undefined, string][] {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        into.push([parent, key]);
        fieldKeys(child, key, into);
      }
      break;
    case 'record':
      for (const key of Object.values((def.keyType as { _zod: { def: { entries?: Record<string, string> } } })._zod.def.entries ?? {})) {
        into.push([parent, key]);
        fieldKeys(def.valueType, key, into);
      }
      break;
    case 'array':
      fieldKeys(def.element, parent, into);
      break;
    case 'union':
      for (const option of def.options) fieldKeys(option, parent, into);
      break;
    case 'pipe':
      fieldKeys(def.in, parent, into);
      fieldKeys(def.out, parent, into);
      break;
    default:
      if (def.innerType) fieldKeys(def.innerType, parent, into);
  }
  return into;
}

describe('the text rule', () => {
  it('refuses NUL, other C0 controls and lone surrogates, and lets real text through', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f']) {
      expect(textProblem(bad), JSON.stringify(bad)).toBe('kan ikke inneholde kontrolltegn');
    }
    for (const bad of ['\uD800', 'x\uDBFFy', '\uDC00', 'a\uDFFF', '\uDE00\uD83D']) {
      expect(textProblem(bad), JSON.stringify(bad)).toBe('inneholder ugyldige tegn');
    }
    for (const good of ['', 'Bærum', 'linje 1\nlinje 2\r\n\tinnrykk', '😀 Ålesund – «sitat»', '\u00a0', 'ﬁ', '\uD83D\uDE00']) {
      expect(textProblem(good), JSON.stringify(good)).toBeUndefined();
    }
  });

  it('is property-checked: any string with a forbidden code unit is refused, any without is accepted', () => {
    const forbidden = fc.constantFrom('\u0000', '\u0007', '\u000e', '\u001f', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
    fc.assert(
      fc.property(fc.string(), forbidden, fc.string(), (a, bad, b) => {
        // A lone surrogate right next to its partner in a or b would make a valid pair: skip those.
        fc.pre(!/[\uD800-\uDBFF]$/.test(a) && !/^[\uDC00-\uDFFF]/.test(b));
        expect(textProblem(a + bad + b)).toBeDefined();
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(textProblem(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''))).toBeUndefined();
      }),
    );
  });

  it('names the field and the reason in the form’s words', () => {
    const schema = z.object({ title: text().trim().min(1).max(200) });
    const result = schema.safeParse({ title: 'Samling\u0000' });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!, 'Ugyldig aktivitet')).toBe('Ugyldig aktivitet. Tittel: kan ikke inneholde kontrolltegn.');
  });

  it('finds the first bad string anywhere in an input, also in keys, and survives hostile depth', () => {
    expect(findInputProblem({ rules: [{ type: 'days-before', at: '09:00\u0000' }] })).toEqual({ path: ['rules', 0, 'at'], message: 'kan ikke inneholde kontrolltegn' });
    expect(findInputProblem({ ok: 'fint', liste: [1, true, null, { x: 'å' }] })).toBeUndefined();
    expect(findInputProblem({ 'nøkkel\u0000': 1 })?.message).toMatch(/feltnavn/);
    let deep: unknown = 'bunn';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem({ deep })).toEqual({ path: [], message: 'er nøstet for dypt' });
    expect(describeInputProblem({ path: [], message: 'er nøstet for dypt' })).toBe('Ugyldig innhold. Innholdet er nøstet for dypt.');
    expect(describeInputProblem({ path: ['options', 1], message: 'inneholder ugyldige tegn' }, 'Ugyldig måling')).toBe(
      'Ugyldig måling. Alternativ 2: inneholder ugyldige tegn.',
    );
  });
});

describe('dates at the edge', () => {
  it('accepts real instants in 2000–2100 and refuses year 0000, 9999 and days that do not exist', () => {
    const at = instant();
    expect(at.safeParse('2026-12-01T10:00:00+01:00').success).toBe(true);
    expect(at.safeParse('2024-02-29T10:00:00Z').success).toBe(true);
    for (const bad of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1999-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2027-02-30T10:00:00+01:00', '2027-01-01T10:00:00', 'i morgen']) {
      expect(at.safeParse(bad).success, bad).toBe(false);
    }
    const day = calendarDate();
    expect(day.safeParse('2027-06-01').success).toBe(true);
    for (const bad of ['0000-01-01', '9999-12-31', '2027-02-30', '2027-13-01', '27-06-01']) expect(day.safeParse(bad).success, bad).toBe(false);
    const result = z.object({ startsAt: instant() }).safeParse({ startsAt: '0000-01-01T00:00:00Z' });
    expect(describeIssues(result.error!, 'Ugyldig aktivitet')).toBe('Ugyldig aktivitet. Starttidspunkt: må være mellom år 2000 og 2100.');
  });
});

describe('field labels', () => {
  it('reads paths as the form labels them, list items numbered from 1', () => {
    expect(describePath(['title'])).toBe('Tittel');
    expect(describePath(['rules', 0, 'at'])).toBe('Regel 1, Klokkeslett');
    expect(describePath(['quietHours', 'from'])).toBe('Stille fra');
    expect(describePath(['quietHours', 'to'])).toBe('Stille til');
    expect(describePath(['to'])).toBe('Ny status');
    expect(describePath(['rules', 'plan-item', 1, 'days'])).toBe('Påminnelser, Aktiviteter, Regel 2, Dager før');
    expect(describePath(['options', 2])).toBe('Alternativ 3');
    expect(describePath(['p1'])).toBe('Spørsmål 2');
    expect(describePath(['a0'])).toBe('Svar 1');
    expect(describePath(['hvaSomHelst'])).toBe('Et ukjent felt');
    expect(describePath([])).toBeUndefined();
  });

  it.each(Object.entries(allSchemas))('every field of %s has a Norwegian label', (_name, schema) => {
    const unlabelled = fieldKeys(schema)
      .map(([parent, key]) => (parent ? [parent, key] : [key]))
      .filter((path) => describePath(path)!.includes('Et ukjent felt'));
    expect(unlabelled).toEqual([]);
    expect(Object.keys(fieldLabels).length).toBeGreaterThan(50);
  });

  it.each(Object.entries(allSchemas))('refusals of %s are sentences in nb, nn and en without internal text', (_name, schema) => {
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom('', '0000-01-01T00:00:00Z', '2027-02-30', 1e308, -1, 2 ** 53, null, true, [], {}),
    );
    const keys = [...new Set(fieldKeys(schema).map(([, key]) => key))];
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom(...keys, 'ukjent'), hostile, { maxKeys: 6 }),
      fc.record({ rules: fc.array(fc.dictionary(fc.constantFrom('type', 'days', 'at', 'minutes'), hostile), { maxLength: 3 }) }),
      fc.record({ quietHours: fc.dictionary(fc.constantFrom('from', 'to', 'weekends'), hostile) }),
    );
    // In each of the three languages: the wording is read when the input is parsed.
    fc.assert(
      fc.property(body, fc.constantFrom(...locales), (input, locale) =>
        inLocale(locale, () => {
          const result = schema.safeParse(input);
          if (result.success) return;
          const message = describeIssues(result.error, 'Sjekk skjemaet');
          expect(message).not.toMatch(internalText);
          expect(message).toMatch(/^Sjekk skjemaet\. \S.*\.$/);
        }),
      ),
      { numRuns: 150 },
    );
  });
});
