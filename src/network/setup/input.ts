import { bodyCodes, type BodyCode } from '../../shared/types.js';
import { invalid, ok, type Result } from '../../shared/result.js';
import { text, z } from '../../shared/validation.js';
import { t } from './messages.js';

export const MAX_NAME = 160;
export const MAX_MUNICIPALITIES = 357;

/** The form's fields, as the card inputs and the API body name them. */
export const setupFields = ['name', 'region', 'reform', 'bodies', 'counties', 'municipalities', 'teamId'] as const;
export type SetupField = (typeof setupFields)[number];

// A card's multi-select answers with one comma-joined string; the API sends an array. Both end as a list.
const list = (item: z.ZodType<string>, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
    z.array(item).max(max, { error: () => t('input.tooMany', { max }) }),
  );

// Messages are functions: read in the language of whoever submits (src/shared/validation.ts).
export const setupSchema = z.object({
  name: text(() => t('input.nameMissing'))
    .trim()
    .min(1, { error: () => t('input.nameMissing') })
    .max(MAX_NAME, { error: () => t('input.nameTooLong', { max: MAX_NAME }) }),
  region: z.string({ error: () => t('input.regionUnknown') }).regex(/^[a-z0-9-]{2,60}$/, { error: () => t('input.regionUnknown') }),
  reform: z.string({ error: () => t('input.reformUnknown') }).regex(/^[a-z0-9-]{2,60}$/, { error: () => t('input.reformUnknown') }),
  bodies: list(z.enum(bodyCodes, { error: () => t('input.bodyUnknown') }), bodyCodes.length).refine((b) => b.length > 0, {
    error: () => t('input.bodiesMissing'),
  }),
  counties: list(z.string().max(10), 20),
  municipalities: list(z.string().max(10), MAX_MUNICIPALITIES),
  teamId: text().trim().max(300).optional(),
});

export type SetupInput = z.infer<typeof setupSchema> & { bodies: BodyCode[] };
export type SetupRequest = z.input<typeof setupSchema>;

/** «Navn på nettverket: skriv et navn.» — the field as the form labels it, in the reader's language. */
export function fieldProblem(field: SetupField, message: string): string {
  return `${t('input.invalid')} ${t(`field.${field}`)}: ${message.replace(/[.]$/, '')}.`;
}

export function refuse<T = never>(field: SetupField, message: string): Result<T> {
  return invalid(fieldProblem(field, message), field);
}

/** Validates a card payload or API body; the first field to fix is named. */
export function parseSetup(input: unknown): Result<SetupInput> {
  const parsed = setupSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data as SetupInput);
  const issue = parsed.error.issues[0]!;
  const field = (setupFields as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as SetupField) : 'name';
  return refuse(field, issue.message);
}
