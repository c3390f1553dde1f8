import { checkedRoute, type ApiRoute } from '../shared/api/context.js';
import { focusRoutes } from '../focus/api/focus.js';
import { mellomarbeidRoutes } from '../mellomarbeid/api/mellomarbeid.js';
import { memberRoutes } from '../network/api/members.js';
import { municipalityRoutes } from '../network/api/municipalities.js';
import { lifecycleRoutes } from '../network/api/lifecycle.js';
import { coordinatorRoutes } from '../network/api/coordinators.js';
import { networkRoutes } from '../network/api/networks.js';
import { planRoutes } from '../plan/api/plan.js';
import { planItemRoutes } from '../plan/api/plan-items.js';
import { planImportRoutes } from '../plan/import/api/import.js';
import { teamsMeetingRoutes } from '../plan/api/teams-meeting.js';
import type { TeamsMeetingCreator } from '../shared/teams-meetings.js';
import { holidayNameOn } from '../reminders/holiday-notice.js';
import { isChristmasWeek } from '../reminders/domain/holidays.js';
import { pollRoutes } from '../polls/api/polls.js';
import { pollVoteRoutes } from '../polls/api/vote.js';
import { personalRoutes } from '../personal/api/personal.js';
import type { PollService } from '../polls/service.js';
import { privacyRoutes } from '../privacy/api/privacy.js';
import { languageRoutes } from '../identity/api/language.js';
import { reflectionRoutes } from '../reflections/api/reflections.js';
import { notifyRemindersChanged, requestReplan, syncSubjectReminders } from '../reminders/engine.js';
import { registeredReminderKinds } from '../reminders/kinds.js';
import { remindersOfSubject } from '../reminders/sql/reminders.js';
import { findPoll } from '../polls/sql/polls.js';
import { reminderRoutes } from '../reminders/api/reminders.js';
import type { NetworkCreatorCheck } from '../network/setup/creators.js';
import { setupRoutes } from '../network/setup/api.js';
import { regionRoutes } from '../region/api/region.js';
import { reportingRoutes } from '../reporting/api/export.js';
import { attendanceRoutes } from '../attendance/api/attendance.js';
import { calendarRoutes } from '../calendar/api/calendar.js';
import { reflectionFollowupRoutes } from '../reflections/api/followup.js';
import { pollFollowupRoutes } from '../polls/api/followup.js';
import { meetingRoutes } from '../meetings/api/meetings.js';

export interface ApiServices {
  polls: PollService;
  /** Who may set up networks (NETWORK_CREATORS). */
  creators: NetworkCreatorCheck;
  /** A plan item's Teams meeting, made in Microsoft Graph on the facilitator's behalf. */
  meetings: TeamsMeetingCreator;
}

/**
 * Every tab API route. Each one authenticates, then asks the policy module before acting; the
 * text rule (src/shared/validation.ts) checks its raw path, query and body first. Capabilities
 * lower in the map get what they need from higher ones here (a plan item's reminders).
 */
export function createApiRoutes(services: ApiServices): readonly ApiRoute[] {
  return [
    ...networkRoutes,
    ...planRoutes,
    // A moved or deleted item takes its reminders, and the deadlines tied to it and theirs, along.
    ...planItemRoutes({
      syncReminders: (tx, kind, subjectId, now) => syncSubjectReminders(tx, kind, subjectId, now),
      plannedReminders: async (tx, kind, subjectId) =>
        (await remindersOfSubject(tx, kind, subjectId)).filter((r) => r.status === 'planlagt').map((r) => r.sendAt),
      afterCommit: async (db, { movedPollIds }) => {
        notifyRemindersChanged();
        // A moved close needs its own close job; the old one finds a different closes_at and does nothing.
        for (const pollId of movedPollIds) {
          const poll = await findPoll(db, pollId);
          services.polls.changed(pollId);
          if (poll) await services.polls.jobs?.scheduleClose(poll);
        }
      },
    }),
    ...teamsMeetingRoutes(services.meetings, { syncReminders: (tx, kind, subjectId, now) => syncSubjectReminders(tx, kind, subjectId, now), afterCommit: notifyRemindersChanged }),
    // A plan started from a template or a pasted table: each item with its reminders, as above.
    ...planImportRoutes({
      hooks: { inTransaction: (tx, itemId, now) => syncSubjectReminders(tx, 'plan-item', itemId, now), afterCommit: notifyRemindersChanged },
      calendar: { holidayName: holidayNameOn, isChristmasWeek },
    }),
    ...memberRoutes,
    ...municipalityRoutes,
    // An ended network's reminders stop, a reopened one's come back: its subjects re-planned.
    ...lifecycleRoutes({
      afterChange: async (ctx, networkId) => {
        await requestReplan(ctx.db, networkId, registeredReminderKinds().map((k) => k.kind));
      },
    }),
    ...coordinatorRoutes,
    ...privacyRoutes,
    ...languageRoutes,
    ...reflectionRoutes,
    ...mellomarbeidRoutes,
    ...focusRoutes,
    ...reminderRoutes,
    ...pollRoutes(services.polls),
    // Answering from the tab's personal view goes through the same PollService.vote as the card.
    ...pollVoteRoutes(services.polls),
    ...personalRoutes(services.polls),
    ...setupRoutes(services.creators),
    ...regionRoutes,
    ...reportingRoutes,
    ...attendanceRoutes,
    ...calendarRoutes,
    // «Hvem har ikke svart» and «Send påminnelse til disse» (issue 13), through the reminder engine.
    ...reflectionFollowupRoutes,
    ...pollFollowupRoutes,
    // The samling's Teams meeting: its side panel and «Åpne nå» (issue 14).
    ...meetingRoutes(services.polls),
  ].map(checkedRoute);
}
