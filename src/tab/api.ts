import { authHeaders, invalidateToken } from './auth.js';
import { currentLang, type Lang } from './i18n.js';
import type { LanguageResponse, NetworksResponse, NewNetworkRequest, NewNetworkResponse, PlanResponse, SetupOptions } from './api-types.js';

/** Tells the server which language to answer in (errors, previews, labels). */
export const LOCALE_HEADER = 'x-samlingspunkt-locale';

/** Carries the server's error message, already in the tab's language, so the UI can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The input the server names (`error.field`), so the form can mark it. */
    readonly field?: string,
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
  return { ...(await authHeaders()), [LOCALE_HEADER]: currentLang() };
}

/** The one request helper of the tab: JSON in and out, the server's error message (in the tab's language) kept. */
export async function apiCall<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(await getAuthHeaders()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // A refused token may be stale or lack consent: the next attempt asks Teams for a new one.
    if (res.status === 401) invalidateToken();
    const err = (json as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : 'http_' + res.status,
      typeof err?.message === 'string' ? err.message : '',
      typeof err?.field === 'string' ? err.field : undefined,
    );
  }
  return json as T;
}

/** Path of a network's API resources. */
export const networkPath = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}`;

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const body = await apiCall<T | null>('GET', path, undefined, signal);
  if (body === null) throw new ApiError(200, 'invalid_json', '');
  return body;
}

// Relative to the site root, not /tab/, because the API lives beside the tab.
export const api = {
  listNetworks: (signal?: AbortSignal) => getJson<NetworksResponse>('/api/networks', signal),
  /** The set-up form's choices, and whether the caller may create a network. */
  getSetupOptions: (signal?: AbortSignal) => getJson<SetupOptions>('/api/setup/options', signal),
  createNetwork: (body: NewNetworkRequest) => apiCall<NewNetworkResponse>('POST', '/api/networks', body),
  getPlan: (networkId: string, signal?: AbortSignal) =>
    getJson<PlanResponse>(`${networkPath(networkId)}/plan`, signal),
  getLanguage: (signal?: AbortSignal) => getJson<LanguageResponse>('/api/me/language', signal),
  /** Saves the person's choice for later cards too; people the app does not know (403) keep it in this browser only. */
  saveLanguage: async (language: Lang): Promise<void> => {
    try {
      await apiCall<unknown>('PUT', '/api/me/language', { language });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 403)) throw err;
    }
  },
};
