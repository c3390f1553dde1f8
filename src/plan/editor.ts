/**
 * Creating, changing and deleting a plan item, with everything that follows it: its reminders,
 * the planned close of its polls, the due times of its reflection tasks and mellomarbeid (moved
 * by the same shift), and their reminders. One function does it all in one transaction; the
 * preview runs the very same function and rolls back, so what it shows is what saving does.
 */
import type { Queryable, Transaction, Database } from '../platform/db/port.js';
import { recordAudit } from '../shared/sql/audit.js';
import type { Actor } from '../shared/policy.js';
import { invalid, ok, type Result } from '../shared/result.js';
import type { Network, PlanItem } from '../shared/types.js';
import { checkPlanItem, type PlanItemDraft } from './domain/rules.js';
import { deletePlanItem, findPlanItem, insertPlanItem, lockPlanItem, planForNetwork, updatePlanItem } from './sql/plan.js';
import { networkMunicipalityNames, replaceSlots, slotsOfItem, type PlanItemSlot } from './sql/slots.js';
import { assignmentsOfItem, moveAssignmentDue, movePollClose, moveReflectionDue, pollsOfItem, reflectionsOfItem } from './sql/followers.js';
import type { PlanConsequences, PlanItemView } from './contract.js';
import { describeConsequences } from './consequences.js';
import { planItemDto } from './api/plan.js';
import { t } from './messages.js';

/** The reminder kinds that follow a plan item (its own, and those of what is tied to it). */
export type FollowingReminderKind = 'plan-item' | 'poll-close' | 'reflection-due' | 'mellomarbeid-due';

/**
 * What else must follow a plan item when it is created, moved or cancelled (reminders, poll
 * jobs): given by the composition root, so the plan knows nothing of the capabilities built on it.
 */
export interface PlanEditorHooks {
  /** In the transaction that changes the subject: its pending reminders made to match it. */
  syncReminders(tx: Queryable, kind: FollowingReminderKind, subjectId: string, now: Date): Promise<{ created: number; moved: number; cancelled: number }>;
  /** The send times of a subject's pending reminders. */
  plannedReminders(tx: Queryable, kind: FollowingReminderKind, subjectId: string): Promise<Date[]>;
  /** After the transaction commits: wake the reminder engine, re-schedule moved polls' close. */
  afterCommit(db: Database, effects: { movedPollIds: string[] }): Promise<void> | void;
}

export type PlanChange =
  | { type: 'create'; draft: PlanItemDraft; audit?: { action: 'plan.duplisert'; fromItemId: string } }
  | {
      type: 'update';
      itemId: string;
      merge(before: PlanItemWithSlots): PlanItemDraft;
      /** A change with a name of its own in the audit log (a Teams meeting made for the item), and what it adds there. */
      audit?: { action: 'plan.teamsmote-opprettet'; details: Record<string, unknown> };
    }
  | { type: 'delete'; itemId: string };

export interface PlanItemWithSlots extends PlanItem {
  slots: PlanItemSlot[];
}

export interface AppliedChange {
  item: PlanItemView | null;
  consequences: PlanConsequences;
  movedPollIds: string[];
}

interface EditContext {
  db: Database;
  actor: Actor;
  now: Date;
}

const NOT_FOUND = Symbol('not found');

/** Thrown to roll a preview back; carries what the change would have done. */
class PreviewRollback extends Error {
  constructor(readonly result: Result<AppliedChange> | typeof NOT_FOUND) {
    super('preview');
  }
}

/** Saves the change, or says why not (nothing saved); undefined when the item does not exist. */
export async function savePlanChange(ctx: EditContext, network: Network, change: PlanChange, hooks: PlanEditorHooks): Promise<Result<AppliedChange> | undefined> {
  const result = await ctx.db.transaction(async (tx) => {
    const r = await applyPlanChange(tx, ctx, network, change, hooks);
    // A refusal writes nothing: roll back whatever the checks touched (locks only, but still).
    if (r !== NOT_FOUND && !r.ok) throw new PreviewRollback(r);
    return r;
  }).catch((err: unknown): Result<AppliedChange> | typeof NOT_FOUND => {
    if (err instanceof PreviewRollback) return err.result;
    throw err;
  });
  if (result === NOT_FOUND) return undefined;
  if (result.ok) await hooks.afterCommit(ctx.db, { movedPollIds: result.value.movedPollIds });
  return result;
}

/** What saving the change would do, without saving it. */
export async function previewPlanChange(ctx: EditContext, network: Network, change: PlanChange, hooks: PlanEditorHooks): Promise<Result<AppliedChange> | undefined> {
  try {
    await ctx.db.transaction(async (tx) => {
      const r = await applyPlanChange(tx, ctx, network, change, hooks);
      throw new PreviewRollback(r);
    });
  } catch (err) {
    if (!(err instanceof PreviewRollback)) throw err;
    return err.result === NOT_FOUND ? undefined : err.result;
  }
  return undefined;
}

