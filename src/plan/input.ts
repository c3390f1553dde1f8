import { bodyCodes, planItemFormats, planItemKinds } from '../shared/types.js';
import { instant, text, z } from '../shared/validation.js';
import { t } from './messages.js';

// Messages are functions: zod reads them when it refuses, inside the reader's language scope.
const oneOf = (values: readonly string[]) => ({ error: () => t('input.oneOf', { values: values.join(', ') }) });
const maxChars = (max: number) => ({ error: () => t('input.maxChars', { max }) });

/** POST /api/networks/:networkId/plan and PUT …/plan/:itemId */
export const planItemSchema = z
  .object({
    kind: z.enum(planItemKinds, oneOf(planItemKinds)),
    title: text().trim().min(1, { error: () => t('input.empty') }).max(200, maxChars(200)),
    agenda: text().trim().max(4000, maxChars(4000)).nullish(),
    startsAt: instant(),
    endsAt: instant(),
    format: z.enum(planItemFormats, oneOf(planItemFormats)),
    responsibleBody: z.enum(bodyCodes, oneOf(bodyCodes)).nullish(),
    meetingUrl: z.url({ protocol: /^https$/, error: () => t('input.https') }).max(2000, { error: () => t('input.tooLong') }).nullish(),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { error: () => t('input.endsAfterStart'), path: ['endsAt'] });
