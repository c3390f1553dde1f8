/**
 * The personal view's routes (issue 13): the caller's own page across networks, their own
 * reminders on or off (the bot's «stopp/start påminnelser»), and which views the tab's
 * navigation offers them. Answering goes through the polls' and reflections' own routes.
 */
import { listNetworks } from '../../network/sql/networks.js';
import { setRemindersStopped } from '../../reminders/sql/reminders.js';
import { markMemberReachable } from '../../shared/sql/proactive.js';
import { policy } from '../../shared/policy.js';
import type { PollService } from '../../polls/service.js';
import { decide, parse, type ApiRoute } from '../../shared/api/context.js';
import { ok } from '../../shared/result.js';
import type { RemindersResponse, ViewAccessResponse } from '../contract.js';
import { remindersSchema } from '../input.js';
import { personalOverview } from '../overview.js';
import { t } from '../messages.js';

export function personalRoutes(polls: PollService): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/api/me/overview',
      async handle(ctx) {
        const allowed = decide(policy.viewOwnOverview(ctx.actor));
        if (!allowed.ok) return allowed;
        return ok(await personalOverview(ctx.db, polls, ctx.actor, ctx.now));
      },
    },
    {
      method: 'put',
      path: '/api/me/reminders',
      async handle(ctx, { body }) {
        const allowed = decide(policy.changeOwnReminders(ctx.actor));
        if (!allowed.ok) return allowed;
        const input = parse(remindersSchema, body, t('api.invalidReminders'));
        if (!input.ok) return input;
        await setRemindersStopped(ctx.db, ctx.actor.memberId, !input.value.enabled);
        // As «start påminnelser» does: someone who blocked the app and is back is reachable again.
        if (input.value.enabled) await markMemberReachable(ctx.db, ctx.actor.tenantId, ctx.actor.aadObjectId);
        return ok<RemindersResponse>({ remindersOn: input.value.enabled });
      },
    },
    {
      method: 'get',
      path: '/api/me/access',
      async handle(ctx) {
        const allowed = decide(policy.viewOwnOverview(ctx.actor));
        if (!allowed.ok) return allowed;
        const networks: ViewAccessResponse['networks'] = [];
        for (const network of await listNetworks(ctx.db)) {
          if (!policy.viewNetwork(ctx.actor, network).allowed) continue;
          const role = ctx.actor.memberships.find((m) => m.networkId === network.id)?.role ?? 'koordinator';
          networks.push({
            networkId: network.id,
            role,
            reminderReport: policy.viewReminderReport(ctx.actor, network).allowed,
            administration: policy.viewMembers(ctx.actor, network).allowed,
            ownTasks: policy.answerReflection(ctx.actor, { ...network, endedAt: null }).allowed,
          });
        }
        return ok<ViewAccessResponse>({ registered: ctx.actor.memberId !== '', coordinator: ctx.actor.coordinatorRegionIds.length > 0, networks });
      },
    },
  ];
}
