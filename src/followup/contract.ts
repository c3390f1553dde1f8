/**
 * «Hvem har ikke svart» (issue 13): the tab's view of who still owes a reflection task or a named
 * poll an answer, per municipality, and «Send påminnelse til disse». Facilitators only; an
 * anonymous poll or task is refused (src/shared/policy.ts, followUpAnonymous).
 */
import type { ReminderReach } from './domain/followup.js';

export type FollowupSubjectKind = 'refleksjon' | 'maling';

export interface FollowupPerson {
  memberId: string;
  name: string;
  /** «far»: the reminder reaches them; «avmeldt»: they said no to reminders; «utilgjengelig»: Teams cannot reach them. */
  reach: ReminderReach;
}

export interface FollowupGroup {
  municipalityNumber: string | null;
  /** null for someone without a municipality in the network. */
  municipalityName: string | null;
  people: FollowupPerson[];
}

export interface FollowupReminderView {
  reminderId: string;
  /** When it was asked for (and goes out: at once). */
  requestedAt: string;
  status: 'planlagt' | 'sender' | 'ferdig' | 'avlyst' | 'hoppet-over';
  finishedAt: string | null;
  /** People the fan-out gave it to, without those who said no (0 until it has started). */
  recipients: number;
  sent: number;
}

/** GET /api/networks/:networkId/reflections/:taskId/followup and …/polls/:pollId/followup */
export interface FollowupResponse {
  subject: { kind: FollowupSubjectKind; id: string; title: string; dueAt: string | null; open: boolean; groupTask: boolean };
  /** Everyone who has not answered (for a group task: the deltakere of municipalities without an answer). */
  total: number;
  /** Of those, how many a reminder would reach now. */
  willBeReminded: number;
  groups: FollowupGroup[];
  canRemind: boolean;
  /** Why not, in the reader's language, when canRemind is false. */
  remindBlocked: string | null;
  lastReminder: FollowupReminderView | null;
  /** Until then another request returns the last reminder instead of sending again. */
  nextAllowedAt: string | null;
  timeZone: string;
}

/** POST …/followup/remind: a new reminder, or (`repeated`) the one already made inside the interval. */
export interface FollowupRemindResponse {
  repeated: boolean;
  reminder: FollowupReminderView;
  willBeReminded: number;
  /** «Påminnelsen sendes nå til 3 personer.» / «Påminnelsen ble sendt … ; neste kan sendes …» */
  message: string;
}
