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

const municipalityNumber = z
  .string({ error: () => t('input.municipalityNumber') })
  .regex(/^\d{4}$/, { error: () => t('input.municipalityNumber') });

/** Municipalities to add to a network, by number (one or several: a whole county at once). */
export const addMunicipalitiesSchema = z.object({
  municipalityNumbers: z
    .array(municipalityNumber, { error: () => t('input.municipalityList') })
    .min(1, { error: () => t('input.municipalityListEmpty') })
    .max(400, { error: () => t('input.municipalityListLong', { max: 400 }) }),
});

/**
 * A facilitator's change to one member: what is sent changes, what is left out stays. A
 * deltaker needs a municipality (theirs or the one sent); a fasilitator has none here.
 */
export const updateMemberSchema = z
  .object({
    role: z.enum(networkRoles, { error: () => t('input.role') }).optional(),
    municipalityNumber: municipalityNumber.nullable().optional(),
    sector: z.enum(sectors, { error: () => t('input.sector', { sectors: sectors.join(', ') }) }).optional(),
  })
  .refine((v) => v.role !== undefined || v.municipalityNumber !== undefined || v.sector !== undefined, {
    error: () => t('input.nothingToChange'),
  });

/** A region coordinator to appoint, by Entra object id (as for members, a placeholder name until Teams names them). */
export const addCoordinatorSchema = z.object({
  aadObjectId: z.uuid({ error: () => t('input.aadObjectId') }),
  displayName: z
    .string({ error: () => t('input.text') })
    .trim()
    .min(1, { error: () => t('input.empty') })
    .max(200, { error: () => t('input.tooLong', { max: 200 }) }),
});

/** Ending a programme is not undone by a slip: the tab sends `confirm: true` after its dialog. */
export const endNetworkSchema = z.object({
  confirm: z.literal(true, { error: () => t('input.confirmEnd') }),
});
