import { calendarDate, text, z } from '../../shared/validation.js';

/** A pasted plan is a page or two; this is far above any real one and well below the body limit. */
export const MAX_TABLE_CHARS = 50_000;

/** POST /api/networks/:networkId/plan/import/preview and …/plan/import */
export const planImportSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('template'),
    templateId: text().trim().min(1).max(100),
    /** The Oslo date the template's first item moves to. */
    startDate: calendarDate(),
  }),
  z.object({
    source: z.literal('table'),
    text: text().max(MAX_TABLE_CHARS),
  }),
]);
