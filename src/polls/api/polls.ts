/**
 * Tab API for polls: list, create (and post into the network's channel), results with the
 * before/after comparison, close/reopen/repeat, and CSV/XLSX export. The policy module decides;
 * anonymous results are suppressed below five answers here exactly as on the cards, and a
 * named poll's small groups are merged for everyone but facilitators and coordinators.
 */
import { exportRows } from '../sql/votes.js';
import { channelTargets } from '../sql/posts.js';
import { findPoll, findRepeatOf, listPolls } from '../sql/polls.js';
import { findPlanItem } from '../../plan/sql/plan.js';
import { policy, pollPolicy } from '../../shared/policy.js';
import { comparePolls } from '../domain/compare.js';
import { pollStatus, type Poll } from '../domain/polls.js';
import { OSLO } from '../../shared/time.js';
import type { Network } from '../../shared/types.js';
import { exportFileName, pollCsv, pollXlsx } from '../export.js';
import { newPollSchema, repeatSchema, toNewPoll } from '../input.js';
import type { NewPollResponse, PollChangeResponse, PollListResponse, PollResultsResponse, PollView, RepeatPollResponse } from '../contract.js';
import { closePollNow, createPoll, reopenPollNow } from '../lifecycle.js';
import type { PostTarget } from '../posting.js';
import { decide, FileResponse, idFromPath, parse, type ApiContext, type ApiInput, type ApiRoute } from '../../shared/api/context.js';
import { networkFromPath } from '../../network/api/access.js';
import { fail, invalid, ok, type Result } from '../../shared/result.js';
import type { PollService } from '../service.js';
import { t } from '../messages.js';

/** The poll routes also reach the poll runtime (keys, caches, card updates), given by the composition root. */
export type PollApiContext = ApiContext & { polls: PollService };
type PollRoute = Omit<ApiRoute, 'handle'> & { handle(ctx: PollApiContext, input: ApiInput): ReturnType<ApiRoute['handle']> };


export function pollDto(p: Poll, now: Date, extra: { respondents?: number; repeatedBy?: string | null } = {}): PollView {
  return {
    id: p.id,
    kind: p.kind,
    question: p.question,
    options: p.options,
    maxChoices: p.maxChoices,
    scale: p.scale,
    anonymous: p.anonymous,
    breakdown: p.breakdown,
    status: pollStatus(p, now),
    opensAt: p.opensAt.toISOString(),
    closesAt: p.closesAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    opensAtMeetingStart: p.opensAtMeetingStart,
    planItemId: p.planItemId,
    repeatOf: p.repeatOf,
    createdAt: p.createdAt.toISOString(),
    ...extra,
  };
}

async function visibleNetwork(ctx: PollApiContext, rawId: string | undefined): Promise<Result<Network>> {
  const network = await networkFromPath(ctx, rawId);
  if (!network.ok) return network;
  const allowed = decide(policy.viewNetwork(ctx.actor, network.value));
  return allowed.ok ? network : allowed;
}

async function pollInNetwork(ctx: PollApiContext, params: Record<string, string | undefined>): Promise<Result<{ network: Network; poll: Poll }>> {
  const network = await visibleNetwork(ctx, params.networkId);
  if (!network.ok) return network;
  const pollId = idFromPath(params.pollId, t('api.pollId'));
  if (!pollId.ok) return pollId;
  const poll = await findPoll(ctx.db, pollId.value);
  if (!poll || poll.networkId !== network.value.id) return fail('finnes-ikke', t('api.notFound'));
  return ok({ network: network.value, poll });
}

/** The poll in the path, for a caller who may manage the network's polls (close, reopen, repeat; the meeting's «Åpne nå»). */
export async function managedPoll(ctx: PollApiContext, params: Record<string, string | undefined>) {
  const found = await pollInNetwork(ctx, params);
  if (!found.ok) return found;
  const allowed = decide(pollPolicy.managePolls(ctx.actor, found.value.network));
  return allowed.ok ? found : allowed;
}

