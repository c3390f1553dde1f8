import { apiCall, networkPath } from '../api.js';
import type {
  AttendanceChecklistRequest,
  AttendanceChecklistResponse,
  AttendanceImportPreview,
  AttendanceImportRequest,
  AttendanceImportResponse,
  AttendanceSummaryResponse,
} from '../api-types.js';

const item = (networkId: string, itemId: string) => `${networkPath(networkId)}/plan/${encodeURIComponent(itemId)}/attendance`;

export const attendanceApi = {
  summary: (networkId: string, signal?: AbortSignal) => apiCall<AttendanceSummaryResponse>('GET', `${networkPath(networkId)}/attendance`, undefined, signal),
  checklist: (networkId: string, itemId: string, signal?: AbortSignal) => apiCall<AttendanceChecklistResponse>('GET', item(networkId, itemId), undefined, signal),
  saveChecklist: (networkId: string, itemId: string, body: AttendanceChecklistRequest) => apiCall<AttendanceChecklistResponse>('PUT', item(networkId, itemId), body),
  removeGuest: (networkId: string, itemId: string, guestId: string) =>
    apiCall<AttendanceChecklistResponse>('DELETE', `${item(networkId, itemId)}/guests/${encodeURIComponent(guestId)}`),
  preview: (networkId: string, itemId: string, body: AttendanceImportRequest) => apiCall<AttendanceImportPreview>('POST', `${item(networkId, itemId)}/import/preview`, body),
  commit: (networkId: string, itemId: string, body: AttendanceImportRequest) => apiCall<AttendanceImportResponse>('POST', `${item(networkId, itemId)}/import`, body),
};

/** The picked file's bytes as base64: the server decodes UTF-16 or UTF-8 itself, so nothing is lost in the browser. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
