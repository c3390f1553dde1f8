/** The reporting export's tab API, as types only. */

/** GET /api/networks/:networkId/report: whether the caller may download the network's report. */
export interface ReportAccessResponse {
  canExport: boolean;
}
