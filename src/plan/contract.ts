/**
 * The tab API of a network's plan (gatherings, guidance, webinars …), as types only. The tab
 * sees these through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Network, PlanItem } from '../shared/types.js';
import type { Json } from '../shared/json.js';
import type { NetworkView } from '../network/contract.js';
import type { planItemSchema } from './input.js';

export type { BodyCode, PlanItemFormat, PlanItemKind } from '../shared/types.js';

/** A plan item, its times as ISO strings. */
export type PlanItemView = Json<Omit<PlanItem, 'networkId'>>;

/** GET /api/networks/:networkId/plan */
export interface PlanResponse {
  network: NetworkView & Pick<Network, 'bodies'>;
  timeZone: string;
  canEdit: boolean;
  items: PlanItemView[];
}

/** POST /api/networks/:networkId/plan and PUT …/plan/:itemId */
export type PlanItemRequest = z.input<typeof planItemSchema>;
export interface PlanItemResponse {
  item: PlanItemView;
}

/** DELETE /api/networks/:networkId/plan/:itemId */
export interface DeletePlanItemResponse {
  deleted: true;
}
