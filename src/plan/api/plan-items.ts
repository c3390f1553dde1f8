import { policy } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import type { z } from '../../shared/validation.js';
import { duplicateSchema, planItemPatchSchema, planItemSchema } from '../input.js';
import type { DeletePlanItemResponse, PlanItemResponse, PlanPreviewResponse } from '../contract.js';
import { idFromPath, parse, type ApiContext, type ApiInput, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { fail, invalid, ok, type Result } from '../../shared/result.js';
import { addOsloDays, osloDate, osloInstant } from '../../shared/time.js';
import type { PlanItemDraft } from '../domain/rules.js';
import { loadPlanItemWithSlots, previewPlanChange, savePlanChange, type PlanChange, type PlanEditorHooks, type PlanItemWithSlots } from '../editor.js';
import { t } from '../messages.js';

import type { Queryable } from '../../platform/db/port.js';

export type { PlanEditorHooks } from '../editor.js';

/**
 * A plan item's reminders when items are written in bulk (the import, src/plan/import): the
 * same sync the editor does, without its followers (a new item has none yet).
 */
export interface PlanItemHooks {
  /** In the transaction that changes the item. */
  inTransaction(tx: Queryable, itemId: string, now: Date): Promise<unknown>;
  /** After that transaction commits. */
  afterCommit(): void;
}

type FullBody = z.infer<typeof planItemSchema>;
type PatchBody = z.infer<typeof planItemPatchSchema>;

const slotsOf = (slots: FullBody['slots']) =>
  (slots ?? []).map((s) => ({ municipalityNumber: s.municipalityNumber, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));

/** A whole item from POST or PUT: what is not sent is empty. */
function draftOf(body: FullBody): PlanItemDraft {
  return {
    kind: body.kind,
    title: body.title,
    agenda: body.agenda ? body.agenda : null,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    format: body.format,
    responsibleBody: body.responsibleBody ?? null,
    meetingUrl: body.meetingUrl ?? null,
    slots: slotsOf(body.slots),
  };
}

/** PATCH: the stored item with what was sent laid over it. Left out: kept; null: cleared. */
export function mergePatch(before: PlanItemWithSlots, patch: PatchBody): PlanItemDraft {
  const pick = <K extends keyof PatchBody>(key: K) => Object.hasOwn(patch, key) && patch[key] !== undefined;
  return {
    kind: patch.kind ?? before.kind,
    title: patch.title ?? before.title,
    agenda: pick('agenda') ? patch.agenda || null : before.agenda,
    startsAt: patch.startsAt ? new Date(patch.startsAt) : before.startsAt,
    endsAt: patch.endsAt ? new Date(patch.endsAt) : before.endsAt,
    format: patch.format ?? before.format,
    responsibleBody: pick('responsibleBody') ? (patch.responsibleBody ?? null) : before.responsibleBody,
    meetingUrl: pick('meetingUrl') ? (patch.meetingUrl ?? null) : before.meetingUrl,
    slots: pick('slots') ? slotsOf(patch.slots) : before.slots,
  };
}

/** The same item `days` later, at the same Oslo wall-clock times (09:00 stays 09:00 across DST). */
function shiftedByDays(item: PlanItemWithSlots, date: string | undefined): PlanItemDraft {
  const { id: _id, networkId: _n, ...fields } = item;
  if (!date) return fields;
  const days = Math.round((Date.parse(date) - Date.parse(osloDate(item.startsAt))) / 86_400_000);
  const move = (d: Date) => {
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    return osloInstant(addOsloDays(osloDate(d), days), wall);
  };
  return {
    ...fields,
    startsAt: move(item.startsAt),
    endsAt: move(item.endsAt),
    slots: item.slots.map((s) => ({ ...s, startsAt: move(s.startsAt), endsAt: move(s.endsAt) })),
  };
}

const editableNetwork = (ctx: ApiContext, rawId: string | undefined): Promise<Result<Network>> =>
  authorizedNetwork(ctx, rawId, policy.editNetwork);

const notFound = () => fail('finnes-ikke', t('api.notFound'));

/** The network (the caller may edit it) and the item id of the path. */
async function target(ctx: ApiContext, params: ApiInput['params']): Promise<Result<{ network: Network; itemId: string }>> {
  const network = await editableNetwork(ctx, params.networkId);
  if (!network.ok) return network;
  const itemId = idFromPath(params.itemId, t('api.itemIdName'));
  if (!itemId.ok) return itemId;
  return ok({ network: network.value, itemId: itemId.value });
}

function patchChange(itemId: string, body: unknown): Result<PlanChange> {
  const input = parse(planItemPatchSchema, body, t('api.invalidItem'));
  if (!input.ok) return input;
  if (Object.values(input.value).every((v) => v === undefined)) return invalid(t('api.emptyPatch'));
  return ok({ type: 'update', itemId, merge: (before) => mergePatch(before, input.value) });
}

export const planItemRoutes = (hooks: PlanEditorHooks): ApiRoute[] => {
  const edit = (ctx: ApiContext) => ({ db: ctx.db, actor: ctx.actor, now: ctx.now });
  const update = async (ctx: ApiContext, network: Network, change: PlanChange): Promise<Result<PlanItemResponse>> => {
    const saved = await savePlanChange(edit(ctx), network, change, hooks);
    if (!saved) return notFound();
    if (!saved.ok) return saved;
    return ok({ item: saved.value.item!, consequences: saved.value.consequences });
  };
  return [
    {
      method: 'post',
      path: '/api/networks/:networkId/plan',
      okStatus: 201,
      async handle(ctx, { params, body }) {
        const network = await editableNetwork(ctx, params.networkId);
        if (!network.ok) return network;
        const input = parse(planItemSchema, body, t('api.invalidItem'));
        if (!input.ok) return input;
        // Its reminders (the day before, an hour before …) come into being with it.
        return update(ctx, network.value, { type: 'create', draft: draftOf(input.value) });
      },
    },
    {
      // A full replace, as before PATCH existed: what is not sent is cleared (slots: kept when not sent).
      method: 'put',
      path: '/api/networks/:networkId/plan/:itemId',
      async handle(ctx, { params, body }) {
        const at = await target(ctx, params);
        if (!at.ok) return at;
        const input = parse(planItemSchema, body, t('api.invalidItem'));
        if (!input.ok) return input;
        const draft = draftOf(input.value);
        const keepSlots = input.value.slots === undefined;
        return update(ctx, at.value.network, { type: 'update', itemId: at.value.itemId, merge: (before) => ({ ...draft, slots: keepSlots ? before.slots : draft.slots }) });
      },
    },
    {
      method: 'patch',
      path: '/api/networks/:networkId/plan/:itemId',
      async handle(ctx, { params, body }) {
        const at = await target(ctx, params);
        if (!at.ok) return at;
        const change = patchChange(at.value.itemId, body);
        if (!change.ok) return change;
        return update(ctx, at.value.network, change.value);
      },
    },
    {
      method: 'post',
      path: '/api/networks/:networkId/plan/:itemId/preview',
      async handle(ctx, { params, body }) {
        const at = await target(ctx, params);
        if (!at.ok) return at;
        const isDelete = typeof body === 'object' && body !== null && Object.hasOwn(body, 'delete');
        let change: Result<PlanChange>;
        if (isDelete) {
          change = (body as { delete: unknown }).delete === true && Object.keys(body as object).length === 1
            ? ok({ type: 'delete', itemId: at.value.itemId })
            : invalid(t('api.badDeletePreview'), 'delete');
        } else change = patchChange(at.value.itemId, body);
        if (!change.ok) return change;
        const preview = await previewPlanChange(edit(ctx), at.value.network, change.value, hooks);
        if (!preview) return notFound();
        if (!preview.ok) return preview;
        return ok<PlanPreviewResponse>({ consequences: preview.value.consequences });
      },
    },
    {
      method: 'post',
      path: '/api/networks/:networkId/plan/:itemId/duplicate',
      okStatus: 201,
      async handle(ctx, { params, body }) {
        const at = await target(ctx, params);
        if (!at.ok) return at;
        const input = parse(duplicateSchema, body ?? {}, t('api.invalidItem'));
        if (!input.ok) return input;
        const source = await loadPlanItemWithSlots(ctx.db, at.value.network.id, at.value.itemId);
        if (!source) return notFound();
        const draft = shiftedByDays(source, input.value.date);
        return update(ctx, at.value.network, { type: 'create', draft, audit: { action: 'plan.duplisert', fromItemId: source.id } });
      },
    },
    {
      method: 'del',
      path: '/api/networks/:networkId/plan/:itemId',
      async handle(ctx, { params }) {
        const at = await target(ctx, params);
        if (!at.ok) return at;
        // A cancelled item cancels its pending reminders; its mellomarbeid goes with it.
        const saved = await savePlanChange(edit(ctx), at.value.network, { type: 'delete', itemId: at.value.itemId }, hooks);
        if (!saved) return notFound();
        if (!saved.ok) return saved;
        return ok<DeletePlanItemResponse>({ deleted: true, consequences: saved.value.consequences });
      },
    },
  ];
};
