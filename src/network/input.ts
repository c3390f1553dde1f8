import { networkRoles, sectors } from '../shared/types.js';
import { z } from '../shared/validation.js';
import { t } from './messages.js';

/**
 * Adds a person to the facilitator's own network or changes their role there. `displayName` and
 * `sector` are used only for someone Samlingspunkt does not know yet (a placeholder until Teams
 * names them); a known person keeps the name from Teams and the sector they chose.
 * Messages are functions, read in the caller's language when a request is checked.
 */
export const addMemberSchema = z
  .object({
    aadObjectId: z.uuid({ error: () => t('input.aadObjectId') }),
    displayName: z
      .string({ error: () => t('input.text') })
      .trim()
      .min(1, { error: () => t('input.empty') })
      .max(200, { error: () => t('input.tooLong', { max: 200 }) }),
    role: z.enum(networkRoles, { error: () => t('input.role') }),
    municipalityNumber: z
      .string()
      .regex(/^\d{4}$/, { error: () => t('input.municipalityNumber') })
      .nullish(),
    sector: z.enum(sectors, { error: () => t('input.sector', { sectors: sectors.join(', ') }) }).default('annet'),
  })
  .refine((v) => v.role !== 'deltaker' || !!v.municipalityNumber, {
    error: () => t('input.participantNeedsMunicipality'),
    path: ['municipalityNumber'],
  });
