/**
 * The plan item form's state, and what of it goes to the server: a new item whole, a change
 * as only the fields that differ from what was loaded (PATCH), so a field the form does not
 * touch is never cleared by accident.
 */
import { formatDay, parseClock, parseDay, showClock, wallParts } from '../format.js';
import { wallTimeToIso } from '../oslo-time.js';
import type { BodyCode, PlanItem, PlanItemFormat, PlanItemKind, PlanItemPatchRequest, PlanItemRequest } from '../api-types.js';

export interface SlotForm {
  municipalityNumber: string;
  start: string;
  end: string;
}

export interface PlanForm {
  kind: PlanItemKind;
  title: string;
  date: string;
  start: string;
  end: string;
  format: PlanItemFormat;
  responsibleBody: BodyCode | '';
  agenda: string;
  meetingUrl: string;
  slots: SlotForm[];
}

/** Form field names the server's `error.field` maps to. */
export type FormField = 'kind' | 'title' | 'date' | 'start' | 'end' | 'format' | 'responsibleBody' | 'agenda' | 'meetingUrl' | 'slots' | `slots.${number}.${'municipalityNumber' | 'start' | 'end'}`;

export function formOf(item: PlanItem | null, timeZone: string, lang: string, day?: string): PlanForm {
  if (!item) {
    return { kind: 'samling', title: '', date: day ? formatDay(day) : '', start: showClock('10:00', lang), end: showClock('12:00', lang), format: 'digital', responsibleBody: '', agenda: '', meetingUrl: '', slots: [] };
  }
  const s = wallParts(item.startsAt, timeZone);
  const e = wallParts(item.endsAt, timeZone);
  return {
    kind: item.kind,
    title: item.title,
    date: formatDay(s.day),
    start: showClock(s.time, lang),
    end: showClock(e.time, lang),
    format: item.format,
    responsibleBody: item.responsibleBody ?? '',
    agenda: item.agenda ?? '',
    meetingUrl: item.meetingUrl ?? '',
    slots: item.slots.map((slot) => ({
      municipalityNumber: slot.municipalityNumber,
      start: showClock(wallParts(slot.startsAt, timeZone).time, lang),
      end: showClock(wallParts(slot.endsAt, timeZone).time, lang),
    })),
  };
}

export type Checked = { ok: true; item: PlanItemRequest & { slots: NonNullable<PlanItemRequest['slots']> } } | { ok: false; field: FormField; problem: 'date' | 'time' | 'required' };

/** The form as a whole item, or the first field the tab can already tell is not filled in right. */
export function checkForm(form: PlanForm, timeZone: string): Checked {
  if (!form.title.trim()) return { ok: false, field: 'title', problem: 'required' };
  const day = parseDay(form.date);
  if (!day) return { ok: false, field: 'date', problem: form.date.trim() ? 'date' : 'required' };
  const start = parseClock(form.start);
  if (!start) return { ok: false, field: 'start', problem: 'time' };
  const end = parseClock(form.end);
  if (!end) return { ok: false, field: 'end', problem: 'time' };
  const slots: { municipalityNumber: string; startsAt: string; endsAt: string }[] = [];
  if (form.kind === 'veiledning') {
    for (const [i, slot] of form.slots.entries()) {
      if (!slot.municipalityNumber) return { ok: false, field: `slots.${i}.municipalityNumber`, problem: 'required' };
      const a = parseClock(slot.start);
      if (!a) return { ok: false, field: `slots.${i}.start`, problem: 'time' };
      const b = parseClock(slot.end);
      if (!b) return { ok: false, field: `slots.${i}.end`, problem: 'time' };
      slots.push({ municipalityNumber: slot.municipalityNumber, startsAt: wallTimeToIso(day, a, timeZone)!, endsAt: wallTimeToIso(day, b, timeZone)! });
    }
  }
  return {
    ok: true,
    item: {
      kind: form.kind,
      title: form.title.trim(),
      startsAt: wallTimeToIso(day, start, timeZone)!,
      endsAt: wallTimeToIso(day, end, timeZone)!,
      format: form.format,
      responsibleBody: form.responsibleBody || null,
      agenda: form.agenda.trim() || null,
      meetingUrl: form.meetingUrl.trim() || null,
      slots,
    },
  };
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);
const slotKey = (slots: readonly { municipalityNumber: string; startsAt: string; endsAt: string }[]) =>
  JSON.stringify(slots.map((s) => [s.municipalityNumber, Date.parse(s.startsAt), Date.parse(s.endsAt)]));

/** Only what differs from the loaded item; empty when nothing changed. */
export function patchOf(before: PlanItem, after: Extract<Checked, { ok: true }>['item']): PlanItemPatchRequest {
  const patch: PlanItemPatchRequest = {};
  if (after.kind !== before.kind) patch.kind = after.kind;
  if (after.title !== before.title) patch.title = after.title;
  if (!sameInstant(after.startsAt, before.startsAt)) patch.startsAt = after.startsAt;
  if (!sameInstant(after.endsAt, before.endsAt)) patch.endsAt = after.endsAt;
  if (after.format !== before.format) patch.format = after.format;
  if ((after.responsibleBody ?? null) !== before.responsibleBody) patch.responsibleBody = after.responsibleBody ?? null;
  if ((after.agenda ?? null) !== before.agenda) patch.agenda = after.agenda ?? null;
  if ((after.meetingUrl ?? null) !== before.meetingUrl) patch.meetingUrl = after.meetingUrl ?? null;
  if (slotKey(after.slots) !== slotKey(before.slots)) patch.slots = after.slots.length > 0 ? after.slots : null;
  return patch;
}

/** The server's field key («startsAt», «slots.1.endsAt») as the form's field. */
export function formFieldOf(serverField: string | undefined): FormField | undefined {
  if (!serverField) return undefined;
  const slot = /^slots\.(\d+)\.(municipalityNumber|startsAt|endsAt)$/.exec(serverField);
  if (slot) return `slots.${Number(slot[1])}.${slot[2] === 'startsAt' ? 'start' : slot[2] === 'endsAt' ? 'end' : 'municipalityNumber'}`;
  if (serverField.startsWith('slots')) return 'slots';
  const map: Record<string, FormField> = { startsAt: 'start', endsAt: 'end', kind: 'kind', title: 'title', format: 'format', responsibleBody: 'responsibleBody', agenda: 'agenda', meetingUrl: 'meetingUrl', date: 'date' };
  return map[serverField];
}
