import { networkRoles, sectors } from '../shared/types.js';
import { z } from '../shared/validation.js';

/**
 * Adds a person to the facilitator's own network or changes their role there. `displayName` and
 * `sector` are used only for someone Samlingspunkt does not know yet (a placeholder until Teams
 * names them); a known person keeps the name from Teams and the sector they chose.
 */
export const addMemberSchema = z
  .object({
    aadObjectId: z.uuid({ error: 'må være personens Entra-objekt-id (UUID)' }),
    displayName: z.string({ error: 'må være tekst' }).trim().min(1, 'kan ikke være tom').max(200, 'kan være maks 200 tegn'),
    role: z.enum(networkRoles, { error: 'må være deltaker eller fasilitator' }),
    municipalityNumber: z.string().regex(/^\d{4}$/, 'må være et kommunenummer med fire sifre').nullish(),
    sector: z.enum(sectors, { error: `må være en av ${sectors.join(', ')}` }).default('annet'),
  })
  .refine((v) => v.role !== 'deltaker' || !!v.municipalityNumber, {
    message: 'en deltaker må høre til en kommune',
    path: ['municipalityNumber'],
  });
