import { calendarDate, text, z } from '../../shared/validation.js';

/** A pasted plan is a page or two; this is far above any real one and well below the body limit. */
export const MAX_TABLE_CHARS = 50_000;
/** Far above any template we ship (seed 000 has six items). */
export const MAX_TEMPLATE_ITEMS = 100;

/** POST /api/networks/:networkId/plan/import/preview and …/plan/import */
export const planImportSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('template'),
    templateId: text().trim().min(1).max(100),
    /** The Oslo date the template's first item moves to. */
    startDate: calendarDate(),
    /** Which of the template's items to take (their place in the preview, from 0); all when left out. */
    items: z.array(z.number().int().min(0).max(MAX_TEMPLATE_ITEMS - 1)).min(1).max(MAX_TEMPLATE_ITEMS).optional(),
  }),
  z.object({
    source: z.literal('table'),
    text: text().max(MAX_TABLE_CHARS),
  }),
]);
