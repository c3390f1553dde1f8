import {
  ANSWER_MAX_CHARS,
  MAX_PROMPTS,
  PROMPT_MAX_CHARS,
  TITLE_MAX_CHARS,
  answerModes,
  deliveryTargets,
  reflectionKinds,
  reflectionVisibilities,
} from './domain/reflections.js';
import { instant, text, z } from '../shared/validation.js';
import { formatList } from '../platform/i18n/format.js';
import { t } from './messages.js';

/**
 * The words after a field's label when a value is refused («Tittel: kan ikke være tom.»),
 * looked up when the refusal is written, so they are in the reader's language. The field
 * labels themselves come from src/shared/validation.ts.
 */
type Key = Parameters<typeof t>[0];
export const says = (key: Key, vars?: Record<string, string | number>) => ({ error: () => t(key, vars) });
const oneOf = (values: readonly string[]) => ({ error: () => t('input.oneOf', { values: formatList(values, 'or') }) });

/** POST /api/networks/:networkId/reflections */
export const newTaskSchema = z
  .object({
    template: z.enum(['seed-000', 'fokus'], says('input.template')).optional(),
    kind: z.enum(reflectionKinds, oneOf(reflectionKinds)).optional(),
    title: text().trim().min(1, says('input.emptyTitle')).max(TITLE_MAX_CHARS, says('input.maxChars', { max: TITLE_MAX_CHARS })).optional(),
    prompts: z
      .array(text().trim().min(1, says('input.emptyPrompt')).max(PROMPT_MAX_CHARS, says('input.maxChars', { max: PROMPT_MAX_CHARS })), says('input.promptList'))
      .min(1, says('input.promptMin'))
      .max(MAX_PROMPTS, says('input.promptMax', { max: MAX_PROMPTS }))
      .optional(),
    answerMode: z.enum(answerModes, oneOf(answerModes)).default('personlig'),
    visibility: z.enum(reflectionVisibilities, oneOf(reflectionVisibilities)).default('nettverket'),
    dueAt: instant('2026-12-01T16:00:00+01:00'),
    planItemId: z.uuid(says('input.planItemId')).nullish(),
    delivery: z.enum([...deliveryTargets, 'ingen'], says('input.delivery')).default('ingen'),
  })
  .refine((v) => v.template || (v.title && v.prompts), { ...says('input.templateOrText'), path: ['prompts'] });

/** PUT /api/networks/:networkId/reflections/:taskId/answer */
export const answerSchema = z.object({
  // Generous here so the domain can refuse an over-long answer with the limit in its words.
  answers: z.array(text().max(ANSWER_MAX_CHARS * 4, says('input.answerTooLong')), says('input.answerList')).max(MAX_PROMPTS),
  choices: z.array(text().max(100)).max(40).optional(),
  // Bounded like the database column (integer), so a huge number is a 400, not an overflow.
  baseVersion: z.number(says('input.number')).int(says('input.integer')).min(0).max(1_000_000).nullish(),
  editKey: text().max(100).nullish(),
});

/** POST /api/networks/:networkId/reflections/:taskId/send */
export const sendSchema = z.object({ target: z.enum(deliveryTargets, says('input.target')).default('personlig-chat') });
