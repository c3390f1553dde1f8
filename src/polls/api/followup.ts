/**
 * «Hvem har ikke svart» for a named poll (issue 13): the deltakere who have not answered, per
 * municipality, and «Send påminnelse til disse» through the reminder engine (a «manuell»
 * poll-close reminder, whose recipients are the same query). Facilitators only. An anonymous
 * poll is refused, not merely left out of the tab: its votes carry no member id, and a list of
 * who has not answered (or a reminder report naming its recipients) would say who has.
 */
import type { FollowupSubject } from '../../followup/service.js';
import { followupRoutes } from '../../followup/api/routes.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { decide, idFromPath, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { policy, type Actor, type Decision } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { Network } from '../../shared/types.js';
import { pollStatus } from '../domain/polls.js';
import { findPoll } from '../sql/polls.js';
import { deltakereToRemindOfPoll } from '../sql/reminders.js';
import { t } from '../messages.js';

async function subjectOf(
  ctx: ApiContext,
  params: Record<string, string | undefined>,
  rule: (actor: Actor, network: Network) => Decision,
): Promise<Result<FollowupSubject>> {
  const network = await authorizedNetwork(ctx, params.networkId, rule);
  if (!network.ok) return network;
  const id = idFromPath(params.pollId, t('api.pollId'));
  if (!id.ok) return id;
  const poll = await findPoll(ctx.db, id.value);
  if (!poll || poll.networkId !== network.value.id) return fail('finnes-ikke', t('api.notFound'));
  if (poll.anonymous) {
    const refused = decide(policy.followUpAnonymous(ctx.actor));
    if (!refused.ok) return refused;
  }
  return ok({
    reminderKind: 'poll-close',
    kind: 'maling',
    id: poll.id,
    networkId: network.value.id,
    regionId: network.value.regionId,
    title: poll.question,
    dueAt: poll.closesAt,
    open: pollStatus(poll, ctx.now) === 'apen',
    groupTask: false,
    // `everyone: false`: the named poll's non-voters, exactly the poll-close reminder's recipients.
    nonAnswerers: await deltakereToRemindOfPoll(ctx.db, network.value.id, poll.id, false),
  });
}

export const pollFollowupRoutes: ApiRoute[] = followupRoutes('/api/networks/:networkId/polls/:pollId', subjectOf);
