import { recordAudit } from '../../shared/sql/audit.js';
import { deletePlanItem, findPlanItem, insertPlanItem, updatePlanItem } from '../sql/plan.js';
import { policy } from '../../shared/policy.js';
import { notifyRemindersChanged, syncSubjectReminders } from '../../reminders/engine.js';
import { bodyCodes, planItemFormats, planItemKinds, type Network } from '../../shared/types.js';
import { instant, text, z } from '../../shared/validation.js';
import { authorizedNetwork, idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { planItemDto } from '../../network/api/networks.js';

export const planItemSchema = z
  .object({
    kind: z.enum(planItemKinds, { error: `må være en av ${planItemKinds.join(', ')}` }),
    title: text().trim().min(1, 'kan ikke være tom').max(200, 'kan være maks 200 tegn'),
    agenda: text().trim().max(4000, 'kan være maks 4000 tegn').nullish(),
    startsAt: instant(),
    endsAt: instant(),
    format: z.enum(planItemFormats, { error: `må være en av ${planItemFormats.join(', ')}` }),
    responsibleBody: z.enum(bodyCodes, { error: `må være en av ${bodyCodes.join(', ')}` }).nullish(),
    meetingUrl: z.url({ protocol: /^https$/, error: 'må være en https-lenke' }).max(2000, 'er for lang').nullish(),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { message: 'må være etter starttidspunktet', path: ['endsAt'] });

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

export const planItemRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/networks/:networkId/plan',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await editableNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const input = parse(planItemSchema, body, 'Ugyldig aktivitet');
      if (!input.ok) return input;
      const item = toPlanItem(input.value);
      const id = await ctx.db.transaction(async (tx) => {
        const newId = await insertPlanItem(tx, network.value.id, item);
        // Its reminders (the day before, an hour before …) come into being with it.
        await syncSubjectReminders(tx, 'plan-item', newId, ctx.now);
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
      notifyRemindersChanged();
      return ok({ item: planItemDto({ ...item, id, networkId: network.value.id }) });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/plan/:itemId',
    async handle(ctx, { params, body }) {
      const network = await editableNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, 'aktivitets-id');
      if (!itemId.ok) return itemId;
      const input = parse(planItemSchema, body, 'Ugyldig aktivitet');
      if (!input.ok) return input;
      const item = toPlanItem(input.value);
      const updated = await ctx.db.transaction(async (tx) => {
        const before = await findPlanItem(tx, network.value.id, itemId.value);
        if (!before || !(await updatePlanItem(tx, network.value.id, itemId.value, item))) return false;
        // A moved item moves its pending reminders with it.
        await syncSubjectReminders(tx, 'plan-item', itemId.value, ctx.now);
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
      if (!updated) return fail('finnes-ikke', 'Fant ikke aktiviteten i planen.');
      notifyRemindersChanged();
      return ok({ item: planItemDto({ ...item, id: itemId.value, networkId: network.value.id }) });
    },
  },
  {
    method: 'del',
    path: '/api/networks/:networkId/plan/:itemId',
    async handle(ctx, { params }) {
      const network = await editableNetwork(ctx, params.networkId);
      if (!network.ok) return network;
      const itemId = idFromPath(params.itemId, 'aktivitets-id');
      if (!itemId.ok) return itemId;
      const deleted = await ctx.db.transaction(async (tx) => {
        const before = await findPlanItem(tx, network.value.id, itemId.value);
        if (!before || !(await deletePlanItem(tx, network.value.id, itemId.value))) return false;
        // A cancelled item cancels its pending reminders.
        await syncSubjectReminders(tx, 'plan-item', itemId.value, ctx.now);
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
      if (!deleted) return fail('finnes-ikke', 'Fant ikke aktiviteten i planen.');
      notifyRemindersChanged();
      return ok({ deleted: true });
    },
  },
];
