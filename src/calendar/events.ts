import { bodyLabel, formatLabel, kindLabel } from '../shared/labels.js';
import type { Actor } from '../shared/policy.js';
import type { CalendarEvent } from './feed.js';
import { t } from './messages.js';
import type { DeadlineRow, PlanEventRow, SlotRow } from './sql/events.js';

const UID_DOMAIN = 'samlingspunkt';

/** A plan item, or one municipality's slot of it (veiledning per kommune), as an event. */
export function planItemEvent(item: PlanEventRow, slot?: SlotRow): CalendarEvent {
  const lines = [
    t('event.kindAndFormat', { kind: kindLabel[item.kind], format: formatLabel[item.format] }),
    t('event.network', { network: item.networkName }),
    ...(item.responsibleBody ? [t('event.organiser', { body: bodyLabel[item.responsibleBody] })] : []),
    ...(slot ? [t('event.slot', { municipality: slot.municipalityName })] : []),
    ...(item.agenda ? ['', item.agenda] : []),
    // Outlook shows URL nowhere obvious: the link is in the text too, where it can be clicked.
    ...(item.meetingUrl ? ['', t('event.join', { url: item.meetingUrl })] : []),
  ];
  return {
    uid: slot ? `plan-item-${item.id}-${slot.municipalityNumber}@${UID_DOMAIN}` : `plan-item-${item.id}@${UID_DOMAIN}`,
    sequence: item.sequence,
    start: slot?.startsAt ?? item.startsAt,
    end: slot?.endsAt ?? item.endsAt,
    summary: item.title,
    description: lines.join('\n'),
    location: formatLabel[item.format],
    url: item.meetingUrl,
    lastModified: item.updatedAt,
    busy: true,
  };
}

export function reflectionDeadlineEvent(task: DeadlineRow): CalendarEvent {
  return {
    uid: `reflection-task-${task.id}@${UID_DOMAIN}`,
    sequence: task.sequence,
    start: task.dueAt,
    end: null,
    summary: t('event.reflectionTitle', { title: task.title }),
    description: t('event.reflectionBody', { network: task.networkName }),
    location: null,
    url: null,
    lastModified: task.createdAt,
    busy: false,
  };
}

export function mellomarbeidDeadlineEvent(work: DeadlineRow): CalendarEvent {
  return {
    uid: `mellomarbeid-${work.id}@${UID_DOMAIN}`,
    sequence: work.sequence,
    start: work.dueAt,
    end: null,
    summary: t('event.mellomarbeidTitle', { title: work.title }),
    description: t('event.mellomarbeidBody', { municipality: work.municipalityName ?? '', network: work.networkName }),
    location: null,
    url: null,
    lastModified: work.createdAt,
    busy: false,
  };
}

/** Every item of a network's plan, as the plan view lists them. */
export function networkPlanEvents(items: readonly PlanEventRow[]): CalendarEvent[] {
  return items.map((i) => planItemEvent(i));
}

/**
 * A person's own sessions: every item of their networks, except that a deltaker sees a
 * veiledning per kommune at their own municipality's time (and not at all without one).
 */
export function personalPlanEvents(actor: Actor, items: readonly PlanEventRow[], slots: readonly SlotRow[]): CalendarEvent[] {
  return items.flatMap((item) => {
    const own = actor.memberships.find((m) => m.networkId === item.networkId);
    const itemSlots = slots.filter((s) => s.planItemId === item.id);
    if (own?.role !== 'deltaker' || itemSlots.length === 0) return [planItemEvent(item)];
    const mine = itemSlots.find((s) => s.municipalityNumber === own.municipalityNumber);
    return mine ? [planItemEvent(item, mine)] : [];
  });
}
