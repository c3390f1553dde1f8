/**
 * The one way attendance is written. The check-list, the Teams report import and (when the
 * meetings issue lands) the meeting-end handler all come through `recordAttendance`, which
 * checks the plan item and writes in the caller's transaction. The policy is asked by the
 * caller: a route asks policy.recordAttendance, a meeting event is the app's own (recordedBy null).
 */
import type { Queryable } from '../platform/db/port.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { PlanItem } from '../shared/types.js';
import { findPlanItem } from '../plan/sql/plan.js';
import { membersOfNetwork } from '../network/sql/members.js';
import { t } from './messages.js';
import {
  removeMemberAttendance,
  upsertGuestAttendance,
  upsertMemberAttendance,
  type AttendanceSource,
  type GuestAttendee,
  type MemberAttendee,
} from './sql/attendance.js';

/** The plan item attendance is for: in the network, not mellomarbeid (no meeting), and started. */
export async function attendableItem(db: Queryable, networkId: string, itemId: string, now: Date, requireStarted = true): Promise<Result<PlanItem>> {
  const item = await findPlanItem(db, networkId, itemId);
  if (!item) return fail('finnes-ikke', t('api.itemNotFound'));
  if (item.kind === 'mellomarbeid') return fail('konflikt', t('api.notForKind'));
  if (requireStarted && item.startsAt > now) return fail('konflikt', t('api.notStarted'));
  return ok(item);
}

export interface RecordInput {
  networkId: string;
  planItemId: string;
  source: AttendanceSource;
  /** The facilitator who recorded it; null for the app's own (a meeting's end event). */
  recordedBy: string | null;
  members: readonly MemberAttendee[];
  guests?: readonly GuestAttendee[];
  /** The check-list says who was there, so everyone else is unticked; an import or a meeting only adds. */
  replaceMembers?: boolean;
  now: Date;
}

export async function recordAttendance(db: Queryable, input: RecordInput): Promise<Result<{ members: number; guests: number; removed: number }>> {
  const item = await attendableItem(db, input.networkId, input.planItemId, input.now);
  if (!item.ok) return item;
  // Facilitators run the samling; only deltakere are counted (the check-list and the import say so).
  const deltakere = new Set((await membersOfNetwork(db, input.networkId)).filter((m) => m.role === 'deltaker').map((m) => m.memberId));
  if (input.members.some((m) => !deltakere.has(m.memberId))) return fail('ugyldig-forespørsel', t('api.notDeltaker'), 'memberIds'); // i18n-ignore: a code
  const removed = input.replaceMembers ? await removeMemberAttendance(db, input.networkId, input.planItemId, input.members.map((m) => m.memberId)) : 0;
  const members = await upsertMemberAttendance(db, input.networkId, input.planItemId, input.members, input.source, input.recordedBy, input.now);
  const guests = await upsertGuestAttendance(db, input.networkId, input.planItemId, input.guests ?? [], input.source, input.recordedBy, input.now);
  return ok({ members, guests, removed });
}

/**
 * For the meeting-end handler of the meetings issue: the people Teams says were in the
 * samling's meeting, by Entra object id. Members who are deltakere are recorded (source
 * «meeting»); the count of everyone else comes back so the handler can tell the facilitators.
 */
export async function recordMeetingAttendance(
  db: Queryable,
  input: { networkId: string; planItemId: string; participants: readonly { aadObjectId: string; minutes?: number | null }[]; now: Date },
): Promise<Result<{ members: number; unknown: number }>> {
  const members = await membersOfNetwork(db, input.networkId);
  const byAad = new Map(members.filter((m) => m.role === 'deltaker').map((m) => [m.aadObjectId.toLowerCase(), m.memberId]));
  const facilitators = new Set(members.filter((m) => m.role === 'fasilitator').map((m) => m.aadObjectId.toLowerCase()));
  const known = input.participants.filter((p) => byAad.has(p.aadObjectId.toLowerCase()));
  const unknown = input.participants.filter((p) => !byAad.has(p.aadObjectId.toLowerCase()) && !facilitators.has(p.aadObjectId.toLowerCase())).length;
  const recorded = await recordAttendance(db, {
    networkId: input.networkId,
    planItemId: input.planItemId,
    source: 'meeting',
    recordedBy: null,
    members: known.map((p) => ({ memberId: byAad.get(p.aadObjectId.toLowerCase())!, minutes: p.minutes ?? null })),
    now: input.now,
  });
  return recorded.ok ? ok({ members: recorded.value.members, unknown }) : recorded;
}
