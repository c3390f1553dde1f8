import { text, z } from '../shared/validation.js';
import { t } from './messages.js';

/** PUT /api/networks/:networkId/municipalities/:number/phase */
export const phaseSchema = z.object({
  phase: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], { error: () => t('input.phase') }),
});

/** PUT /api/networks/:networkId/municipalities/:number/focus */
export const focusSchema = z.object({
  choices: z.array(text().max(100), { error: () => t('input.choices') }).max(40),
});
