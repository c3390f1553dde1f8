import { bodyCodes, planItemFormats, planItemKinds } from '../shared/types.js';
import { calendarDate, instant, text, z } from '../shared/validation.js';
import { t } from './messages.js';

// Messages are functions: zod reads them when it refuses, inside the reader's language scope.
const oneOf = (values: readonly string[]) => ({ error: () => t('input.oneOf', { values: values.join(', ') }) });
const maxChars = (max: number) => ({ error: () => t('input.maxChars', { max }) });

const kind = z.enum(planItemKinds, oneOf(planItemKinds));
const title = text().trim().min(1, { error: () => t('input.empty') }).max(200, maxChars(200));
const agenda = text().trim().max(4000, maxChars(4000));
const format = z.enum(planItemFormats, oneOf(planItemFormats));
const responsibleBody = z.enum(bodyCodes, oneOf(bodyCodes));
const meetingUrl = z.url({ protocol: /^https$/, error: () => t('input.https') }).max(2000, { error: () => t('input.tooLong') });

/** One municipality's time in a veiledning «per kommune». */
const slotSchema = z.strictObject({
  municipalityNumber: z.string().regex(/^\d{4}$/, { error: () => t('input.municipalityNumber') }),
  startsAt: instant(),
  endsAt: instant(),
});
// A municipality count, not more: Norway has 357.
const slots = z.array(slotSchema).max(400);

/** POST /api/networks/:networkId/plan and PUT …/plan/:itemId: the whole item. */
export const planItemSchema = z
  .object({
    kind,
    title,
    agenda: agenda.nullish(),
    startsAt: instant(),
    endsAt: instant(),
    format,
    responsibleBody: responsibleBody.nullish(),
    meetingUrl: meetingUrl.nullish(),
    slots: slots.nullish(),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { error: () => t('input.endsAfterStart'), path: ['endsAt'] });

/**
 * PATCH …/plan/:itemId (and its preview): only what changes. A field left out is kept; `null`
 * clears an optional one (agenda, responsible body, Teams link, slots). Unknown fields are
 * refused rather than ignored, so a misspelt field is not silently a no-op.
 */
export const planItemPatchSchema = z.strictObject({
  kind: kind.optional(),
  title: title.optional(),
  agenda: agenda.nullish(),
  startsAt: instant().optional(),
  endsAt: instant().optional(),
  format: format.optional(),
  responsibleBody: responsibleBody.nullish(),
  meetingUrl: meetingUrl.nullish(),
  slots: slots.nullish(),
});

/** POST …/plan/:itemId/preview: the patch to be saved, or the deletion. */
export const planPreviewSchema = z.union([z.strictObject({ delete: z.literal(true) }), planItemPatchSchema]);

/** POST …/plan/:itemId/duplicate: a copy on the same day, or on `date` (yyyy-MM-dd) at the same Oslo times. */
export const duplicateSchema = z.strictObject({ date: calendarDate().optional() });
