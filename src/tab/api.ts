import { authHeaders, invalidateToken } from './auth.js';
import type { NetworksResponse, PlanResponse } from './types.js';

/** Carries the server's Norwegian error message so the UI can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Every request goes through here: a Teams SSO bearer token inside Teams, the dev sign-in header
 * in local mode. Throws SignInError (consent needed, Teams failed) before anything is sent.
 */
export async function getAuthHeaders(): Promise<Record<string, string>> {
  return authHeaders();
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const headers = { Accept: 'application/json', ...(await getAuthHeaders()) };
  const res = await fetch(path, { headers, signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // A refused token may be stale or lack consent: the next attempt asks Teams for a new one.
    if (res.status === 401) invalidateToken();
    const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : 'http_' + res.status,
      typeof err?.message === 'string' ? err.message : '',
    );
  }
  if (body === null) throw new ApiError(res.status, 'invalid_json', '');
  return body as T;
}

// Relative to the site root, not /tab/, because the API lives beside the tab.
export const api = {
  listNetworks: (signal?: AbortSignal) => getJson<NetworksResponse>('/api/networks', signal),
  getPlan: (networkId: string, signal?: AbortSignal) =>
    getJson<PlanResponse>(`/api/networks/${encodeURIComponent(networkId)}/plan`, signal),
};
