import { apiCall, networkPath } from '../api.js';
import type { MeetingPanelResponse, OpenPollResponse } from '../api-types.js';

/** The meeting's own calls; results, closing, repeating and answering use the polls' routes. */
export const meetingApi = {
  panel: (chatId: string, meetingId: string | undefined, signal?: AbortSignal) => {
    const q = new URLSearchParams({ chat: chatId });
    if (meetingId) q.set('meeting', meetingId);
    return apiCall<MeetingPanelResponse>('GET', `/api/meetings/panel?${q.toString()}`, undefined, signal);
  },
  open: (networkId: string, pollId: string) => apiCall<OpenPollResponse>('POST', `${networkPath(networkId)}/polls/${encodeURIComponent(pollId)}/open`, {}),
};
