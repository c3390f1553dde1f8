/** The personal view's one write: the person's own reminders on or off. */
import { z } from '../shared/validation.js';
import { t } from './messages.js';

export const remindersSchema = z.object({
  enabled: z.boolean({ error: () => t('api.remindersOnOff') }),
});
