import { z } from 'zod';

/**
 * The edge: what input Samlingspunkt accepts, and how a refusal reads. Every message here
 * reaches a Norwegian user in the tab or on a card, so it names the field as the form labels it
 * and says what is wrong in plain words, never a path, a type name or zod's English.
 */

// zod's own wording for the generic cases (a field schema adds its own where this is unclear).
// Its bundled Norwegian locale still says «forventet string, fikk undefined», so we write our own.
z.config({
  localeError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return 'mangler';
        return typeWords[issue.expected] ?? 'har feil type';
      case 'invalid_value':
        return issue.values.length === 1 ? `må være «${String(issue.values[0])}»` : `må være en av ${issue.values.map(String).join(', ')}`;
      case 'too_big':
        if (issue.origin === 'string') return `kan være maks ${issue.maximum} tegn`;
        if (issue.origin === 'array' || issue.origin === 'set') return `kan ha maks ${issue.maximum}`;
        return `kan være maks ${issue.maximum}`;
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'kan ikke være tom' : `må ha minst ${issue.minimum} tegn`;
        if (issue.origin === 'array' || issue.origin === 'set') return `må ha minst ${issue.minimum}`;
        return `må være minst ${issue.minimum}`;
      case 'invalid_format':
        return formatWords[issue.format] ?? 'har feil format';
      case 'not_multiple_of':
        return `må gå opp i ${issue.divisor}`;
      case 'invalid_key':
      case 'unrecognized_keys':
        // Not echoed: the unknown key is the sender's text, not ours.
        return 'har et valg som ikke finnes';
      case 'invalid_element':
        return 'har en ugyldig verdi';
      case 'invalid_union':
        return 'har feil form';
      default:
        return 'er ugyldig';
    }
  },
});

const typeWords: Record<string, string> = {
  string: 'må være tekst',
  number: 'må være et tall',
  int: 'må være et heltall',
  boolean: 'må være sant eller usant (true eller false)',
  array: 'må være en liste',
  object: 'må være et sett med felter',
};

const formatWords: Record<string, string> = {
  uuid: 'er ikke en gyldig id',
  guid: 'er ikke en gyldig id',
  datetime: 'må være et tidspunkt, f.eks. 2026-12-01T10:00:00+01:00',
  date: 'må være en dato, f.eks. 2026-12-01',
  time: 'må være et klokkeslett, f.eks. 09:00',
  url: 'må være en lenke',
  email: 'må være en e-postadresse',
};

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
  if (CONTROL.test(value)) return 'kan ikke inneholde kontrolltegn';
  if (LONE_SURROGATE.test(value)) return 'inneholder ugyldige tegn';
  return undefined;
}

