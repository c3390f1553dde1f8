import { ApiError, apiCall, getAuthHeaders, networkPath } from '../api.js';
import type { MunicipalityDetailResponse, MyRegionsResponse, RegionOverviewResponse, ReportAccessResponse } from '../api-types.js';

const regionPath = (regionId: string) => `/api/regions/${encodeURIComponent(regionId)}`;

export interface OverviewQuery {
  network: string;
  county: string;
  phase: string;
}

function query(params: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * A download needs the same sign-in headers as every call, so a plain link will not do: fetch
 * the file and hand the browser a blob with the server's file name (as the poll export does).
 */
async function download(path: string): Promise<void> {
  const res = await fetch(path, { headers: await getAuthHeaders() });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    throw new ApiError(res.status, json?.error?.code ?? `http_${res.status}`, json?.error?.message ?? '', json?.error?.field);
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : 'rapport.xlsx';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const regionApi = {
  mine: (signal?: AbortSignal) => apiCall<MyRegionsResponse>('GET', '/api/regions', undefined, signal),
  overview: (regionId: string, q: OverviewQuery, signal?: AbortSignal) =>
    apiCall<RegionOverviewResponse>('GET', `${regionPath(regionId)}/overview${query({ ...q })}`, undefined, signal),
  municipality: (regionId: string, number: string, signal?: AbortSignal) =>
    apiCall<MunicipalityDetailResponse>('GET', `${regionPath(regionId)}/municipalities/${encodeURIComponent(number)}`, undefined, signal),
  reportAccess: (networkId: string, signal?: AbortSignal) => apiCall<ReportAccessResponse>('GET', `${networkPath(networkId)}/report`, undefined, signal),
  downloadRegion: (regionId: string, from: string, to: string) => download(`${regionPath(regionId)}/export.xlsx${query({ from, to })}`),
  downloadNetwork: (networkId: string, from: string, to: string) => download(`${networkPath(networkId)}/export.xlsx${query({ from, to })}`),
};
