/**
 * The follow-up routes each kind of subject (a named poll, a reflection task) gets, with the
 * subject found by its own capability: who has not answered, and the reminder to them.
 */
import type { ApiContext, ApiRoute } from '../../shared/api/context.js';
import { policy, type Actor, type Decision } from '../../shared/policy.js';
import { ok, type Result } from '../../shared/result.js';
import type { Network } from '../../shared/types.js';
import { followupView, remindNonAnswerers, type FollowupSubject } from '../service.js';

/** How a capability finds its subject (a poll, a reflection task) for the caller, under a policy rule. */
export type SubjectLookup = (
  ctx: ApiContext,
  params: Record<string, string | undefined>,
  rule: (actor: Actor, network: Network) => Decision,
) => Promise<Result<FollowupSubject>>;

/** The two routes each kind of subject gets: who has not answered, and the reminder to them. */
export function followupRoutes(base: string, subjectOf: SubjectLookup): ApiRoute[] {
  return [
    {
      method: 'get',
      path: `${base}/followup`,
      async handle(ctx, { params }) {
        const subject = await subjectOf(ctx, params, policy.viewNonAnswerers);
        if (!subject.ok) return subject;
        return ok(await followupView(ctx.db, subject.value, ctx.now));
      },
    },
    {
      method: 'post',
      path: `${base}/followup/remind`,
      async handle(ctx, { params }) {
        const subject = await subjectOf(ctx, params, policy.remindNonAnswerers);
        if (!subject.ok) return subject;
        const sent = await remindNonAnswerers(ctx.db, subject.value, ctx.actor, ctx.now);
        return sent.ok ? ok(sent.value.response) : sent;
      },
    },
  ];
}
