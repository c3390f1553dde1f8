import { addOsloDays } from '../../../shared/time.js';
import type { BodyCode, PlanItemFormat, PlanItemKind } from '../../../shared/types.js';
import type { DatedItem } from './items.js';

/** One item of a plan template: its day counted from the plan's first day, its Oslo times. */
export interface TemplateItem {
  /** Stable within the template (the demo's seed key). */
  key: string;
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  day: number;
  start: string;
  end: string;
  format: PlanItemFormat;
  responsibleBody: BodyCode | null;
  /** Veiledning «per kommune»: one slot of this many minutes per municipality (seed 000: 1.5 h). */
  perMunicipalityMinutes?: number;
}

export interface PlanTemplate {
  id: string;
  /** The date the original plan started on (seed 000: Tuesday 18 August 2020). */
  firstDate: string;
  items: readonly TemplateItem[];
}

/**
 * A template moved so that its first item is on `startDate`: every gap in days is kept, and the
 * clock times stay as they are in Oslo (09:00 stays 09:00 across a DST change). Started on the
 * template's own weekday, every item keeps its weekday too.
 */
export function shiftTemplate(template: PlanTemplate, startDate: string): (DatedItem & { key: string })[] {
  const first = Math.min(...template.items.map((i) => i.day));
  return [...template.items]
    .sort((a, b) => a.day - b.day || a.start.localeCompare(b.start))
    .map((i) => ({
      key: i.key,
      kind: i.kind,
      title: i.title,
      agenda: i.agenda,
      date: addOsloDays(startDate, i.day - first),
      start: i.start,
      end: i.end,
      format: i.format,
      responsibleBody: i.responsibleBody,
      ...(i.perMunicipalityMinutes ? { perMunicipalityMinutes: i.perMunicipalityMinutes } : {}),
    }));
}
