/**
 * «Hvem har ikke svart» for a reflection task (issue 13): the deltakere who still owe it an
 * answer, per municipality, and «Send påminnelse til disse» through the reminder engine (a
 * «manuell» reflection-due reminder, whose recipients are the same query). Facilitators only;
 * an anonymous task is refused (policy.followUpAnonymous says why).
 */
import type { FollowupSubject } from '../../followup/service.js';
import { followupRoutes } from '../../followup/api/routes.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { decide, idFromPath, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { policy, type Actor, type Decision } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { Network } from '../../shared/types.js';
import { isOpen } from '../domain/reflections.js';
import { findReflectionTask } from '../sql/reflections.js';
import { deltakereWithoutAnswer } from '../sql/reminders.js';
import { t } from '../messages.js';

async function subjectOf(
  ctx: ApiContext,
  params: Record<string, string | undefined>,
  rule: (actor: Actor, network: Network) => Decision,
): Promise<Result<FollowupSubject>> {
  const network = await authorizedNetwork(ctx, params.networkId, rule);
  if (!network.ok) return network;
  const id = idFromPath(params.taskId, t('api.taskId'));
  if (!id.ok) return id;
  const task = await findReflectionTask(ctx.db, id.value);
  if (!task || task.networkId !== network.value.id) return fail('finnes-ikke', t('answer.notInNetwork'));
  if (task.visibility === 'anonym') {
    const refused = decide(policy.followUpAnonymous(ctx.actor));
    if (!refused.ok) return refused;
  }
  return ok({
    reminderKind: 'reflection-due',
    kind: 'refleksjon',
    id: task.id,
    networkId: network.value.id,
    regionId: network.value.regionId,
    title: task.title,
    dueAt: task.dueAt,
    open: isOpen(task, ctx.now),
    groupTask: task.answerMode === 'kommune',
    nonAnswerers: await deltakereWithoutAnswer(ctx.db, network.value.id, task.id, task.answerMode),
  });
}

export const reflectionFollowupRoutes: ApiRoute[] = followupRoutes('/api/networks/:networkId/reflections/:taskId', subjectOf);
