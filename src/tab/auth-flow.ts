/** Shared by auth-start.html and auth-end.html (the Teams consent pop-up). */
export const AUTH_STATE_KEY = 'samlingspunkt.auth.state';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCOPE = /^api:\/\/[a-z0-9.-]+(:[0-9]{1,5})?\/[0-9a-f-]{36}\/access_as_user$/i;

export interface ConsentRequest {
  clientId: string;
  tenant: string;
  scope: string;
  loginHint: string | null;
}

/** Reads and checks auth-start's query (`?clientId=…&tenant=…&scope=…[&loginHint=…]`). */
export function parseConsentRequest(search: string): ConsentRequest | string {
  const q = new URLSearchParams(search);
  const clientId = q.get('clientId') ?? '';
  const tenant = q.get('tenant') || 'organizations';
  const scope = q.get('scope') ?? '';
  if (!GUID.test(clientId)) return 'clientId mangler eller er ikke en GUID';
  if (!GUID.test(tenant) && tenant !== 'organizations' && tenant !== 'common') return 'ugyldig tenant';
  if (!SCOPE.test(scope) || !scope.includes(`/${clientId}/`)) return 'ugyldig scope';
  return { clientId, tenant, scope, loginHint: q.get('loginHint') };
}

/** Entra ID's authorize URL that asks for consent to the tab's access_as_user scope. */
export function authorizeUrl(req: ConsentRequest, origin: string, state: string, nonce: string): string {
  const url = new URL(`https://login.microsoftonline.com/${encodeURIComponent(req.tenant)}/oauth2/v2.0/authorize`);
  url.searchParams.set('client_id', req.clientId);
  url.searchParams.set('response_type', 'id_token');
  url.searchParams.set('response_mode', 'fragment');
  url.searchParams.set('scope', `openid profile ${req.scope}`);
  url.searchParams.set('redirect_uri', `${origin}/tab/auth-end.html`);
  url.searchParams.set('nonce', nonce);
  url.searchParams.set('state', state);
  url.searchParams.set('prompt', 'consent');
  if (req.loginHint) url.searchParams.set('login_hint', req.loginHint);
  return url.toString();
}
