import {
  ANSWER_MAX_CHARS,
  MAX_PROMPTS,
  PROMPT_MAX_CHARS,
  answerModes,
  deliveryTargets,
  reflectionKinds,
  reflectionVisibilities,
} from './domain/reflections.js';
import { instant, text, z } from '../shared/validation.js';

/** POST /api/networks/:networkId/reflections */
export const newTaskSchema = z
  .object({
    template: z.enum(['seed-000', 'fokus'], { error: 'må være seed-000 eller fokus' }).optional(),
    kind: z.enum(reflectionKinds, { error: `må være en av ${reflectionKinds.join(', ')}` }).optional(),
    title: text().trim().min(1, 'kan ikke være tom').max(200, 'kan være maks 200 tegn').optional(),
    prompts: z
      .array(text().trim().min(1, 'kan ikke være tomt').max(PROMPT_MAX_CHARS, `kan være maks ${PROMPT_MAX_CHARS} tegn`), {
        error: 'må være en liste med spørsmål',
      })
      .min(1, 'må ha minst ett spørsmål')
      .max(MAX_PROMPTS, `kan ha høyst ${MAX_PROMPTS} spørsmål`)
      .optional(),
    answerMode: z.enum(answerModes, { error: `må være en av ${answerModes.join(', ')}` }).default('personlig'),
    visibility: z.enum(reflectionVisibilities, { error: `må være en av ${reflectionVisibilities.join(', ')}` }).default('nettverket'),
    dueAt: instant('2026-12-01T16:00:00+01:00'),
    planItemId: z.uuid({ error: 'må være en aktivitets-id (UUID)' }).nullish(),
    delivery: z.enum([...deliveryTargets, 'ingen'], { error: 'må være personlig-chat, kanal eller ingen' }).default('ingen'),
  })
  .refine((v) => v.template || (v.title && v.prompts), { message: 'velg en mal, eller skriv både tittel og spørsmål', path: ['prompts'] });

/** PUT /api/networks/:networkId/reflections/:taskId/answer */
export const answerSchema = z.object({
  // Generous here so the domain can refuse an over-long answer with the limit in its words.
  answers: z.array(text().max(ANSWER_MAX_CHARS * 4, 'er altfor langt'), { error: 'må være en liste med svar' }).max(MAX_PROMPTS),
  choices: z.array(text().max(100)).max(40).optional(),
  // Bounded like the database column (integer), so a huge number is a 400, not an overflow.
  baseVersion: z.number({ error: 'må være et tall' }).int('må være et heltall').min(0).max(1_000_000).nullish(),
  editKey: text().max(100).nullish(),
});

/** POST /api/networks/:networkId/reflections/:taskId/send */
export const sendSchema = z.object({ target: z.enum(deliveryTargets, { error: 'må være personlig-chat eller kanal' }).default('personlig-chat') });
