import { reminderCard } from './cards/reminder.js';
import { formatLabel, kindLabel } from '../shared/labels.js';
import { describeLeadTime } from './domain/reminders.js';
import { formatOsloRange } from '../shared/time.js';
import type { PlanItem } from '../shared/types.js';
import { planItemOfActiveNetwork, upcomingPlanItemIds } from '../plan/sql/plan.js';
import { memberIdsOfNetwork } from '../network/sql/members.js';
import type { ReminderKindDefinition, ReminderSubject } from './kind-definition.js';

export interface PlanItemSubject extends ReminderSubject {
  item: PlanItem;
}

/** Plan items: everyone in the network (deltakere and fasilitatorer) before it starts. */
export const planItemReminders: ReminderKindDefinition<PlanItemSubject> = {
  kind: 'plan-item',
  label: 'aktivitet',

  async load(db, subjectId) {
    const item = await planItemOfActiveNetwork(db, subjectId);
    if (!item) return undefined;
    return { id: item.id, networkId: item.networkId, deadline: item.startsAt, title: item.title, item };
  },

  upcoming: upcomingPlanItemIds,

  recipients: (db, subject) => memberIdsOfNetwork(db, subject.networkId),

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
