import { isClockTime, reminderKinds } from './domain/reminders.js';
import { z } from '../shared/validation.js';

const clock = z.string({ error: 'må være et klokkeslett TT:MM' }).refine(isClockTime, 'må være et klokkeslett TT:MM, f.eks. 09:00');

export const ruleSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('days-before'),
      days: z.number({ error: 'må være et tall' }).int('må være et heltall').min(0, 'kan ikke være negativ').max(30, 'kan være maks 30'),
      at: clock,
    }),
    z.object({
      type: z.literal('minutes-before'),
      minutes: z.number({ error: 'må være et tall' }).int('må være et heltall').min(1, 'må være minst 1').max(10_080, 'kan være maks 10080 (en uke)'),
    }),
  ],
  { error: 'må være enten et antall dager før med klokkeslett, eller et antall minutter før' },
);

const rulesSchema = z.array(ruleSchema).max(5, 'kan være maks 5 påminnelser');

/** PUT /api/networks/:networkId/reminder-settings */
export const reminderSettingsSchema = z.object({
  quietHours: z.object({
    from: clock,
    to: clock,
    weekends: z.boolean({ error: 'må være true eller false' }),
    // Optional: left out, they follow `weekends` (see saveReminderSettings).
    holidays: z.boolean({ error: 'må være true eller false' }).optional(),
    christmasWeek: z.boolean({ error: 'må være true eller false' }).optional(),
  }),
  rules: z.partialRecord(z.enum(reminderKinds), rulesSchema).optional(),
});

/** PUT /api/networks/:networkId/plan/:itemId/reminders */
export const subjectRulesSchema = z.object({ rules: rulesSchema.nullable() });
/** POST /api/networks/:networkId/plan/:itemId/reminders/send */
export const sendNowSchema = z.object({
  inMinutes: z.number({ error: 'må være et tall' }).int('må være et heltall').min(0, 'kan ikke være negativ').max(1440, 'kan være maks 1440').default(0),
});
