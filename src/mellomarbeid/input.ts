import { DESCRIPTION_MAX_CHARS, workStatuses } from './domain/mellomarbeid.js';
import { instant, text, z } from '../shared/validation.js';

export const municipalityNumber = z.string().regex(/^\d{4}$/, 'må være et kommunenummer med fire sifre');

/** POST /api/networks/:networkId/mellomarbeid */
export const newAssignmentSchema = z.object({
  planItemId: z.uuid({ error: 'må være id-en til en aktivitet av typen mellomarbeid' }),
  title: text().trim().max(200, 'kan være maks 200 tegn').nullish(),
  description: text()
    .trim()
    .min(1, 'kan ikke være tom')
    .max(DESCRIPTION_MAX_CHARS, `kan være maks ${DESCRIPTION_MAX_CHARS} tegn`),
  dueAt: instant('2026-12-01T16:00:00+01:00'),
  municipalityNumbers: z.array(municipalityNumber, { error: 'må være en liste med kommunenumre' }).max(400).nullish(),
});

/**
 * PUT /api/networks/:networkId/mellomarbeid/:assignmentId/:municipalityNumber. Text lengths are
 * left to the domain, which names the limit in its refusal.
 */
export const workUpdateSchema = z.object({
  status: z.enum(workStatuses, { error: `må være en av ${workStatuses.join(', ')}` }).optional(),
  expectedStatus: z.enum(workStatuses, { error: `må være en av ${workStatuses.join(', ')}` }).optional(),
  submissionText: text().max(100_000, 'er altfor lang').nullish(),
  submissionUrl: text().max(100_000, 'er altfor lang').nullish(),
  feedback: text().max(100_000, 'er altfor lang').nullish(),
});
