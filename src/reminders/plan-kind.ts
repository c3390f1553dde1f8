import { reminderCard } from './cards/reminder.js';
import { formatLabel, kindLabel } from '../shared/labels.js';
import { describeLeadTime } from './domain/reminders.js';
import { formatOsloRange } from '../shared/time.js';
import type { PlanItem } from '../shared/types.js';
import { planItemOfActiveNetwork, upcomingPlanItemIds } from '../plan/sql/plan.js';
import { memberIdsOfNetwork } from '../network/sql/members.js';
import type { ReminderKindDefinition, ReminderSubject } from './kind-definition.js';
import { t } from './messages.js';

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
      heading: t('planItem.heading', { kind: kindLabel[item.kind].toLowerCase(), lead: describeLeadTime(item.startsAt, context.sentAt) }),
      title: item.title,
      facts: [
        { title: t('planItem.when'), value: formatOsloRange(item.startsAt, item.endsAt) },
        { title: t('planItem.format'), value: formatLabel[item.format] },
      ],
      body: item.agenda ? t('planItem.agenda', { agenda: item.agenda }) : null,
      link: item.meetingUrl ? { title: t('planItem.join'), url: item.meetingUrl } : null,
      optOut: context.optOut,
    });
  },
};
