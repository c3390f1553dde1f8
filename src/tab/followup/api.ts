import { apiCall, networkPath } from '../api.js';
import type { FollowupRemindResponse, FollowupResponse } from '../api-types.js';

/** Which subject the follow-up is about: a reflection task or a (named) poll. */
export type FollowupTarget = { kind: 'reflections' | 'polls'; id: string };

const path = (networkId: string, target: FollowupTarget) => `${networkPath(networkId)}/${target.kind}/${encodeURIComponent(target.id)}/followup`;

export const followupApi = {
  get: (networkId: string, target: FollowupTarget, signal?: AbortSignal) => apiCall<FollowupResponse>('GET', path(networkId, target), undefined, signal),
  remind: (networkId: string, target: FollowupTarget) => apiCall<FollowupRemindResponse>('POST', `${path(networkId, target)}/remind`, {}),
};
