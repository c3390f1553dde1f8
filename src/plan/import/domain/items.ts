import type { BodyCode, PlanItemFormat, PlanItemKind } from '../../../shared/types.js';

/**
 * A plan item as a template or a pasted table gives it: an Oslo calendar date and wall-clock
 * times, not yet instants, so a preview can show exactly what was read and the instants are made
 * in one place (with the right offset on both sides of a DST change).
 */
export interface DatedItem {
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  /** yyyy-MM-dd, in Europe/Oslo. */
  date: string;
  /** HH:mm, in Europe/Oslo. */
  start: string;
  end: string;
  format: PlanItemFormat;
  responsibleBody: BodyCode | null;
  /** Veiledning «per kommune» (a template's): one back-to-back slot of this many minutes per municipality. */
  perMunicipalityMinutes?: number;
}

/** The columns of a pasted plan table («dato · tid · hva · format · ansvar»). */
export const importColumns = ['date', 'time', 'what', 'format', 'responsible'] as const;
export type ImportColumn = (typeof importColumns)[number];
