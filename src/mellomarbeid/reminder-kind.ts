/**
 * «mellomarbeid-due» reminders for the reminder engine's registry (registered in src/app/app.ts):
 * before an assignment's due time, the deltakere of municipalities that have not delivered.
 * The engine removes opt-outs and the unreachable, and builds each card in its recipient's language.
 */
import { formatDeadline, reminderCard } from '../reminders/cards/reminder.js';
import { describeLeadTime } from '../reminders/domain/reminders.js';
import type { ReminderKindDefinition } from '../reminders/kind-definition.js';
import { assignmentToRemind, deltakereWithoutDelivery, upcomingAssignmentIds } from './sql/reminders.js';
import { t } from './messages.js';

/** Mellomarbeid due: deltakere of the municipalities whose status is not «levert» (or later). */
export const mellomarbeidDueReminders: ReminderKindDefinition = {
  kind: 'mellomarbeid-due',
  get label() {
    return t('reminder.label');
  },

  async load(db, subjectId) {
    const r = await assignmentToRemind(db, subjectId);
    return r && { id: r.id, networkId: r.networkId, deadline: r.dueAt, title: r.title };
  },

  upcoming: upcomingAssignmentIds,

  recipients: (db, subject) => deltakereWithoutDelivery(db, subject.networkId, subject.id),

  card(subject, context) {
    return reminderCard({
      heading: t('reminder.heading', { when: describeLeadTime(subject.deadline, context.sentAt) }),
      title: subject.title,
      facts: [
        { title: t('reminder.due'), value: formatDeadline(subject.deadline) },
        { title: t('reminder.status'), value: t('reminder.notDelivered') },
      ],
      body: t('reminder.body'),
      optOut: context.optOut,
    });
  },
};
