import { isClockTime, reminderKinds } from './domain/reminders.js';
import { z } from '../shared/validation.js';
import { t } from './messages.js';

// Each message is read when a refusal is written, so it is in the reader's language; the
// field's label in front of it («Stille fra: …») comes from src/shared/validation.ts.
const say =
  (key: Parameters<typeof t>[0], vars?: Record<string, number>) =>
  () =>
    t(key, vars);
const num = () => z.number({ error: say('input.number') }).int({ error: say('input.integer') });

const clock = z.string({ error: say('input.clock') }).refine(isClockTime, { error: say('input.clockExample') });

export const ruleSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('days-before'),
      days: num().min(0, { error: say('input.notNegative') }).max(30, { error: say('input.atMost', { max: 30 }) }),
      at: clock,
    }),
    z.object({
      type: z.literal('minutes-before'),
      minutes: num().min(1, { error: say('input.atLeast', { min: 1 }) }).max(10_080, { error: say('input.atMostMinutes') }),
    }),
  ],
  { error: say('input.ruleShape') },
);

const rulesSchema = z.array(ruleSchema).max(5, { error: say('input.atMostRules') });
const flag = () => z.boolean({ error: say('input.boolean') });

/** PUT /api/networks/:networkId/reminder-settings */
export const reminderSettingsSchema = z.object({
  quietHours: z.object({
    from: clock,
    to: clock,
    weekends: flag(),
    // Optional: left out, they follow `weekends` (see saveReminderSettings).
    holidays: flag().optional(),
    christmasWeek: flag().optional(),
  }),
  rules: z.partialRecord(z.enum(reminderKinds), rulesSchema).optional(),
});

/** PUT /api/networks/:networkId/plan/:itemId/reminders */
export const subjectRulesSchema = z.object({ rules: rulesSchema.nullable() });
/** POST /api/networks/:networkId/plan/:itemId/reminders/send */
export const sendNowSchema = z.object({
  inMinutes: num()
    .min(0, { error: say('input.notNegative') })
    .max(1440, { error: say('input.atMost', { max: 1440 }) })
    .default(0),
});