/** The tab may post only into the network's own channels that the bot knows. */
async function targetsFor(ctx: PollApiContext, network: Network, postTo: string[]): Promise<Result<PostTarget[]>> {
  const channels = await channelTargets(ctx.db, network.teamsTeamId);
  const known = new Set(channels.map((c) => c.conversationId));
  const unknown = postTo.filter((id) => !known.has(id));
  if (unknown.length > 0) return invalid(t('api.badChannel'), 'postTo');
  return ok(postTo.map((conversationId) => ({ conversationId, conversationType: 'channel' as const })));
}

/** Results as this caller may see them: small groups of a named poll merged unless the policy allows the full breakdown. */
async function resultsOf(ctx: PollApiContext, network: Network, poll: Poll, repeatedBy?: string | null) {
  const fullBreakdown = pollPolicy.seeFullPollBreakdown(ctx.actor, network).allowed;
  const results = await ctx.polls.resultsOf(poll, await ctx.polls.tally(poll.id), { fullBreakdown });
  return { poll: pollDto(poll, ctx.now, { respondents: results.respondents, ...(repeatedBy !== undefined ? { repeatedBy } : {}) }), results };
}

function exportRoute(ext: 'csv' | 'xlsx'): PollRoute {
  return {
    method: 'get',
    path: `/api/networks/:networkId/polls/:pollId/export.${ext}`,
    async handle(ctx, { params }) {
      const found = await pollInNetwork(ctx, params);
      if (!found.ok) return found;
      const allowed = decide(pollPolicy.exportAnswers(ctx.actor, found.value.network));
      if (!allowed.ok) return allowed;
      const { poll, network } = found.value;
      const fullBreakdown = pollPolicy.seeFullPollBreakdown(ctx.actor, network).allowed;
      const results = await ctx.polls.resultsOf(poll, await ctx.polls.tally(poll.id), { fullBreakdown });
      const rows = await exportRows(ctx.db, poll.id, poll.anonymous);
      const body = ext === 'csv' ? pollCsv(poll, rows, results) : await pollXlsx(poll, rows, results);
      const type = ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return ok(new FileResponse(type, exportFileName(poll, ext), body));
    },
  };
}

