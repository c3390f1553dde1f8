import { describe, expect, it } from 'vitest';
import { authorizeUrl, parseConsentRequest } from '../src/tab/auth-flow.js';
import type { DevUser } from '../src/tab/api-types.js';
import { isConsentError, pickDevUser, tokenExpiry } from '../src/tab/auth.js';

const CLIENT_ID = '33333333-3333-4333-8333-333333333333';
const TENANT = '00000000-0000-4000-8000-0000000000aa';
const SCOPE = `api://samlingspunkt.example.no/${CLIENT_ID}/access_as_user`;

describe('tab sign-in helpers', () => {
  it('recognises the consent errors Teams and Entra ID give', () => {
    for (const e of ['resourceRequiresConsent', 'AADSTS65001: consent_required', 'invalid_grant', 'interaction_required']) {
      expect(isConsentError(new Error(e))).toBe(true);
      expect(isConsentError(e)).toBe(true);
    }
    expect(isConsentError(new Error('CancelledByUser'))).toBe(false);
    expect(isConsentError(undefined)).toBe(false);
  });

  it('reads the expiry from a token without trusting anything else in it', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_900_000_000, name: 'Åse Ødegård' })).toString('base64url');
    expect(tokenExpiry(`h.${payload}.s`)).toBe(1_900_000_000_000);
    expect(tokenExpiry('ikke-et-token')).toBeNull();
    expect(tokenExpiry('h.%%%.s')).toBeNull();
  });

  it('defaults the dev sign-in to the first fasilitator', () => {
    const users: DevUser[] = [
      { aadObjectId: 'k', displayName: 'Per', role: 'koordinator', municipalityName: null },
      { aadObjectId: 'f', displayName: 'Ingrid', role: 'fasilitator', municipalityName: null },
    ];
    expect(pickDevUser(users)?.aadObjectId).toBe('f'); // no localStorage in Node: nothing stored
    expect(pickDevUser([])).toBeUndefined();
  });

  it('builds the Entra ID consent URL from auth-start’s query', () => {
    const req = parseConsentRequest(`?clientId=${CLIENT_ID}&tenant=${TENANT}&scope=${encodeURIComponent(SCOPE)}&loginHint=ingrid%40example.no`);
    if (typeof req === 'string') throw new Error(req);
    const url = new URL(authorizeUrl(req, 'https://samlingspunkt.example.no', 'state-1', 'nonce-1'));
    expect(url.origin + url.pathname).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: 'id_token',
      response_mode: 'fragment',
      scope: `openid profile ${SCOPE}`,
      redirect_uri: 'https://samlingspunkt.example.no/tab/auth-end.html',
      nonce: 'nonce-1',
      state: 'state-1',
      prompt: 'consent',
      login_hint: 'ingrid@example.no',
    });
  });

  it('refuses a consent request that could send the user elsewhere', () => {
    expect(parseConsentRequest(`?clientId=x&scope=${encodeURIComponent(SCOPE)}`)).toMatch(/clientId/);
    expect(parseConsentRequest(`?clientId=${CLIENT_ID}&tenant=evil.example/x&scope=${encodeURIComponent(SCOPE)}`)).toMatch(/tenant/);
    expect(parseConsentRequest(`?clientId=${CLIENT_ID}&scope=${encodeURIComponent('https://graph.microsoft.com/.default')}`)).toMatch(/scope/);
    const other = `api://samlingspunkt.example.no/44444444-4444-4444-8444-444444444444/access_as_user`;
    expect(parseConsentRequest(`?clientId=${CLIENT_ID}&scope=${encodeURIComponent(other)}`)).toMatch(/scope/);
    expect(parseConsentRequest(`?clientId=${CLIENT_ID}&scope=${encodeURIComponent(SCOPE)}`)).toMatchObject({ tenant: 'organizations' });
  });
});
