import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/port.js';
import { formatDateLong } from '../../platform/i18n/format.js';
import { recordAudit } from '../../shared/sql/audit.js';
import type { Actor } from '../../shared/policy.js';
import { invalid, ok, type Result } from '../../shared/result.js';
import { OSLO, osloDate, osloInstant } from '../../shared/time.js';
import type { Network, PlanItem } from '../../shared/types.js';
import { describePath, type z } from '../../shared/validation.js';
import type { Database } from '../../platform/db/port.js';
import type { PlanItemHooks } from '../api/plan-items.js';
import { planItemDto } from '../api/plan.js';
import { planItemSchema } from '../input.js';
import { insertPlanItem, planForNetwork, type NewPlanItem } from '../sql/plan.js';
import { networkMunicipalityNames, replaceSlots, type PlanItemSlot } from '../sql/slots.js';
import type { ImportItemPreview, ImportRowError, ImportWarning, PlanImportPreviewResponse, PlanImportResponse } from './contract.js';
import type { DatedItem } from './domain/items.js';
import { parsePlanTable } from './domain/parse-table.js';
import { shiftTemplate } from './domain/shift.js';
import type { planImportSchema } from './input.js';
import { t } from './messages.js';
import { findTemplate } from './templates.js';

/**
 * The calendar a preview warns with: Norwegian public holidays (in the reader's language) and
 * the Christmas week. Given by the composition root, since the reminders capability that knows
 * them is built on the plan, not under it.
 */
export interface ImportCalendar {
  holidayName(at: Date): string | null;
  isChristmasWeek(at: Date): boolean;
}

export interface ImportDeps {
  hooks: PlanItemHooks;
  calendar: ImportCalendar;
}

type ImportInput = z.infer<typeof planImportSchema>;

interface Candidate {
  row: number | null;
  item: NewPlanItem;
  /** Veiledning «per kommune»: one slot per municipality of the network. */
  slots: PlanItemSlot[];
}

interface Preview {
  candidates: Candidate[];
  response: PlanImportPreviewResponse;
}

/** The dated items of the request (a template moved to its start date, or the pasted rows), and the rows that could not be read. */
function readSource(input: ImportInput, now: Date): Result<{ dated: (DatedItem & { row: number | null })[]; errors: ImportRowError[] }> {
  if (input.source === 'template') {
    const template = findTemplate(input.templateId);
    if (!template) return invalid(t('api.unknownTemplate'), 'templateId');
    const shifted = shiftTemplate(template, input.startDate);
    const chosen = input.items ? new Set(input.items) : null;
    if (chosen && [...chosen].some((i) => i >= shifted.length)) return invalid(t('api.unknownTemplateItem'), 'items');
    const dated = shifted.filter((_i, index) => !chosen || chosen.has(index)).map((i) => ({ ...i, row: null }));
    return ok({ dated, errors: [] });
  }
  const table = parsePlanTable(input.text, { today: osloDate(now) });
  const errors = table.problems.map((p) => ({
    row: p.row,
    column: p.column,
    columnLabel: t(`column.${p.column}`),
    message: t(`problem.${p.code}`, { value: p.value }),
  }));
  return ok({ dated: table.items, errors });
}

const whereOf: Record<string, ImportRowError['column']> = {
  kind: 'what',
  title: 'what',
  agenda: 'what',
  startsAt: 'time',
  endsAt: 'time',
  format: 'format',
  responsibleBody: 'responsible',
};

