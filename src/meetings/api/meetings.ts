/**
 * The samling's Teams meeting in the tab (issue 14): what the side panel shows, and its «Åpne
 * nå» for a planned poll. Opening goes through the polls' own use case (openPollNow), which
 * posts the waiting cards and tells the meeting through the polls' announce port; this route
 * only says in the caller's language what came of it.
 */
import { managedPoll, pollDto } from '../../polls/api/polls.js';
import { pollStatus } from '../../polls/domain/polls.js';
import { openPollNow, type Opened } from '../../polls/lifecycle.js';
import { findPoll } from '../../polls/sql/polls.js';
import type { PollService } from '../../polls/service.js';
import { parse, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok } from '../../shared/result.js';
import type { OpenPollResponse } from '../contract.js';
import { panelQuerySchema } from '../input.js';
import { meetingPanel } from '../panel.js';
import { t } from '../messages.js';

/** The sentence the panel shows after «Åpne nå»: where the card went, and whether the meeting was notified. */
function openedMessage({ announced }: Opened): string {
  if (!announced.posted) return t('panel.opened');
  if (announced.notification === 'sendt') return t('panel.openedNotified');
  if (announced.notification === 'begrenset') return t('panel.openedLimited');
  return t('panel.openedPosted');
}

const refusal = (status: 'apen' | 'lukket') => fail('konflikt', status === 'apen' ? t('panel.alreadyOpen') : t('panel.alreadyClosed'));

export function meetingRoutes(polls: PollService): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/api/meetings/panel',
      async handle(ctx, { query }) {
        const input = parse(panelQuerySchema, query, t('panel.invalidQuery'));
        if (!input.ok) return input;
        // Which networks the caller may see is decided per network inside (policy.viewNetwork).
        return ok(await meetingPanel(ctx.db, polls, ctx.actor, { chat: input.value.chat, meeting: input.value.meeting || null }, ctx.now));
      },
    },
    {
      method: 'post',
      path: '/api/networks/:networkId/polls/:pollId/open',
      async handle(ctx, { params }) {
        // The facilitators, as for closing and reopening a poll.
        const found = await managedPoll({ ...ctx, polls }, params);
        if (!found.ok) return found;
        const { poll, network } = found.value;
        const status = pollStatus(poll, polls.now());
        if (status !== 'planlagt') return refusal(status);
        const opened = await openPollNow(polls, polls.jobs, network, ctx.actor, poll);
        if (!opened) {
          // Opened or closed in the meantime (a second press, the meeting's start).
          const fresh = (await findPoll(ctx.db, poll.id)) ?? poll;
          return refusal(pollStatus(fresh, polls.now()) === 'lukket' ? 'lukket' : 'apen');
        }
        return ok<OpenPollResponse>({
          poll: pollDto(opened.poll, polls.now(), { respondents: 0 }),
          posted: opened.posted + (opened.announced.posted ? 1 : 0),
          notification: opened.announced.notification,
          message: openedMessage(opened),
        });
      },
    },
  ];
}
