import { z } from '../shared/validation.js';

/** PUT /api/networks/:networkId/retention */
export const retentionSchema = z.object({
  months: z
    .number({ error: 'må være et tall' })
    .int('må være et helt antall måneder')
    .min(1, 'må være minst 1 måned')
    .max(120, 'kan være maks 120 måneder'),
});

/** POST /api/me/delete */
export const deleteSchema = z.object({
  confirm: z.literal('SLETT', { error: 'skriv SLETT for å bekrefte at alt om deg skal slettes' }),
});