/** The same rules as a single new item (src/plan/input.ts): a row the editor would refuse is refused here too. */
function checked(dated: DatedItem): { item: NewPlanItem } | { error: Omit<ImportRowError, 'row'> } {
  const startsAt = osloInstant(dated.date, dated.start);
  const endsAt = osloInstant(dated.date, dated.end);
  const parsed = planItemSchema.safeParse({
    kind: dated.kind,
    title: dated.title,
    agenda: dated.agenda,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    format: dated.format,
    responsibleBody: dated.responsibleBody,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const column = whereOf[String(issue.path[0])] ?? 'what';
    const field = describePath(issue.path) ?? t(`column.${column}`);
    return { error: { column, columnLabel: t(`column.${column}`), message: t('problem.field', { field, message: /[.!?]$/.test(issue.message) ? issue.message : `${issue.message}.` }) } };
  }
  return {
    item: {
      kind: parsed.data.kind,
      title: parsed.data.title,
      agenda: parsed.data.agenda || null,
      startsAt,
      endsAt,
      format: parsed.data.format,
      responsibleBody: parsed.data.responsibleBody ?? null,
      meetingUrl: null,
    },
  };
}

/**
 * A template's veiledning «per kommune» (seed 000: 1.5 h per municipality): back-to-back slots
 * from the item's start, in the order of the municipalities' names, and the item stretched to
 * hold them all. None when they would run past midnight: the facilitator then sets the times.
 */
function slotsFor(item: NewPlanItem, minutes: number | undefined, municipalities: ReadonlyMap<string, string>): { item: NewPlanItem; slots: PlanItemSlot[] } {
  if (!minutes || item.kind !== 'veiledning' || municipalities.size === 0) return { item, slots: [] };
  const names = [...municipalities].sort(([, a], [, b]) => a.localeCompare(b, 'nb'));
  const start = DateTime.fromJSDate(item.startsAt, { zone: OSLO });
  const slots = names.map(([municipalityNumber], i) => ({
    municipalityNumber,
    startsAt: start.plus({ minutes: i * minutes }).toJSDate(),
    endsAt: start.plus({ minutes: (i + 1) * minutes }).toJSDate(),
  }));
  const last = slots[slots.length - 1]!.endsAt;
  if (osloDate(new Date(last.getTime() - 1)) !== osloDate(item.startsAt)) return { item, slots: [] };
  return { item: { ...item, endsAt: last > item.endsAt ? last : item.endsAt }, slots };
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

function dayText(at: Date): string {
  return `${formatDateLong(at)} ${DateTime.fromJSDate(at, { zone: OSLO }).year}`;
}

/** What a facilitator should look at before importing: holidays, weekends, dates passed, samlinger on top of each other. */
function warningsFor(candidates: Candidate[], existing: PlanItem[], now: Date, calendar: ImportCalendar): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  candidates.forEach(({ item, row }, index) => {
    const add = (kind: ImportWarning['kind'], message: string) => warnings.push({ item: index, row, kind, message });
    const vars = { title: item.title, date: dayText(item.startsAt) };
    const holiday = calendar.holidayName(item.startsAt);
    if (holiday) add('helligdag', t('warning.holiday', { ...vars, name: holiday }));
    else if (calendar.isChristmasWeek(item.startsAt)) add('romjul', t('warning.christmasWeek', vars));
    else if (DateTime.fromJSDate(item.startsAt, { zone: OSLO }).weekday >= 6) add('helg', t('warning.weekend', vars));
    if (item.startsAt < now) add('passert', t('warning.past', vars));
    if (item.kind !== 'samling') return;
    const earlier = candidates.slice(0, index).map((c) => c.item);
    const other = [...existing, ...earlier].find((o) => o.kind === 'samling' && overlaps(o, item));
    if (other) add('overlapp', t('warning.overlap', { ...vars, other: other.title }));
  });
  return warnings;
}

function previewOf(c: Candidate, municipalities: ReadonlyMap<string, string>): ImportItemPreview {
  const start = DateTime.fromJSDate(c.item.startsAt, { zone: OSLO });
  const end = DateTime.fromJSDate(c.item.endsAt, { zone: OSLO });
  return {
    row: c.row,
    kind: c.item.kind,
    title: c.item.title,
    agenda: c.item.agenda,
    startsAt: c.item.startsAt.toISOString(),
    endsAt: c.item.endsAt.toISOString(),
    date: start.toISODate() ?? '',
    start: start.toFormat('HH:mm'),
    end: end.toFormat('HH:mm'),
    format: c.item.format,
    responsibleBody: c.item.responsibleBody,
    slots: c.slots.map((s) => ({
      municipalityNumber: s.municipalityNumber,
      municipalityName: municipalities.get(s.municipalityNumber) ?? s.municipalityNumber,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
  };
}

/** What an import would create, the rows it cannot read, and what to look at first. Writes nothing. */
export async function previewImport(db: Queryable, network: Network, input: ImportInput, now: Date, calendar: ImportCalendar): Promise<Result<Preview>> {
  const source = readSource(input, now);
  if (!source.ok) return source;
  const errors = [...source.value.errors];
  const candidates: Candidate[] = [];
  const municipalities = await networkMunicipalityNames(db, network.id);
  for (const dated of source.value.dated) {
    const result = checked(dated);
    if ('item' in result) candidates.push({ row: dated.row, ...slotsFor(result.item, dated.perMunicipalityMinutes, municipalities) });
    // Only a pasted row can be wrong; a template's items are ours and tested.
    else errors.push({ row: dated.row ?? 0, ...result.error });
  }
  errors.sort((a, b) => a.row - b.row);
  const existing = await planForNetwork(db, network.id);
  return ok({
    candidates,
    response: { timeZone: OSLO, items: candidates.map((c) => previewOf(c, municipalities)), errors, warnings: warningsFor(candidates, existing, now, calendar) },
  });
}

/**
 * Creates every item of the preview in one transaction, each with its reminders, and one audit
 * entry; or nothing at all when a row cannot be read.
 */
export async function importPlan(
  db: Database,
  network: Network,
  actor: Actor,
  input: ImportInput,
  now: Date,
  deps: ImportDeps,
): Promise<Result<PlanImportResponse>> {
  const preview = await previewImport(db, network, input, now, deps.calendar);
  if (!preview.ok) return preview;
  const { candidates, response } = preview.value;
  const field = input.source === 'table' ? 'text' : 'templateId';
  if (response.errors.length > 0) {
    const count = new Set(response.errors.map((e) => e.row)).size;
    return invalid(t('api.rowsInvalid', { count }), field);
  }
  if (candidates.length === 0) return invalid(t('api.nothingToImport'), field);
  const created = await db.transaction(async (tx) => {
    const items: PlanItem[] = [];
    for (const { item, slots } of candidates) {
      const id = await insertPlanItem(tx, network.id, item);
      await replaceSlots(tx, network.id, id, slots);
      // Each item's reminders (the day before, an hour before …) come into being with it.
      await deps.hooks.inTransaction(tx, id, now);
      items.push({ ...item, id, networkId: network.id });
    }
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorName: actor.displayName,
      regionId: network.regionId,
      networkId: network.id,
      action: 'plan.importert',
      target: input.source === 'template' ? input.templateId : 'tabell',
      details: {
        source: input.source,
        ...(input.source === 'template' ? { templateId: input.templateId, startDate: input.startDate, items: input.items ?? null } : {}),
        count: items.length,
        planItemIds: items.map((i) => i.id),
      },
    });
    return items;
  });
  deps.hooks.afterCommit();
  return ok({ created: created.map(planItemDto), warnings: response.warnings });
}
