import { DESCRIPTION_MAX_CHARS, workStatuses } from './domain/mellomarbeid.js';
import { instant, text, z } from '../shared/validation.js';
import { t } from './messages.js';

// Messages are functions: zod reads them when it refuses, inside the reader's language scope.
const oneOfStatuses = { error: () => t('input.oneOf', { values: workStatuses.join(', ') }) };
const farTooLong = { error: () => t('input.farTooLong') };

export const municipalityNumber = z.string().regex(/^\d{4}$/, { error: () => t('input.municipalityNumber') });

/** POST /api/networks/:networkId/mellomarbeid */
export const newAssignmentSchema = z.object({
  planItemId: z.uuid({ error: () => t('input.planItemId') }),
  title: text().trim().max(200, { error: () => t('input.maxChars', { max: 200 }) }).nullish(),
  description: text()
    .trim()
    .min(1, { error: () => t('input.empty') })
    .max(DESCRIPTION_MAX_CHARS, { error: () => t('input.maxChars', { max: DESCRIPTION_MAX_CHARS }) }),
  dueAt: instant('2026-12-01T16:00:00+01:00'),
  municipalityNumbers: z.array(municipalityNumber, { error: () => t('input.municipalityList') }).max(400).nullish(),
});

/**
 * PUT /api/networks/:networkId/mellomarbeid/:assignmentId/:municipalityNumber. Text lengths are
 * left to the domain, which names the limit in its refusal.
 */
export const workUpdateSchema = z.object({
  status: z.enum(workStatuses, oneOfStatuses).optional(),
  expectedStatus: z.enum(workStatuses, oneOfStatuses).optional(),
  submissionText: text().max(100_000, farTooLong).nullish(),
  submissionUrl: text().max(100_000, farTooLong).nullish(),
  feedback: text().max(100_000, farTooLong).nullish(),
});
