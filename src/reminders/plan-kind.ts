import { reminderCard } from './cards/reminder.js';
import type { Queryable } from '../platform/db/port.js';
import { formatLabel, kindLabel } from '../shared/labels.js';
import { describeLeadTime } from './domain/reminders.js';
import { formatOsloRange } from '../shared/time.js';
import type { PlanItem } from '../shared/types.js';
import type { ReminderKindDefinition, ReminderSubject } from './kinds.js';

export interface PlanItemSubject extends ReminderSubject {
  item: PlanItem;
}

/** Plan items: everyone in the network (deltakere and fasilitatorer) before it starts. */
export const planItemReminders: ReminderKindDefinition<PlanItemSubject> = {
  kind: 'plan-item',
  label: 'aktivitet',

  async load(db, subjectId) {
    const { rows } = await db.query<PlanItem>(
      `SELECT p.id, p.network_id AS "networkId", p.kind, p.title, p.agenda, p.starts_at AS "startsAt", p.ends_at AS "endsAt",
              p.format, p.responsible_body AS "responsibleBody", p.meeting_url AS "meetingUrl"
         FROM plan_item p JOIN network n ON n.id = p.network_id
        WHERE p.id = $1 AND n.archived_at IS NULL`,
      [subjectId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const item = { ...row, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) };
    return { id: item.id, networkId: item.networkId, deadline: item.startsAt, title: item.title, item };
  },

  async upcoming(db: Queryable, now: Date, networkId?: string) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT p.id FROM plan_item p JOIN network n ON n.id = p.network_id
        WHERE p.starts_at > $1 AND n.archived_at IS NULL AND ($2::uuid IS NULL OR p.network_id = $2) ORDER BY p.starts_at`,
      [now.toISOString(), networkId ?? null],
    );
    return rows.map((r) => r.id);
  },

  async recipients(db, subject) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT nm.member_id AS id FROM network_member nm WHERE nm.network_id = $1`,
      [subject.networkId],
    );
    return rows.map((r) => r.id);
  },

  card(subject, context) {
    const { item } = subject;
    return reminderCard({
      heading: `Påminnelse: ${kindLabel[item.kind].toLowerCase()} ${describeLeadTime(item.startsAt, context.sentAt)}`,
      title: item.title,
      facts: [
        { title: 'Når', value: formatOsloRange(item.startsAt, item.endsAt) },
        { title: 'Format', value: formatLabel[item.format] },
      ],
      body: item.agenda ? `**Agenda:** ${item.agenda}` : null,
      link: item.meetingUrl ? { title: 'Bli med i Teams-møtet', url: item.meetingUrl } : null,
      optOut: context.optOut,
    });
  },
};
