/**
 * Answering a poll from the tab (the personal view, issue 13): the same steps as the card's
 * «Svar» (src/polls/bot/actions.ts): the policy, checkAnswer, and PollService.vote, which writes
 * through the one vote statement and schedules the shared cards' update. Only the way in differs.
 */
import { voterOf } from '../voter.js';
import { findPoll } from '../sql/polls.js';
import { pollPolicy } from '../../shared/policy.js';
import { checkAnswer, pollStatus } from '../domain/polls.js';
import type { PollVoteResponse } from '../contract.js';
import type { Voter } from '../service.js';
import type { PollService } from '../service.js';
import { decide, idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { networkFromPath } from '../../network/api/access.js';
import { fail, invalid, ok } from '../../shared/result.js';
import { z } from '../../shared/validation.js';
import { pollDto } from './polls.js';
import { t } from '../messages.js';

// The answer's shape is the poll's (a choice index, several, a scale value, a text): checkAnswer decides.
const voteSchema = z.object({ answer: z.unknown() });

export function pollVoteRoutes(polls: PollService): ApiRoute[] {
  return [
    {
      method: 'put',
      path: '/api/networks/:networkId/polls/:pollId/vote',
      async handle(ctx, { params, body }) {
        const network = await networkFromPath(ctx, params.networkId);
        if (!network.ok) return network;
        const allowed = decide(pollPolicy.vote(ctx.actor, network.value));
        if (!allowed.ok) return allowed;
        const pollId = idFromPath(params.pollId, t('api.pollId'));
        if (!pollId.ok) return pollId;
        const poll = await findPoll(ctx.db, pollId.value);
        if (!poll || poll.networkId !== network.value.id) return fail('finnes-ikke', t('api.notFound'));
        const input = parse(voteSchema, body ?? {});
        if (!input.ok) return input;
        const checked = checkAnswer(poll, input.value.answer);
        if (!checked.ok) return invalid(t('bot.answerRefused', { reason: checked.error.message }), 'answer');
        const { outcome, seq } = await polls.vote(poll, voterOf(ctx, network.value.id), checked.value);
        if (outcome === 'ikke-apen') {
          polls.changed(poll.id);
          const fresh = (await findPoll(ctx.db, poll.id)) ?? poll;
          return fail('konflikt', pollStatus(fresh, ctx.now) === 'planlagt' ? t('bot.notOpenYet') : t('bot.closedNotSaved'));
        }
        const fullBreakdown = pollPolicy.seeFullPollBreakdown(ctx.actor, network.value).allowed;
        const results = await polls.resultsOf(poll, await polls.tally(poll.id, seq), { fullBreakdown });
        return ok<PollVoteResponse>({
          outcome,
          message: outcome === 'ny' ? t('bot.saved') : outcome === 'endret' ? t('bot.changed') : t('bot.unchanged'),
          poll: pollDto(poll, ctx.now, { respondents: results.respondents }),
          myAnswer: checked.value,
        });
      },
    },
  ];
}
