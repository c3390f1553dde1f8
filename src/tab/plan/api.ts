import { apiCall, networkPath } from '../api.js';
import type {
  DeletePlanItemResponse,
  DuplicatePlanItemRequest,
  PlanItemPatchRequest,
  PlanItemRequest,
  PlanItemResponse,
  PlanPreviewRequest,
  PlanPreviewResponse,
} from '../api-types.js';

const itemPath = (networkId: string, itemId: string) => `${networkPath(networkId)}/plan/${encodeURIComponent(itemId)}`;

/** The plan editor's calls: only the fields that changed go in a PATCH. */
export const planEditorApi = {
  create: (networkId: string, item: PlanItemRequest) => apiCall<PlanItemResponse>('POST', `${networkPath(networkId)}/plan`, item),
  update: (networkId: string, itemId: string, patch: PlanItemPatchRequest) => apiCall<PlanItemResponse>('PATCH', itemPath(networkId, itemId), patch),
  preview: (networkId: string, itemId: string, change: PlanPreviewRequest) =>
    apiCall<PlanPreviewResponse>('POST', `${itemPath(networkId, itemId)}/preview`, change),
  duplicate: (networkId: string, itemId: string, request: DuplicatePlanItemRequest) =>
    apiCall<PlanItemResponse>('POST', `${itemPath(networkId, itemId)}/duplicate`, request),
  remove: (networkId: string, itemId: string) => apiCall<DeletePlanItemResponse>('DELETE', itemPath(networkId, itemId)),
  /** The item's Teams meeting, made in the facilitator's calendar; the answer is the item with its link. */
  createTeamsMeeting: (networkId: string, itemId: string) => apiCall<PlanItemResponse>('POST', `${itemPath(networkId, itemId)}/teams-meeting`, {}),
};
