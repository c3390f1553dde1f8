import type { Queryable } from '../../platform/db/port.js';
import { recordAudit } from '../../shared/sql/audit.js';
import { deletePlanItem, findPlanItem, insertPlanItem, updatePlanItem } from '../sql/plan.js';
import { policy } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import type { z } from '../../shared/validation.js';
import { planItemSchema } from '../input.js';
import type { DeletePlanItemResponse, PlanItemResponse } from '../contract.js';
import { idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { planItemDto } from './plan.js';
import { t } from '../messages.js';

function toPlanItem(body: z.infer<typeof planItemSchema>) {
  return {
    kind: body.kind,
    title: body.title,
    agenda: body.agenda ? body.agenda : null,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    format: body.format,
    responsibleBody: body.responsibleBody ?? null,
    meetingUrl: body.meetingUrl ?? null,
  };
}

const editableNetwork = (ctx: ApiContext, rawId: string | undefined): Promise<Result<Network>> =>
  authorizedNetwork(ctx, rawId, policy.editNetwork);

/**
 * What else must follow a plan item when it is created, moved or cancelled (its reminders):
 * given by the composition root, so the plan knows nothing of the capabilities built on it.
 */
export interface PlanItemHooks {
  /** In the transaction that changes the item. */
  inTransaction(tx: Queryable, itemId: string, now: Date): Promise<unknown>;
  /** After that transaction commits. */
  afterCommit(): void;
}

export const planItemRoutes = (hooks: PlanItemHooks): ApiRoute[] => [
  {
    method: 'post',
    path: '/api/networks/:networkId/plan',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await editableNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const input = parse(planItemSchema, body, t('api.invalidItem'));
      if (!input.ok) return input;
      const item = toPlanItem(input.value);
      const id = await ctx.db.transaction(async (tx) => {
        const newId = await insertPlanItem(tx, network.value.id, item);
        // Its reminders (the day before, an hour before …) come into being with it.
        await hooks.inTransaction(tx, newId, ctx.now);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'plan.opprettet',
          target: item.title,
          details: { planItemId: newId },
        });
        return newId;
      });
      hooks.afterCommit();
      return ok<PlanItemResponse>({ item: planItemDto({ ...item, id, networkId: network.value.id }) });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/plan/:itemId',
    async handle(ctx, { params, body }) {
      const network = await editableNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, t('api.itemIdName'));
      if (!itemId.ok) return itemId;
      const input = parse(planItemSchema, body, t('api.invalidItem'));
      if (!input.ok) return input;
      const item = toPlanItem(input.value);
      const updated = await ctx.db.transaction(async (tx) => {
        const before = await findPlanItem(tx, network.value.id, itemId.value);
        if (!before || !(await updatePlanItem(tx, network.value.id, itemId.value, item))) return false;
        // A moved item moves its pending reminders with it.
        await hooks.inTransaction(tx, itemId.value, ctx.now);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'plan.endret',
          target: item.title,
          details: { planItemId: itemId.value, før: planItemDto(before) },
        });
        return true;
      });
      if (!updated) return fail('finnes-ikke', t('api.notFound'));
      hooks.afterCommit();
      return ok<PlanItemResponse>({ item: planItemDto({ ...item, id: itemId.value, networkId: network.value.id }) });
    },
  },
  {
    method: 'del',
    path: '/api/networks/:networkId/plan/:itemId',
    async handle(ctx, { params }) {
      const network = await editableNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, t('api.itemIdName'));
      if (!itemId.ok) return itemId;
      const deleted = await ctx.db.transaction(async (tx) => {
        const before = await findPlanItem(tx, network.value.id, itemId.value);
        if (!before || !(await deletePlanItem(tx, network.value.id, itemId.value))) return false;
        // A cancelled item cancels its pending reminders.
        await hooks.inTransaction(tx, itemId.value, ctx.now);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'plan.slettet',
          target: before.title,
          details: { planItemId: itemId.value },
        });
        return true;
      });
      if (!deleted) return fail('finnes-ikke', t('api.notFound'));
      hooks.afterCommit();
      return ok<DeletePlanItemResponse>({ deleted: true });
    },
  },
];
