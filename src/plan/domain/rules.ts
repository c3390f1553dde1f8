/**
 * The rules a plan item must keep, on the whole item as it would be saved (a PATCH is merged
 * with what is stored first): the schema has already checked each field on its own. Pure, so
 * the plan editor, the template and paste-a-table import (src/plan/import) and the tests use
 * the same checks. A refusal names the field as the tab's form labels it, in the reader's language.
 */
import { formatDateLong } from '../../platform/i18n/format.js';
import { formatOsloRange, osloDate } from '../../shared/time.js';
import { invalid, ok, type Result } from '../../shared/result.js';
import type { PlanItem } from '../../shared/types.js';
import { t } from '../messages.js';

/** One municipality's time in a veiledning «per kommune». */
export interface PlanItemSlot {
  municipalityNumber: string;
  startsAt: Date;
  endsAt: Date;
}

/** An item as it would be saved: its fields and its slots (veiledning per kommune). */
export interface PlanItemDraft extends Omit<PlanItem, 'id' | 'networkId'> {
  slots: PlanItemSlot[];
}

export interface PlanRuleContext {
  /** Null for a new item: a new item may not start in the past. */
  itemId: string | null;
  now: Date;
  /** The network's other items (the item itself may be among them: it is left out). */
  others: readonly Pick<PlanItem, 'id' | 'kind' | 'title' | 'startsAt' | 'endsAt'>[];
  /** The network's municipalities, number → name. */
  municipalities: ReadonlyMap<string, string>;
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Ok, or the first rule the item breaks, with its field («endsAt», «slots.1.startsAt»). */
export function checkPlanItem(item: PlanItemDraft, ctx: PlanRuleContext): Result<void> {
  if (item.endsAt <= item.startsAt) return invalid(t('rule.endsAfterStart'), 'endsAt');
  if (ctx.itemId === null && item.startsAt < ctx.now) return invalid(t('rule.startInPast'), 'startsAt');
  if (item.kind === 'samling') {
    const clash = ctx.others.find((o) => o.id !== ctx.itemId && o.kind === 'samling' && overlaps(o, item));
    if (clash) return invalid(t('rule.samlingOverlap', { title: clash.title, when: formatOsloRange(clash.startsAt, clash.endsAt) }), 'startsAt');
  }
  return checkSlots(item, ctx.municipalities);
}

function checkSlots(item: PlanItemDraft, municipalities: ReadonlyMap<string, string>): Result<void> {
  if (item.slots.length === 0) return ok(undefined);
  if (item.kind !== 'veiledning') return invalid(t('rule.slotsOnlyVeiledning'), 'slots');
  const day = osloDate(item.startsAt);
  const seen = new Map<string, number>();
  for (const [i, slot] of item.slots.entries()) {
    const n = i + 1;
    const name = municipalities.get(slot.municipalityNumber);
    if (name === undefined) return invalid(t('rule.slotUnknownMunicipality', { n, number: slot.municipalityNumber }), `slots.${i}.municipalityNumber`);
    if (seen.has(slot.municipalityNumber)) return invalid(t('rule.slotDuplicate', { n, name }), `slots.${i}.municipalityNumber`);
    seen.set(slot.municipalityNumber, i);
    if (slot.endsAt <= slot.startsAt) return invalid(t('rule.slotEndsAfterStart', { n }), `slots.${i}.endsAt`);
    // The slot's end may be midnight of the same day, not later.
    const endDay = osloDate(new Date(slot.endsAt.getTime() - 1));
    if (osloDate(slot.startsAt) !== day || endDay !== day) {
      return invalid(t('rule.slotOutsideDay', { n, day: formatDateLong(item.startsAt) }), `slots.${i}.startsAt`);
    }
    const clash = item.slots.find((other, j) => j < i && overlaps(other, slot));
    if (clash) return invalid(t('rule.slotOverlap', { n, name: municipalities.get(clash.municipalityNumber) ?? clash.municipalityNumber }), `slots.${i}.startsAt`);
  }
  return ok(undefined);
}
