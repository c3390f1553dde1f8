/**
 * The tab API for starting a plan from a template or a pasted table, as types only (the tab
 * sees them through `Json<…>`).
 */
import type { z } from 'zod';
import type { PlanItemView } from '../contract.js';
import type { BodyCode, PlanItemFormat, PlanItemKind } from '../../shared/types.js';
import type { ImportColumn } from './domain/items.js';
import type { planImportSchema } from './input.js';

export type { ImportColumn } from './domain/items.js';

/** GET /api/networks/:networkId/plan/templates */
export interface PlanTemplateSummary {
  id: string;
  name: string;
  description: string;
  itemCount: number;
  /** The date the original plan started on (yyyy-MM-dd), and its weekday is the one to keep. */
  firstDate: string;
}
export interface PlanTemplatesResponse {
  templates: PlanTemplateSummary[];
}

/** POST …/plan/import/preview and …/plan/import */
export type PlanImportRequest = z.input<typeof planImportSchema>;

/** An item that would be created, its times both as instants and as Oslo wall-clock time. */
export interface ImportItemPreview {
  /** The row of the pasted table it comes from (null for a template). */
  row: number | null;
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  startsAt: string;
  endsAt: string;
  /** yyyy-MM-dd and HH:mm in Europe/Oslo. */
  date: string;
  start: string;
  end: string;
  format: PlanItemFormat;
  responsibleBody: BodyCode | null;
  /** Veiledning «per kommune»: one slot per municipality, in the order they come. */
  slots: { municipalityNumber: string; municipalityName: string; startsAt: string; endsAt: string }[];
}

/** A row that cannot become an item: where, and why in the reader's language. */
export interface ImportRowError {
  row: number;
  column: ImportColumn;
  /** The column as the reader calls it («Dato»). */
  columnLabel: string;
  message: string;
}

/** Something to look at before importing; it does not stop the import. */
export interface ImportWarning {
  /** The index in `items` it is about. */
  item: number;
  row: number | null;
  kind: 'helligdag' | 'romjul' | 'helg' | 'passert' | 'overlapp';
  message: string;
}

export interface PlanImportPreviewResponse {
  timeZone: string;
  items: ImportItemPreview[];
  errors: ImportRowError[];
  warnings: ImportWarning[];
}

export interface PlanImportResponse {
  created: PlanItemView[];
  warnings: ImportWarning[];
}
