/**
 * «mellomarbeid-due» reminders for the reminder engine's registry (registered in src/app/app.ts):
 * before an assignment's due time, the deltakere of municipalities that have not delivered.
 * The engine removes opt-outs and the unreachable.
 */
import { formatDeadline, reminderCard } from '../reminders/cards/reminder.js';
import { describeLeadTime } from '../reminders/domain/reminders.js';
import type { ReminderKindDefinition } from '../reminders/kind-definition.js';
import { assignmentToRemind, deltakereWithoutDelivery, upcomingAssignmentIds } from './sql/reminders.js';

/** Mellomarbeid due: deltakere of the municipalities whose status is not «levert» (or later). */
export const mellomarbeidDueReminders: ReminderKindDefinition = {
  kind: 'mellomarbeid-due',
  label: 'mellomarbeid',

  async load(db, subjectId) {
    const r = await assignmentToRemind(db, subjectId);
    return r && { id: r.id, networkId: r.networkId, deadline: r.dueAt, title: r.title };
  },

  upcoming: upcomingAssignmentIds,

  recipients: (db, subject) => deltakereWithoutDelivery(db, subject.networkId, subject.id),

  card(subject, context) {
    return reminderCard({
      heading: `Påminnelse: mellomarbeid, frist ${describeLeadTime(subject.deadline, context.sentAt)}`,
      title: subject.title,
      facts: [
        { title: 'Frist', value: formatDeadline(subject.deadline) },
        { title: 'Status', value: 'ikke levert ennå fra kommunen din' },
      ],
      body: 'Skriv «mellomarbeid» for å se oppgaven og levere for kommunen.',
      optOut: context.optOut,
    });
  },
};
