import { teamsSdk, type Host } from './teams.js';
import type { AuthConfig, DevUser, DevUsersResponse } from './api-types.js';

/** Sent instead of a token by the local-mode dev sign-in; the server honours it only on loopback. */
export const DEV_USER_HEADER = 'x-samlingspunkt-dev-user';
const DEV_USER_STORAGE_KEY = 'samlingspunkt.devUser';
/** Ask Teams for a fresh token this long before the cached one expires. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Sign-in failed before any API call. `consent`: the user must consent to the app in a pop-up
 * (see requestConsent); `failed`: Teams could not give a token; `outsideTeams`: production
 * without Teams. The UI turns the kind into a translated message.
 */
export class SignInError extends Error {
  constructor(
    readonly kind: 'consent' | 'failed' | 'outsideTeams',
    readonly detail?: string,
  ) {
    super(`Innlogging feilet (${kind})${detail ? `: ${detail}` : ''}`);
    this.name = 'SignInError';
  }
}

// What Teams/Entra answer when the user has not consented to the app's access_as_user scope.
const CONSENT_ERRORS = /resourceRequiresConsent|consent_required|invalid_grant|interaction_required/i;

export function isConsentError(err: unknown): boolean {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err ?? '');
  return CONSENT_ERRORS.test(text);
}

/** Expiry (ms since epoch) read from the token's payload; the server checks the signature. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

let host: Host = { inTeams: false };
let devUserId: string | null = null;
let cached: { token: string; expiresAt: number } | null = null;
let pending: Promise<string> | null = null;
let authConfig: Promise<AuthConfig> | null = null;

export function initAuth(h: Host): void {
  host = h;
}

async function publicJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** `GET /api/auth/config` (no sign-in needed), fetched once. */
export function loadAuthConfig(): Promise<AuthConfig> {
  authConfig ??= publicJson<AuthConfig>('/api/auth/config').catch((err: unknown) => {
    authConfig = null; // let a retry ask again
    throw err;
  });
  return authConfig;
}

/** `GET /api/dev/users`: the demo members, local mode only. */
export function loadDevUsers(): Promise<DevUsersResponse> {
  return publicJson<DevUsersResponse>('/api/dev/users');
}

export function storedDevUser(): string | null {
  try {
    return localStorage.getItem(DEV_USER_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setDevUser(id: string | null): void {
  devUserId = id;
  try {
    if (id) localStorage.setItem(DEV_USER_STORAGE_KEY, id);
  } catch {
    // Not remembering is fine: the picker still works for this page.
  }
}

/** The stored choice if it is still a demo member, else the first fasilitator, else the first. */
export function pickDevUser(users: DevUser[]): DevUser | undefined {
  const stored = storedDevUser();
  return users.find((u) => u.aadObjectId === stored) ?? users.find((u) => u.role === 'fasilitator') ?? users[0];
}

/** Forget the cached token, e.g. after the API answered 401 or after consent. */
export function invalidateToken(): void {
  cached = null;
}

async function teamsToken(): Promise<string> {
  const sdk = teamsSdk();
  if (!sdk) throw new SignInError('outsideTeams');
  if (cached && cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return cached.token;
  pending ??= sdk.authentication
    .getAuthToken()
    .then(
      (token) => {
        // Unknown expiry: keep it for a minute rather than asking Teams on every request.
        cached = { token, expiresAt: tokenExpiry(token) ?? Date.now() + REFRESH_MARGIN_MS + 60_000 };
        return token;
      },
      (err: unknown) => {
        throw isConsentError(err) ? new SignInError('consent', String(err)) : new SignInError('failed', String(err));
      },
    )
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The one place requests get their identity: a Teams SSO token, or the local dev sign-in. */
export async function authHeaders(): Promise<Record<string, string>> {
  if (host.inTeams) return { Authorization: `Bearer ${await teamsToken()}` };
  if (devUserId) return { [DEV_USER_HEADER]: devUserId };
  return {};
}

/**
 * Opens Entra ID's consent prompt in a Teams pop-up (auth-start.html → login.microsoftonline.com
 * → auth-end.html), then drops the cached token so the next request asks Teams again.
 */
export async function requestConsent(): Promise<void> {
  const sdk = teamsSdk();
  if (!sdk) throw new SignInError('outsideTeams');
  const config = await loadAuthConfig();
  if (!config.clientId || !config.tabDomain) throw new SignInError('failed', 'SSO er ikke satt opp på serveren');
  const url = new URL(`${window.location.origin}/tab/auth-start.html`);
  url.searchParams.set('clientId', config.clientId);
  url.searchParams.set('tenant', host.tenantId ?? 'organizations');
  url.searchParams.set('scope', `api://${config.tabDomain}/${config.clientId}/access_as_user`);
  if (host.loginHint) url.searchParams.set('loginHint', host.loginHint);
  await sdk.authentication.authenticate({ url: url.toString(), width: 600, height: 535 });
  invalidateToken();
}
