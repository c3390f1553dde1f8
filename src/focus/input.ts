import { text, z } from '../shared/validation.js';

/** PUT /api/networks/:networkId/municipalities/:number/phase */
export const phaseSchema = z.object({
  phase: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], { error: 'må være 1, 2, 3, 4 eller null' }),
});

/** PUT /api/networks/:networkId/municipalities/:number/focus */
export const focusSchema = z.object({
  choices: z.array(text().max(100), { error: 'må være en liste med valg' }).max(40),
});
