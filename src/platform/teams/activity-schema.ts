import { z } from 'zod';
import { t } from '../messages.js';

/**
 * The edge check for what arrives at /api/messages: only the fields the bot relies on, with
 * the rest passed through untouched for botbuilder.
 */
export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
    from: z.looseObject({ id: z.string().min(1).max(1024), aadObjectId: z.string().max(128).optional() }),
    recipient: z.looseObject({ id: z.string().min(1).max(1024) }),
    text: z.string().max(28_000).optional(),
  })
  .loose();

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

export function describeActivityProblems(error: z.ZodError): string {
  const fields = [...new Set(error.issues.map((i) => i.path.join('.') || t('bot.wholeActivity')))];
  return t('bot.badActivity', { fields: fields.join(', ') });
}