const routes: PollRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/polls',
    async handle(ctx, { params }) {
      const network = await visibleNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const canManage = pollPolicy.managePolls(ctx.actor, network.value).allowed;
      const polls = await listPolls(ctx.db, network.value.id);
      const channels = canManage ? await channelTargets(ctx.db, network.value.teamsTeamId) : [];
      return ok<PollListResponse>({
        timeZone: OSLO,
        canManage,
        canExport: pollPolicy.exportAnswers(ctx.actor, network.value).allowed,
        channels: channels.map((c) => ({ conversationId: c.conversationId, name: c.name, isGeneral: c.isGeneral })),
        polls: polls.map((p) => pollDto(p, ctx.now, { respondents: p.respondents, repeatedBy: p.repeatedBy })),
      });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/polls',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await visibleNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const allowed = decide(pollPolicy.managePolls(ctx.actor, network.value));
      if (!allowed.ok) return allowed;
      const input = parse(newPollSchema, body, t('api.invalidPoll'));
      if (!input.ok) return input;
      const checked = toNewPoll(input.value, ctx.now);
      if (!checked.ok) return checked;
      const item = checked.value.planItemId ? await findPlanItem(ctx.db, network.value.id, checked.value.planItemId) : undefined;
      if (checked.value.planItemId && !item) {
        return invalid(t('api.badPlanItem'), 'planItemId');
      }
      // Opens at the meeting's start; should Teams send none, at the given time, else the samling's own start.
      const opensAt = checked.value.opensAtMeetingStart && !checked.value.opensAt && item && item.startsAt > ctx.now ? item.startsAt : checked.value.opensAt;
      if (opensAt && checked.value.closesAt && checked.value.closesAt <= opensAt) return invalid(t('input.closesBeforeOpens'), 'closesAt');
      const targets = await targetsFor(ctx, network.value, checked.value.postTo);
      if (!targets.ok) return targets;
      const result = await createPoll(ctx.polls, ctx.polls.jobs, { network: network.value, actor: ctx.actor, ...checked.value, opensAt, repeatOf: null, targets: targets.value });
      if (!result.ok) return result;
      const created = result.value;
      return ok<NewPollResponse>({ poll: pollDto(created.poll, ctx.polls.now(), { respondents: 0 }), posted: created.posted, failed: created.failed });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/polls/:pollId',
    async handle(ctx, { params }) {
      const found = await pollInNetwork(ctx, params);
      if (!found.ok) return found;
      const { poll, network } = found.value;
      // The pair, whichever side was asked for: before = repeatOf, after = the poll repeating this one.
      const before = poll.repeatOf ? await findPoll(ctx.db, poll.repeatOf) : undefined;
      const after = await findRepeatOf(ctx.db, poll.id);
      const current = await resultsOf(ctx, network, poll, after?.id ?? null);
      const other = before ?? after;
      let pair = null;
      if (other) {
        const otherResults = await resultsOf(ctx, network, other);
        const [b, a] = before ? [otherResults, current] : [current, otherResults];
        pair = { before: b.poll, after: a.poll, comparison: comparePolls(poll, b.results, a.results) };
      }
      return ok<PollResultsResponse>({
        timeZone: OSLO,
        canManage: pollPolicy.managePolls(ctx.actor, network).allowed,
        canExport: pollPolicy.exportAnswers(ctx.actor, network).allowed,
        poll: current.poll,
        results: current.results,
        pair,
      });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/polls/:pollId/close',
    async handle(ctx, { params }) {
      const found = await managedPoll(ctx, params);
      if (!found.ok) return found;
      const { poll, network } = found.value;
      if (pollStatus(poll, ctx.now) === 'lukket') return fail('konflikt', t('api.alreadyClosed'));
      await closePollNow(ctx.polls, network, ctx.actor, poll);
      return ok<PollChangeResponse>({ poll: pollDto((await findPoll(ctx.db, poll.id)) ?? poll, ctx.polls.now()) });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/polls/:pollId/reopen',
    async handle(ctx, { params }) {
      const found = await managedPoll(ctx, params);
      if (!found.ok) return found;
      const { poll, network } = found.value;
      if (pollStatus(poll, ctx.now) !== 'lukket') return fail('konflikt', t('api.onlyClosedReopen'));
      await reopenPollNow(ctx.polls, ctx.polls.jobs, network, ctx.actor, poll);
      return ok<PollChangeResponse>({ poll: pollDto((await findPoll(ctx.db, poll.id)) ?? poll, ctx.polls.now()) });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/polls/:pollId/repeat',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const found = await managedPoll(ctx, params);
      if (!found.ok) return found;
      const { poll, network } = found.value;
      const input = parse(repeatSchema, body ?? {}, t('api.invalidRepeat'));
      if (!input.ok) return input;
      const closesAt = input.value.closesAt ? new Date(input.value.closesAt) : null;
      if (closesAt && closesAt <= ctx.now) return invalid(t('api.closesInPast'), 'closesAt');
      const targets = await targetsFor(ctx, network, input.value.postTo);
      if (!targets.ok) return targets;
      const result = await createPoll(ctx.polls, ctx.polls.jobs, {
          network,
          actor: ctx.actor,
          definition: poll,
          planItemId: null,
          repeatOf: poll,
          opensAt: null,
          closesAt,
          sendToAll: input.value.sendToAll,
          targets: targets.value,
        });
      if (!result.ok) return result;
      const created = result.value;
      return ok<RepeatPollResponse>({ poll: pollDto(created.poll, ctx.polls.now(), { respondents: 0 }), posted: created.posted, closedBefore: created.closedBefore });
    },
  },
  exportRoute('csv'),
  exportRoute('xlsx'),
];

export function pollRoutes(polls: PollService): ApiRoute[] {
  return routes.map((route) => ({ ...route, handle: (ctx, input) => route.handle({ ...ctx, polls }, input) }));
}
