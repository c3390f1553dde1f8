import { apiCall, networkPath } from '../../api.js';
import type { PlanImportPreviewResponse, PlanImportRequest, PlanImportResponse, PlanTemplatesResponse } from '../../api-types.js';

export const planImportApi = {
  templates: (networkId: string, signal?: AbortSignal) =>
    apiCall<PlanTemplatesResponse>('GET', `${networkPath(networkId)}/plan/templates`, undefined, signal),
  preview: (networkId: string, body: PlanImportRequest) =>
    apiCall<PlanImportPreviewResponse>('POST', `${networkPath(networkId)}/plan/import/preview`, body),
  import: (networkId: string, body: PlanImportRequest) => apiCall<PlanImportResponse>('POST', `${networkPath(networkId)}/plan/import`, body),
};

/**
 * What Word puts on the clipboard is not always what a text field may send: a line break inside
 * a cell is a vertical tab (U+000B), which the server's text rule refuses as a control character.
 */
export function cleanPastedTable(text: string): string {
  return text.replace(/\u000B/g, '\n').replace(/[\u0000-\u0008\u000C\u000E-\u001F]/g, '');
}
