import { sectors } from '../shared/types.js';
import { text, z } from '../shared/validation.js';
import { t } from './messages.js';

// Messages are functions: zod reads them when it refuses, inside the reader's language scope.
const memberId = z.uuid({ error: () => t('input.memberId') });

/** A Teams report of one meeting is a few kB; the HTTP body limit (256 KiB) leaves room for base64. */
export const MAX_REPORT_BYTES = 180 * 1024;

/** PUT /api/networks/:networkId/plan/:itemId/attendance: the check-list, every deltaker ticked. */
export const checklistSchema = z.object({
  memberIds: z.array(z.uuid({ error: () => t('input.memberIds') }), { error: () => t('input.memberIds') }).max(2000),
});

const resolution = z.discriminatedUnion(
  'action',
  [
    z.object({ line: z.int({ error: () => t('input.line') }).min(1), action: z.literal('member'), memberId, remember: z.boolean().optional() }),
    z.object({
      line: z.int({ error: () => t('input.line') }).min(1),
      action: z.literal('guest'),
      name: text(() => t('input.guestName'))
        .trim()
        .min(1, { error: () => t('input.guestName') })
        .max(200, { error: () => t('input.guestName') }),
      municipalityNumber: z.string().regex(/^\d{4}$/, { error: () => t('input.municipalityNumber') }).nullable(),
      sector: z.enum(sectors, { error: () => t('input.sector') }),
    }),
    z.object({ line: z.int({ error: () => t('input.line') }).min(1), action: z.literal('skip') }),
  ],
  { error: () => t('input.action') },
);

export type Resolution = z.infer<typeof resolution>;

/** POST …/attendance/import/preview and …/attendance/import: the file as it was picked, base64. */
export const importSchema = z.object({
  file: z
    .base64({ error: () => t('input.file') })
    .min(1, { error: () => t('input.file') })
    .max(Math.ceil((MAX_REPORT_BYTES * 4) / 3) + 4, { error: () => t('input.fileTooLarge') }),
  fileName: text().max(200).optional(),
  resolutions: z.array(resolution).max(2000).optional(),
});

export type ImportRequestBody = z.infer<typeof importSchema>;