/** A text field: a string with the text rule above. Chain .trim(), .min(), .max() as usual. */
export function text(error = 'må være tekst') {
  return z.string({ error: orMissing(error) }).check((ctx) => {
    const problem = textProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
}

/** A field's own wording for a wrong value, and «mangler» when it is not there at all. */
function orMissing(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'mangler' : message);
}

// ── Dates ──

// Far outside what a learning network plans: year 0000 and 9999 are typing errors or probes,
// and Postgres and Luxon disagree at the extremes.
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const YEAR_RANGE = `må være mellom år ${YEAR_MIN} og ${YEAR_MAX}`;

const sensibleYear = (year: number) => year >= YEAR_MIN && year <= YEAR_MAX;

/** An instant with its UTC offset (ISO 8601), e.g. 2026-12-01T10:00:00+01:00, in a sane range. */
export function instant(example = '2026-12-01T10:00:00+01:00') {
  return z.iso
    .datetime({ offset: true, error: orMissing(`må være et tidspunkt i ISO 8601-format, f.eks. ${example}`) })
    .refine((s) => sensibleYear(new Date(s).getUTCFullYear()), YEAR_RANGE);
}

/** A calendar date (yyyy-MM-dd) that exists, in the same range. */
export function calendarDate(error = 'må være en gyldig dato') {
  return z.iso.date({ error: orMissing(error) }).refine((s) => sensibleYear(Number(s.slice(0, 4))), YEAR_RANGE);
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
      if (path.length >= MAX_DEPTH) return { path: [], message: 'er nøstet for dypt' };
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      for (const [key, child] of entries) {
        if (typeof key === 'string' && textProblem(key)) return { path: [], message: 'har et feltnavn med kontrolltegn eller ugyldige tegn' };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}

// ── Naming fields ──

/** A list field names its items: «Regel 2» rather than «Regler, 2». */
type Label = string | { list: string; item: string };

/**
 * Field key → the label the tab form or the card shows for it (src/tab/locales/nb.json, the
 * card builders). One dictionary for all inputs; a key that means different things in
 * different places gets its parent as prefix («quietHours.to»).
 */
export const fieldLabels: Readonly<Record<string, Label>> = {
  // Activity plan
  kind: 'Type',
  title: 'Tittel',
  agenda: 'Agenda',
  startsAt: 'Starttidspunkt',
  endsAt: 'Sluttidspunkt',
  format: 'Format',
  responsibleBody: 'Ansvar',
  meetingUrl: 'Lenke til Teams-møtet',
  // Mellomarbeid
  planItemId: 'Aktivitet i planen',
  description: 'Beskrivelse av oppgaven',
  dueAt: 'Frist',
  municipalityNumbers: { list: 'Kommuner', item: 'Kommune' },
  status: 'Status',
  expectedStatus: 'Status da du åpnet skjemaet',
  submissionText: 'Besvarelse (tekst)',
  submissionUrl: 'Lenke til dokument',
  feedback: 'Tilbakemelding til kommunen',
  tekst: 'Besvarelse (tekst)',
  lenke: 'Lenke til dokument',
  tilbakemelding: 'Tilbakemelding til kommunen',
  to: 'Ny status',
  assignmentId: 'Mellomarbeid',
  municipalityNumber: 'Kommune',
  // Reflections
  template: 'Mal',
  prompts: { list: 'Spørsmål', item: 'Spørsmål' },
  answerMode: 'Hvem svarer',
  visibility: 'Synlighet',
  delivery: 'Send oppgaven',
  answers: { list: 'Svar', item: 'Svar' },
  choices: { list: 'Fokusområder', item: 'Fokusområde' },
  valg: 'Fokusområder og løsninger fra reformen',
  baseVersion: 'Versjonen du bygget på',
  editKey: 'Nøkkelen til det anonyme svaret',
  target: 'Send til',
  taskId: 'Oppgave',
  dueDate: 'Frist (dato)',
  dueTime: 'Frist (klokkeslett)',
  // Focus areas and phase
  phase: 'Fase i reformen',
  number: 'Kommune',
  // Polls
  question: 'Spørsmål',
  options: { list: 'Alternativer', item: 'Alternativ' },
  maxChoices: 'Hvor mange kan velges',
  scaleMax: 'Skala',
  scaleMinLabel: 'Tekst ved 1',
  scaleMaxLabel: 'Tekst ved høyeste verdi',
  anonymous: 'Anonym måling',
  opensAt: 'Åpner',
  closesAt: 'Lukkes',
  opensDate: 'Åpner (dato)',
  opensTime: 'Åpner (klokkeslett)',
  closesDate: 'Lukkes (dato)',
  closesTime: 'Lukkes (klokkeslett)',
  sendToAll: 'Send 1:1 til alle deltakerne',
  postTo: { list: 'Kanaler', item: 'Kanal' },
  breakdown: 'Inndeling av resultatene',
  pollId: 'Måling',
  svar: 'Ditt svar',
  sig: 'Kortets signatur',
  // Reminders
  quietHours: 'Stille tid',
  'quietHours.from': 'Stille fra',
  'quietHours.to': 'Stille til',
  weekends: 'Stille i helgene',
  rules: { list: 'Påminnelser', item: 'Regel' },
  'plan-item': 'Aktiviteter',
  'poll-close': 'Målinger',
  'reflection-due': 'Refleksjonsoppgaver',
  'mellomarbeid-due': 'Mellomarbeid',
  type: 'Type påminnelse',
  days: 'Dager før',
  at: 'Klokkeslett',
  minutes: 'Minutter før',
  inMinutes: 'Om hvor mange minutter',
  subjectId: 'Saken påminnelsen gjelder',
  reminderId: 'Påminnelse',
  // Members, privacy
  aadObjectId: 'Person',
  displayName: 'Navn',
  role: 'Rolle',
  sector: 'Sektor',
  months: 'Lagringstid (måneder)',
  confirm: 'Bekreftelse',
  // Path parameters and ids
  networkId: 'Læringsnettverk',
  itemId: 'Aktivitet',
  regionId: 'Region',
  memberId: 'Medlem',
  verb: 'Handling',
};

// Numbered card inputs: p0… are the reflection form's questions, a0… a task's answers.
const numberedInputs: [RegExp, string][] = [
  [/^p(\d{1,2})$/, 'Spørsmål'],
  [/^a(\d{1,2})$/, 'Svar'],
];

function labelOf(key: string): Label | undefined {
  if (Object.hasOwn(fieldLabels, key)) return fieldLabels[key];
  for (const [pattern, label] of numberedInputs) {
    const m = pattern.exec(key);
    if (m) return `${label} ${Number(m[1]) + 1}`;
  }
  return undefined;
}

/** A path as the user reads it: ['rules', 0, 'at'] → «Regel 1, Klokkeslett». Undefined for the whole input. */
export function describePath(path: readonly PropertyKey[]): string | undefined {
  const words: string[] = [];
  let item: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      words.push(`${item ?? 'Nr.'} ${seg + 1}`);
      continue;
    }
    const scoped = i > 0 ? fieldLabels[`${String(path[i - 1])}.${String(seg)}`] : undefined;
    // «Stille fra» says all of «Stille tid, Stille fra».
    if (scoped) words.pop();
    const label = scoped ?? labelOf(String(seg));
    if (label === undefined) {
      // A key the dictionary does not know (a stray field): say so without echoing it.
      words.push('Et ukjent felt');
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

/** One readable Norwegian text for all the problems in an input: «Ugyldig aktivitet. Tittel: kan ikke være tom.» */
export function describeIssues(error: z.ZodError, subject = 'Ugyldig innhold'): string {
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
export function describeInputProblem(problem: InputProblem, subject = 'Ugyldig innhold', whole = 'Innholdet'): string {
  const what = problem.path.length > 0 ? problemSentence(problem.path, problem.message) : sentence(`${whole} ${problem.message}`);
  return `${sentence(subject)} ${what}`;
}

/** The first field zod complained about, as a key. */
export function firstIssueField(error: z.ZodError): string | undefined {
  return fieldKey(error.issues[0]?.path ?? []);
}
