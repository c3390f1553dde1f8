/**
 * What the polls ask of the meeting when one of a samling's polls opens (issue 14): its card in
 * the meeting chat, with Teams' in-meeting notification when the per-meeting limit allows it.
 * A port, as job-port.ts is: src/meetings/notify.ts implements it, so polls never import meetings.
 * The open route, the scheduled open and the meeting-start event all go through it.
 */
import type { Poll } from './domain/polls.js';

export type AnnounceOutcome = {
  /** The card went to the meeting chat. */
  posted: boolean;
  /** sendt: with the in-meeting notification; begrenset: held back by the limit; ingen-mote: the poll's samling has no meeting the bot knows. */
  notification: 'sendt' | 'begrenset' | 'ingen-mote';
};

export interface PollAnnouncer {
  pollOpened(poll: Poll): Promise<AnnounceOutcome>;
}
