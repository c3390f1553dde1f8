/**
 * A samling's poll opened (the open route, the scheduled open, the meeting's start): its card goes
 * to the samling's meeting chat, with Teams' in-meeting notification when the meeting's limit
 * allows. The notification is Teams' content bubble: a small dialog over the meeting stage that
 * loads the tab's answer page (src/tab/meeting/AnswerView.tsx), which closes it once answered.
 * Implements the polls' port (src/polls/announce-port.ts), so polls never import meetings.
 */
import type { Logger } from '../platform/logging.js';
import type { AnnounceOutcome, PollAnnouncer } from '../polls/announce-port.js';
import type { Poll } from '../polls/domain/polls.js';
import { postCard } from '../polls/posting.js';
import type { PollService } from '../polls/service.js';
import { claimNotificationSlot, releaseNotificationSlot, runningMeetingOfItem, type NotificationLimits } from './sql/notifications.js';

/**
 * Every notification covers the meeting's stage for everyone in it, so they are few: Microsoft's
 * guidance is to use in-meeting dialogs sparingly, for brief tasks. A samling has a before-poll,
 * perhaps one or two in the middle and an after-poll. Two minutes between two gives people time to
 * answer one before the next covers it, and six an hour is more than a seminar needs but stops a
 * facilitator (or a script) from flooding the meeting. Beyond that the card still goes to the chat.
 * Kept in the database (meeting_notification), so the limit holds however many instances run.
 */
export const NOTIFICATION_LIMITS: NotificationLimits = { minGapMs: 2 * 60_000, perHour: 6 };

/**
 * The dialog's size in pixels. Teams' design guidance for in-meeting dialogs: 280–460 wide, 300
 * high; the widest leaves long options on one line, and the page scrolls vertically past 300.
 */
export const BUBBLE = { width: 460, height: 300 } as const;

/** In local mode without TEAMS_APP_ID: a stand-in, since no Teams client ever reads the link there. */
export const LOCAL_APP_ID = 'samlingspunkt-lokal';

const TITLE_CHARS = 60;

export interface MeetingAnnouncerOptions {
  mode: 'local' | 'production';
  /** TEAMS_APP_ID, the manifest's id, which the bubble link names. */
  teamsAppId: string | undefined;
  /** MicrosoftAppId: the bot that gets the dialog's result (completionBotId, optional for Teams). */
  botAppId: string | undefined;
  /**
   * The tab's address, ending in /tab/: https://<TAB_DOMAIN>/tab/ (a valid domain in the manifest,
   * as Teams requires of the bubble's page); in local mode without TAB_DOMAIN this server's own.
   * A function, because the local server's port is known only once it listens.
   */
  tabUrl(): string;
  log: Logger;
  limits?: NotificationLimits;
}

/** The answer page for one poll: what the bubble shows. */
export function answerPageUrl(tabUrl: string, poll: Pick<Poll, 'id' | 'networkId'>): string {
  const url = new URL(tabUrl);
  url.search = new URLSearchParams({ view: 'answer', network: poll.networkId, poll: poll.id }).toString();
  return url.toString();
}

/** Teams' deep link for a content bubble (Teams platform docs, «Send an in-meeting notification»). */
export function bubbleLink(appId: string, page: string, title: string, botAppId: string | undefined): string {
  const shortTitle = title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title;
  const query = [
    `url=${encodeURIComponent(page)}`,
    `height=${BUBBLE.height}`,
    `width=${BUBBLE.width}`,
    `title=${encodeURIComponent(shortTitle)}`,
    ...(botAppId ? [`completionBotId=${encodeURIComponent(botAppId)}`] : []),
  ];
  return `https://teams.microsoft.com/l/bubble/${encodeURIComponent(appId)}?${query.join('&')}`;
}

const NO_MEETING: AnnounceOutcome = { posted: false, notification: 'ingen-mote' };

export function createMeetingAnnouncer(polls: PollService, o: MeetingAnnouncerOptions): PollAnnouncer {
  const limits = o.limits ?? NOTIFICATION_LIMITS;
  // Production without the manifest's id: Teams could not resolve the bubble, so cards go without it.
  const appId = o.teamsAppId ?? (o.mode === 'local' ? LOCAL_APP_ID : undefined);
  if (!appId) o.log.warn('TEAMS_APP_ID mangler: målinger går til møtechatten uten varsling i møtet');

  return {
    async pollOpened(poll) {
      if (!poll.planItemId) return NO_MEETING;
      // A meeting the bot has had an event from, and that has not ended: its chat is stored.
      const meeting = await runningMeetingOfItem(polls.db, poll.planItemId);
      if (!meeting) return NO_MEETING;
      // Its card is in the meeting chat already (a «ny måling» typed there, posted when it opened).
      const existing = await polls.postFor(poll.id, meeting.chatId);
      if (existing?.activityId) return { posted: false, notification: 'begrenset' };

      const at = polls.now();
      const alert = appId ? await claimNotificationSlot(polls.db, meeting.meetingId, poll.id, at, limits) : false;
      const channelData = alert
        ? { notification: { alertInMeeting: true, externalResourceUrl: bubbleLink(appId!, answerPageUrl(o.tabUrl(), poll), poll.question, o.botAppId) } }
        : undefined;
      const posted = await postCard(polls, poll, { conversationId: meeting.chatId, conversationType: 'groupChat', ...(channelData ? { channelData } : {}) });
      // Nothing reached the meeting: the slot goes back. `notification` still says what it was sent with.
      if (alert && !posted) await releaseNotificationSlot(polls.db, meeting.meetingId, poll.id, at);
      const outcome: AnnounceOutcome = { posted, notification: alert ? 'sendt' : 'begrenset' };
      o.log.info({ pollId: poll.id, meetingId: meeting.meetingId, ...outcome }, 'Måling lagt ut i møtechatten');
      return outcome;
    },
  };
}