async function withSlots(db: Queryable, item: PlanItem): Promise<PlanItemWithSlots> {
  return { ...item, slots: (await slotsOfItem(db, item.id)).map(({ municipalityNumber, startsAt, endsAt }) => ({ municipalityNumber, startsAt, endsAt })) };
}

export async function loadPlanItemWithSlots(db: Queryable, networkId: string, itemId: string): Promise<PlanItemWithSlots | undefined> {
  const item = await findPlanItem(db, networkId, itemId);
  return item && withSlots(db, item);
}

/** Whether the item's rules hold for this draft, against the network's other items. Exported for the import (src/plan/import). */
export async function checkDraft(db: Queryable, networkId: string, draft: PlanItemDraft, itemId: string | null, now: Date): Promise<Result<void>> {
  const [others, municipalities] = await Promise.all([planForNetwork(db, networkId), networkMunicipalityNames(db, networkId)]);
  const checked = checkPlanItem(draft, { itemId, now, others, municipalities });
  return checked.ok ? checked : invalid(`${t('api.invalidItem')}. ${checked.error.message}`, checked.error.field);
}

function emptyConsequences(action: PlanConsequences['action']): PlanConsequences {
  return {
    action,
    shiftMinutes: 0,
    reminders: { created: 0, moved: 0, cancelled: 0, before: [], after: [] },
    polls: [],
    reflections: [],
    mellomarbeid: [],
    followerReminders: { created: 0, moved: 0, cancelled: 0 },
    summary: [],
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const add = (into: { created: number; moved: number; cancelled: number }, s: { created: number; moved: number; cancelled: number }) => {
  into.created += s.created;
  into.moved += s.moved;
  into.cancelled += s.cancelled;
};

async function applyPlanChange(
  tx: Transaction,
  ctx: EditContext,
  network: Network,
  change: PlanChange,
  hooks: PlanEditorHooks,
): Promise<Result<AppliedChange> | typeof NOT_FOUND> {
  const audit = (action: string, target: string, details: Record<string, unknown>) =>
    recordAudit(tx, {
      actorMemberId: ctx.actor.memberId,
      actorName: ctx.actor.displayName,
      regionId: network.regionId,
      networkId: network.id,
      action,
      target,
      details,
    });

  if (change.type === 'create') {
    const checked = await checkDraft(tx, network.id, change.draft, null, ctx.now);
    if (!checked.ok) return checked;
    const { slots, ...fields } = change.draft;
    const id = await insertPlanItem(tx, network.id, fields);
    await replaceSlots(tx, network.id, id, slots);
    const c = emptyConsequences('create');
    add(c.reminders, await hooks.syncReminders(tx, 'plan-item', id, ctx.now));
    c.reminders.after = (await hooks.plannedReminders(tx, 'plan-item', id)).map((d) => d.toISOString());
    const saved = await withSlots(tx, { ...fields, id, networkId: network.id });
    const dto = await itemView(tx, saved);
    await audit(change.audit?.action ?? 'plan.opprettet', fields.title, {
      planItemId: id,
      ...(change.audit ? { fra: change.audit.fromItemId } : {}),
      etter: dto,
    });
    c.summary = describeConsequences(c);
    return ok({ item: dto, consequences: c, movedPollIds: [] });
  }

  if (!(await lockPlanItem(tx, network.id, change.itemId))) return NOT_FOUND;
  const stored = await findPlanItem(tx, network.id, change.itemId);
  if (!stored) return NOT_FOUND;
  const before = await withSlots(tx, stored);
  const beforeDto = await itemView(tx, before);
  const c = emptyConsequences(change.type === 'delete' ? 'delete' : 'update');
  c.reminders.before = (await hooks.plannedReminders(tx, 'plan-item', before.id)).map((d) => d.toISOString());
  const [polls, reflections, assignments] = await Promise.all([pollsOfItem(tx, before.id), reflectionsOfItem(tx, before.id), assignmentsOfItem(tx, before.id)]);

  if (change.type === 'delete') {
    await deletePlanItem(tx, network.id, before.id);
    // The item's reminders are cancelled; its mellomarbeid went with it (ON DELETE CASCADE), and so do theirs.
    add(c.reminders, await hooks.syncReminders(tx, 'plan-item', before.id, ctx.now));
    for (const a of assignments) add(c.followerReminders, await hooks.syncReminders(tx, 'mellomarbeid-due', a.id, ctx.now));
    c.polls = polls.map((p) => ({ id: p.id, title: p.question, from: iso(p.closesAt), to: iso(p.closesAt), change: 'unlinked' as const }));
    c.reflections = reflections.map((r) => ({ id: r.id, title: r.title, from: iso(r.dueAt), to: iso(r.dueAt), change: 'unlinked' as const }));
    c.mellomarbeid = assignments.map((a) => ({ id: a.id, title: a.title, from: iso(a.dueAt), to: null, change: 'deleted' as const, municipalities: a.municipalities, updatedMunicipalities: a.updatedMunicipalities }));
    await audit('plan.slettet', before.title, {
      planItemId: before.id,
      før: beforeDto,
      slettetMellomarbeid: assignments.map((a) => ({ id: a.id, title: a.title, kommuner: a.municipalities, oppdatert: a.updatedMunicipalities })),
      løsnetMålinger: polls.map((p) => p.id),
      løsnetRefleksjoner: reflections.map((r) => r.id),
    });
    c.summary = describeConsequences(c);
    return ok({ item: null, consequences: c, movedPollIds: [] });
  }

  const draft = change.merge(before);
  const checked = await checkDraft(tx, network.id, draft, before.id, ctx.now);
  if (!checked.ok) return checked;
  const { slots, ...fields } = draft;
  await updatePlanItem(tx, network.id, before.id, fields);
  await replaceSlots(tx, network.id, before.id, slots);
  add(c.reminders, await hooks.syncReminders(tx, 'plan-item', before.id, ctx.now));
  c.reminders.after = (await hooks.plannedReminders(tx, 'plan-item', before.id)).map((d) => d.toISOString());

  // What is tied to the item moves by as much as its start did, unless that would put it in the past.
  const shift = draft.startsAt.getTime() - before.startsAt.getTime();
  c.shiftMinutes = Math.round(shift / 60_000);
  const movedPollIds: string[] = [];
  const moved = (from: Date) => new Date(from.getTime() + shift);
  for (const p of polls) {
    const to = p.closesAt && moved(p.closesAt);
    const canMove = shift !== 0 && !p.closed && p.closesAt && p.closesAt > ctx.now && to! > ctx.now && to! > p.opensAt;
    if (canMove) {
      await movePollClose(tx, p.id, to!);
      add(c.followerReminders, await hooks.syncReminders(tx, 'poll-close', p.id, ctx.now));
      movedPollIds.push(p.id);
    }
    c.polls.push({ id: p.id, title: p.question, from: iso(p.closesAt), to: canMove ? iso(to) : iso(p.closesAt), change: canMove ? 'moved' : 'kept' });
  }
  for (const r of reflections) {
    const to = moved(r.dueAt);
    const canMove = shift !== 0 && r.dueAt > ctx.now && to > ctx.now;
    if (canMove) {
      await moveReflectionDue(tx, r.id, to);
      add(c.followerReminders, await hooks.syncReminders(tx, 'reflection-due', r.id, ctx.now));
    }
    c.reflections.push({ id: r.id, title: r.title, from: iso(r.dueAt), to: iso(canMove ? to : r.dueAt), change: canMove ? 'moved' : 'kept' });
  }
  for (const a of assignments) {
    const to = moved(a.dueAt);
    const canMove = shift !== 0 && a.dueAt > ctx.now && to > ctx.now;
    if (canMove) {
      await moveAssignmentDue(tx, a.id, to);
      add(c.followerReminders, await hooks.syncReminders(tx, 'mellomarbeid-due', a.id, ctx.now));
    }
    c.mellomarbeid.push({
      id: a.id,
      title: a.title,
      from: iso(a.dueAt),
      to: iso(canMove ? to : a.dueAt),
      change: canMove ? 'moved' : 'kept',
      municipalities: a.municipalities,
      updatedMunicipalities: a.updatedMunicipalities,
    });
  }
  const after = await withSlots(tx, { ...fields, id: before.id, networkId: network.id });
  const afterDto = await itemView(tx, after);
  await audit(change.audit?.action ?? 'plan.endret', fields.title, {
    planItemId: before.id,
    før: beforeDto,
    etter: afterDto,
    ...change.audit?.details,
    ...(shift !== 0 ? { flyttetMinutter: c.shiftMinutes, fulgte: { målinger: movedPollIds.length, refleksjoner: c.reflections.filter((r) => r.change === 'moved').length, mellomarbeid: c.mellomarbeid.filter((m) => m.change === 'moved').length } } : {}),
  });
  c.summary = describeConsequences(c);
  return ok({ item: afterDto, consequences: c, movedPollIds });
}

/** The item as the tab sees it, its slots with the municipalities' names. */
async function itemView(db: Queryable, item: PlanItemWithSlots): Promise<PlanItemView> {
  const names = await networkMunicipalityNames(db, item.networkId);
  return planItemDto({ ...item, namedSlots: item.slots.map((s) => ({ ...s, municipalityName: names.get(s.municipalityNumber) ?? s.municipalityNumber })) });
}
