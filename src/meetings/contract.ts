/**
 * The tab API of the samling's Teams meeting (issue 14): what the side panel, the meeting chat
 * tab, the details tab and the stage ask the server, as types only. The tab sees these through
 * `Json<…>` (src/shared/json.ts). Results themselves come from the polls' own route
 * (GET /api/networks/:networkId/polls/:pollId), read as the viewer, so the stage shows each
 * person only what the small-group rule lets them see.
 */
import type { Answer } from '../polls/domain/polls.js';
import type { PollView } from '../polls/contract.js';
import type { PlanItemView } from '../plan/contract.js';
import type { PersonalReflection } from '../personal/contract.js';
import type { Role } from '../shared/types.js';

/** A poll of the samling, with the caller's own answer (null: not answered, or not theirs to answer). */
export interface MeetingPoll {
  poll: PollView;
  myAnswer: Answer | null;
  /** The facilitator set it to open when the Teams meeting starts. */
  opensAtMeetingStart: boolean;
  /** «før» (it has an after-poll, or may get one), «etter» (it repeats a before-poll). */
  phase: 'for' | 'etter';
}

/**
 * GET /api/meetings/panel?chat=<the meeting chat's thread id>&meeting=<meeting id, optional>
 * The samling the meeting belongs to: the plan item whose Teams link names this chat thread
 * (or that a meeting event already tied to it), in a network the caller may see.
 */
export type MeetingPanelResponse =
  | { found: false }
  | {
      found: true;
      timeZone: string;
      networkId: string;
      networkName: string;
      role: Role;
      /** May open, close and repeat the polls (the network's facilitators). */
      canManage: boolean;
      item: PlanItemView;
      /** The meeting as the bot has seen it; null before any event from it. */
      meeting: { meetingId: string; startedAt: string | null; endedAt: string | null } | null;
      /** The samling's polls, before-polls first, each followed by its after-poll. */
      polls: MeetingPoll[];
      /** The session's reflection task for the caller to answer (a deltaker), if any. */
      reflection: PersonalReflection | null;
    };

/** POST /api/networks/:networkId/polls/:pollId/open: a planned poll opened now (the side panel's «Åpne nå»). */
export interface OpenPollResponse {
  poll: PollView;
  /** Cards posted now (the meeting chat, the channels it was planned for). */
  posted: number;
  /** The in-meeting notification: sent, held back by the per-meeting limit, or no meeting to send it to. */
  notification: 'sendt' | 'begrenset' | 'ingen-mote';
  /** The sentence the panel shows about it, in the caller's language. */
  message: string;
}
