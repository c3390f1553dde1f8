/**
 * «reflection-due» reminders for the reminder engine's registry (registered in src/app/app.ts):
 * before a reflection task's due time, the deltakere who still owe an answer. The engine
 * removes opt-outs and the unreachable.
 */
import { formatDeadline, reminderCard } from '../reminders/cards/reminder.js';
import { describeLeadTime } from '../reminders/domain/reminders.js';
import type { ReminderKindDefinition, ReminderSubject } from '../reminders/kind-definition.js';
import type { AnswerMode } from './domain/reflections.js';
import { deltakereWithoutAnswer, reflectionTaskToRemind, upcomingReflectionTaskIds } from './sql/reminders.js';
import { t } from './messages.js';

export interface ReflectionSubject extends ReminderSubject {
  answerMode: AnswerMode;
  firstPrompt: string | null;
}

/** Reflection due: deltakere without an answer (personal tasks), or of municipalities without one (group tasks). */
export const reflectionDueReminders: ReminderKindDefinition<ReflectionSubject> = {
  kind: 'reflection-due',
  get label() {
    return t('reminder.label');
  },

  async load(db, subjectId) {
    const r = await reflectionTaskToRemind(db, subjectId);
    return r && { id: r.id, networkId: r.networkId, deadline: r.dueAt, title: r.title, answerMode: r.answerMode, firstPrompt: r.firstPrompt };
  },

  upcoming: upcomingReflectionTaskIds,

  recipients: (db, subject) => deltakereWithoutAnswer(db, subject.networkId, subject.id, subject.answerMode),

  card(subject, context) {
    return reminderCard({
      heading: t('reminder.heading', { when: describeLeadTime(subject.deadline, context.sentAt) }),
      title: subject.title,
      facts: [
        { title: t('reminder.due'), value: formatDeadline(subject.deadline) },
        { title: t('reminder.answer'), value: subject.answerMode === 'kommune' ? t('reminder.groupAnswer') : t('reminder.ownAnswer') },
      ],
      body: [subject.firstPrompt ? t('reminder.prompt', { prompt: subject.firstPrompt }) : null, t('reminder.where')]
        .filter(Boolean)
        .join('\n\n'),
      optOut: context.optOut,
    });
  },
};
