/**
 * The tab API of a network's plan (gatherings, guidance, webinars …), as types only. The tab
 * sees these through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Network, PlanItem } from '../shared/types.js';
import type { Json } from '../shared/json.js';
import type { NetworkView } from '../network/contract.js';
import type { duplicateSchema, planItemPatchSchema, planItemSchema } from './input.js';

export type { BodyCode, PlanItemFormat, PlanItemKind } from '../shared/types.js';

/** One municipality's time in a veiledning «per kommune». */
export interface PlanItemSlotView {
  municipalityNumber: string;
  municipalityName: string;
  startsAt: string;
  endsAt: string;
}

/** A plan item, its times as ISO strings; `slots` empty unless it is a veiledning per kommune. */
export type PlanItemView = Json<Omit<PlanItem, 'networkId'>> & { slots: PlanItemSlotView[] };

/** GET /api/networks/:networkId/plan */
export interface PlanResponse {
  network: NetworkView & Pick<Network, 'bodies'>;
  timeZone: string;
  canEdit: boolean;
  /** The caller's own municipality in this network (a deltaker's), so the tab can mark its slot. */
  myMunicipalityNumber: string | null;
  /** The network's municipalities, for the editor's slots (veiledning per kommune); empty unless `canEdit`. */
  municipalities: { number: string; name: string }[];
  items: PlanItemView[];
}

/** POST /api/networks/:networkId/plan and PUT …/plan/:itemId (a full replace) */
export type PlanItemRequest = z.input<typeof planItemSchema>;
/** PATCH …/plan/:itemId: only the fields that change; null clears an optional one. */
export type PlanItemPatchRequest = z.input<typeof planItemPatchSchema>;
/** POST …/plan/:itemId/preview: a patch, or `{ delete: true }`. */
export type PlanPreviewRequest = PlanItemPatchRequest | { delete: true };
/** POST …/plan/:itemId/duplicate */
export type DuplicatePlanItemRequest = z.input<typeof duplicateSchema>;

/** Something tied to the item, and what the change does to its deadline. */
export interface FollowerChange {
  id: string;
  title: string;
  /** Its deadline (a poll's planned close, a due time) now, and after the change. */
  from: string | null;
  to: string | null;
  /** moved: by the item's shift; kept: not moved (closed, passed, or it would land in the past); unlinked: the item is gone, it stays; deleted: it goes with the item. */
  change: 'moved' | 'kept' | 'unlinked' | 'deleted';
}

export interface ReminderCounts {
  created: number;
  moved: number;
  cancelled: number;
}

/** What a save did, or a preview says it would do. */
export interface PlanConsequences {
  action: 'create' | 'update' | 'delete';
  /** How far the start moved, in minutes (0: not moved). */
  shiftMinutes: number;
  /** The item's own reminders: counts, and the send times of those pending before and after. */
  reminders: ReminderCounts & { before: string[]; after: string[] };
  polls: FollowerChange[];
  reflections: FollowerChange[];
  mellomarbeid: (FollowerChange & { municipalities: number; updatedMunicipalities: number })[];
  /** The reminders of the polls, reflection tasks and mellomarbeid above. */
  followerReminders: ReminderCounts;
  /** The same, as sentences in the reader's language («3 påminnelser flyttes til …»). */
  summary: string[];
}

export interface PlanItemResponse {
  item: PlanItemView;
  consequences?: PlanConsequences;
}

/** POST …/plan/:itemId/preview */
export interface PlanPreviewResponse {
  consequences: PlanConsequences;
}

/** DELETE /api/networks/:networkId/plan/:itemId */
export interface DeletePlanItemResponse {
  deleted: true;
  consequences?: PlanConsequences;
}
