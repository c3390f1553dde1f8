/**
 * «poll-close» reminders for the reminder engine (issue 6's registry): before a planned close,
 * the deltakere who have not answered. For an anonymous poll the system does not look up who
 * answered (that would need the voter hash of every person, and the delivery report would then
 * name who took part), so everyone gets it, worded for both.
 */
import { reminderCard } from '../reminders/cards/reminder.js';
import { formatOsloInstant } from './cards/time.js';
import { findPoll } from './sql/polls.js';
import { describeLeadTime } from '../reminders/domain/reminders.js';
import type { Poll } from './domain/polls.js';
import type { ReminderKindDefinition, ReminderSubject } from '../reminders/kind-definition.js';
import { deltakereToRemindOfPoll, openPollIdsClosingAfter, pollNetworkIsActive } from './sql/reminders.js';
import { t } from './messages.js';

export interface PollSubject extends ReminderSubject {
  poll: Poll;
}

export const pollCloseReminders: ReminderKindDefinition<PollSubject> = {
  kind: 'poll-close',
  get label() {
    return t('reminder.label');
  },

  async load(db, subjectId) {
    const poll = await findPoll(db, subjectId);
    if (!poll || !poll.closesAt || poll.closedAt) return undefined;
    if (!(await pollNetworkIsActive(db, poll.networkId))) return undefined;
    return { id: poll.id, networkId: poll.networkId, deadline: poll.closesAt, title: poll.question, poll };
  },

  upcoming: (db, now) => openPollIdsClosingAfter(db, now),

  recipients: (db, subject) => deltakereToRemindOfPoll(db, subject.networkId, subject.id, subject.poll.anonymous),

  card(subject, context) {
    const { poll } = subject;
    return reminderCard({
      heading: t('reminder.heading', { when: describeLeadTime(poll.closesAt!, context.sentAt) }),
      title: poll.question,
      facts: [{ title: t('reminder.closes'), value: formatOsloInstant(poll.closesAt!) }],
      body: poll.anonymous ? t('reminder.anonymous') : t('reminder.notAnswered'),
      optOut: context.optOut,
    });
  },
};
