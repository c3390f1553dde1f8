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
import type { ReminderKindDefinition, ReminderSubject } from '../reminders/kinds.js';

export interface PollSubject extends ReminderSubject {
  poll: Poll;
}

export const pollCloseReminders: ReminderKindDefinition<PollSubject> = {
  kind: 'poll-close',
  label: 'måling',

  async load(db, subjectId) {
    const poll = await findPoll(db, subjectId);
    if (!poll || !poll.closesAt || poll.closedAt) return undefined;
    const { rows } = await db.query(`SELECT 1 FROM network WHERE id = $1 AND archived_at IS NULL`, [poll.networkId]);
    if (rows.length === 0) return undefined;
    return { id: poll.id, networkId: poll.networkId, deadline: poll.closesAt, title: poll.question, poll };
  },

  async upcoming(db, now) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT p.id FROM poll p JOIN network n ON n.id = p.network_id
        WHERE p.closes_at > $1 AND p.closed_at IS NULL AND n.archived_at IS NULL ORDER BY p.closes_at`,
      [now.toISOString()],
    );
    return rows.map((r) => r.id);
  },

  async recipients(db, subject) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT nm.member_id AS id FROM network_member nm
        WHERE nm.network_id = $1 AND nm.role = 'deltaker'
          AND ($3 OR NOT EXISTS (SELECT 1 FROM poll_vote v WHERE v.poll_id = $2 AND v.member_id = nm.member_id))`,
      [subject.networkId, subject.id, subject.poll.anonymous],
    );
    return rows.map((r) => r.id);
  },

  card(subject, context) {
    const { poll } = subject;
    return reminderCard({
      heading: `Påminnelse: målingen lukkes ${describeLeadTime(poll.closesAt!, context.sentAt)}`,
      title: poll.question,
      facts: [{ title: 'Lukkes', value: formatOsloInstant(poll.closesAt!) }],
      body: poll.anonymous
        ? 'Målingen er anonym, så jeg vet ikke om du har svart. Har du det, kan du se bort fra denne. Svar på kortet, eller skriv **målinger** til meg.'
        : 'Du har ikke svart ennå. Svar på kortet, eller skriv **målinger** til meg.',
      optOut: context.optOut,
    });
  },
};
