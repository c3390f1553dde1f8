/**
 * What belongs on one person's own page, as pure rules: which plan items are their coming
 * sessions (and at whose time), and in which order tasks are shown.
 */
import type { PlanItem } from '../../shared/types.js';

/** How many coming sessions the page lists, across all networks. */
export const MAX_SESSIONS = 5;

export interface SlotTime {
  planItemId: string;
  municipalityNumber: string;
  startsAt: Date;
  endsAt: Date;
}

export interface SessionTime {
  item: PlanItem;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The person's coming sessions in one network: every meeting kind (mellomarbeid is work, not a
 * session) not yet over. A veiledning given per municipality is theirs only at their own
 * municipality's slot; with no slot for them it is someone else's session.
 */
export function comingSessions(items: readonly PlanItem[], slots: readonly SlotTime[], municipalityNumber: string | null, now: Date): SessionTime[] {
  const out: SessionTime[] = [];
  for (const item of items) {
    if (item.kind === 'mellomarbeid') continue;
    const itemSlots = slots.filter((s) => s.planItemId === item.id);
    let time: { startsAt: Date; endsAt: Date } = item;
    if (itemSlots.length > 0) {
      const mine = itemSlots.find((s) => s.municipalityNumber === municipalityNumber);
      if (!mine) continue;
      time = mine;
    }
    if (time.endsAt.getTime() > now.getTime()) out.push({ item, startsAt: time.startsAt, endsAt: time.endsAt });
  }
  return out;
}

/** The first few sessions of all networks together, soonest first. */
export function soonestFirst<T extends { startsAt: Date }>(sessions: readonly T[], max = MAX_SESSIONS): T[] {
  return [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, max);
}

/** Open tasks due soonest first; what is done waits below what still needs doing. */
export function dueSoonestFirst<T extends { dueAt: Date; done: boolean }>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => Number(a.done) - Number(b.done) || a.dueAt.getTime() - b.dueAt.getTime());
}
