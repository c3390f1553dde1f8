import { z } from '../shared/validation.js';
import { t } from './messages.js';

export const RETENTION_MIN_MONTHS = 1;
export const RETENTION_MAX_MONTHS = 120;

// Messages are functions: zod reads them when it refuses, inside the reader's language scope.

/** PUT /api/networks/:networkId/retention */
export const retentionSchema = z.object({
  months: z
    .number({ error: () => t('input.number') })
    .int({ error: () => t('input.wholeMonths') })
    .min(RETENTION_MIN_MONTHS, { error: () => t('input.minMonths', { count: RETENTION_MIN_MONTHS }) })
    .max(RETENTION_MAX_MONTHS, { error: () => t('input.maxMonths', { max: RETENTION_MAX_MONTHS }) }),
});

/** POST /api/me/delete. The confirmation word is «SLETT» in every language: the tab asks for it as written. */
export const deleteSchema = z.object({
  confirm: z.literal('SLETT', { error: () => t('input.confirm') }),
});
