import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../src/shared/api/caller.js';
import { createSsoValidator } from '../src/identity/sso.js';
import { DEMO_TENANT_ID, demoMembers } from '../src/demo/demo.js';
import { otherDemoPeople } from '../src/demo/more-networks.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { PRODUCTION_TAB_CLIENT_ID, PRODUCTION_TAB_DOMAIN, PRODUCTION_TENANT_ID, productionEnv } from './helpers/production-env.js';
import { SignJWT } from 'jose';
import { ENTRA_KID as KID, entraToken, LocalJwks, nowS } from './helpers/entra.js';

const CLIENT_ID = PRODUCTION_TAB_CLIENT_ID;
const TAB_DOMAIN = PRODUCTION_TAB_DOMAIN;
const OTHER_TENANT = '55555555-5555-4555-8555-555555555555';
const FACILITATOR_OID = '00000000-0000-4000-8000-000000000001';

const token = entraToken;

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('Teams SSO on the tab API (production mode)', () => {
  let jwks: LocalJwks;
  let t: TestApp;

  beforeAll(async () => {
    jwks = await new LocalJwks().start();
    t = await startTestApp(
      'pglite',
      productionEnv({
        SEED_DEMO: 'true',
        ALLOWED_TENANT_IDS: `${PRODUCTION_TENANT_ID}, ${DEMO_TENANT_ID.toUpperCase()}`,
        SSO_JWKS_URL: jwks.url,
        BOT_SERVICE_URL_ALLOWLIST: undefined,
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.stop();
  });

  async function expectOk(tokenValue: string): Promise<void> {
    const res = await t.get('/api/networks', bearer(tokenValue));
    expect(res.json).not.toHaveProperty('error');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.networks)).toBe(true);
  }

  async function expectRefused(headers: Record<string, string>, message: RegExp): Promise<void> {
    const res = await t.get('/api/networks', headers);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('ikke-innlogget');
    expect(res.json.error.message).toMatch(message);
    // Norwegian, for people: no jose error text leaks through.
    expect(res.json.error.message).not.toMatch(/claim|JWS|JWT|ERR_/);
  }

  it('accepts a valid v2 token for the demo fasilitator', async () => {
    await expectOk(await token(jwks));
  });

  it('accepts a v1 token (sts.windows.net issuer, api:// audience)', async () => {
    await expectOk(
      await token(jwks, {
        claims: { iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`, aud: `api://${TAB_DOMAIN}/${CLIENT_ID}`, ver: '1.0' },
      }),
    );
  });

  it('accepts the bare client id and the api:// resource as audience', async () => {
    await expectOk(await token(jwks, { claims: { aud: CLIENT_ID } }));
    await expectOk(await token(jwks, { claims: { aud: `api://${TAB_DOMAIN}/${CLIENT_ID}` } }));
  });

  it('refuses a token for another app', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { aud: '99999999-9999-4999-8999-999999999999' } })), /annen app/);
    await expectRefused(bearer(await token(jwks, { claims: { aud: `api://annen.example.no/${CLIENT_ID}` } })), /annen app/);
  });

  it('refuses a token from another issuer, or one naming another tenant than its tid', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { iss: 'https://login.example.com/v2.0' } })), /Microsoft Entra ID/);
    await expectRefused(
      bearer(await token(jwks, { claims: { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` } })),
      /Microsoft Entra ID/,
    );
  });

  it('refuses a token expired 5 minutes ago, but tolerates 30 seconds of clock skew', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { exp: nowS() - 300 } })), /Innloggingen har utløpt/);
    await expectOk(await token(jwks, { claims: { exp: nowS() - 30 } }));
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { nbf: nowS() + 300, iat: nowS() + 300 } })), /ikke gyldig ennå/);
    await expectOk(await token(jwks, { claims: { nbf: nowS() + 30 } }));
  });

  it('refuses a token signed with a key Entra ID does not publish', async () => {
    await expectRefused(bearer(await token(jwks, { key: 'other' })), /kunne ikke bekreftes/);
    await expectRefused(bearer(await token(jwks, { key: 'other', kid: 'ukjent-nokkel' })), /kunne ikke bekreftes/);
  });

  it('refuses unsigned (alg: none) and HMAC tokens', async () => {
    const payload = { aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`, exp: nowS() + 3600, tid: DEMO_TENANT_ID, oid: FACILITATOR_OID, scp: 'access_as_user' };
    await expectRefused(bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`), /kunne ikke/);
    const hmac = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(new TextEncoder().encode('x'.repeat(32)));
    await expectRefused(bearer(hmac), /kunne ikke/);
    await expectRefused(bearer('ikke-et-token'), /kunne ikke leses/);
  });

  it('refuses a tenant outside ALLOWED_TENANT_IDS', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { tid: OTHER_TENANT } })), /Organisasjonen din har ikke tilgang/);
  });

  it('refuses a token without oid or tid', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { oid: undefined } })), /mangler hvem du er/);
    await expectRefused(
      bearer(await token(jwks, { claims: { tid: undefined, iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0` } })),
      /mangler hvem du er/,
    );
  });

  it('refuses a token without the access_as_user scope (e.g. an app-only token)', async () => {
    await expectRefused(bearer(await token(jwks, { claims: { scp: undefined, roles: ['Admin'] } })), /access_as_user/);
    await expectRefused(bearer(await token(jwks, { claims: { scp: 'User.Read openid' } })), /access_as_user/);
  });

  it('ignores the dev sign-in header in production mode, even from loopback', async () => {
    await expectRefused({ [DEV_USER_HEADER]: FACILITATOR_OID }, /Innlogging med Teams kreves/);
    await expectRefused({}, /Innlogging med Teams kreves/);
  });

  it('fetches the key set once and reuses it', () => {
    expect(jwks.fetches).toBe(1);
  });

  it('serves the public SSO settings, and no dev user list', async () => {
    const config = await t.get('/api/auth/config');
    expect(config.status).toBe(200);
    expect(config.json).toEqual({ clientId: CLIENT_ID, tabDomain: TAB_DOMAIN, devSignIn: false, teamsMeetings: false });
    const users = await t.get('/api/dev/users');
    expect(users.status).toBe(404);
    expect(users.json.error.code).toBe('finnes-ikke');
  });
});

describe('SSO validator', () => {
  const sso = { clientId: CLIENT_ID, tabDomain: TAB_DOMAIN, allowedTenantIds: [DEMO_TENANT_ID] };

  it('answers an unreachable key endpoint with a Norwegian refusal, not an exception', async () => {
    const jwks = await new LocalJwks().start();
    const signed = await token(jwks);
    const url = jwks.url;
    await jwks.stop(); // nothing listens on that loopback port any more
    const errors: unknown[] = [];
    const validator = createSsoValidator({ ...sso, jwksUrl: url }, { onError: (e) => errors.push(e) });
    const result = await validator.validate(signed);
    expect(result).toEqual({ ok: false, error: { code: 'ikke-innlogget', message: expect.stringMatching(/Kunne ikke sjekke innloggingen/) } });
    expect(errors).toHaveLength(1);
  });

  it('refuses everything when SSO is not configured', async () => {
    const validator = createSsoValidator({ clientId: undefined, tabDomain: undefined, allowedTenantIds: [], jwksUrl: 'http://127.0.0.1:9/keys' });
    expect(await validator.validate('a.b.c')).toEqual({
      ok: false,
      error: { code: 'ikke-innlogget', message: 'Innlogging med Teams er ikke satt opp på denne serveren.' },
    });
  });

  it('returns the caller as lower-case tid + oid', async () => {
    const jwks = await new LocalJwks().start();
    try {
      const validator = createSsoValidator({ ...sso, jwksUrl: jwks.url });
      const result = await validator.validate(await token(jwks, { claims: { oid: FACILITATOR_OID.toUpperCase() } }));
      expect(result).toEqual({ ok: true, value: { tenantId: DEMO_TENANT_ID, aadObjectId: FACILITATOR_OID, via: 'sso' } });
    } finally {
      await jwks.stop();
    }
  });
});

describe('dev sign-in (local mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('lists the demo members to sign in as, fasilitator first', async () => {
    const res = await t.get('/api/dev/users');
    expect(res.status).toBe(200);
    const users = res.json.users as { aadObjectId: string; displayName: string; role: string; municipalityName: string | null }[];
    // The Playground's five and the people of the other demo networks (issue 12).
    expect(users).toHaveLength(demoMembers.length + otherDemoPeople.length);
    expect(users[0]).toEqual({ aadObjectId: FACILITATOR_OID, displayName: 'Ingrid Haugen', role: 'fasilitator', municipalityName: null });
    expect(users.find((u) => u.displayName === 'Per Olsen')?.role).toBe('koordinator');
    const kari = users.find((u) => u.displayName === 'Kari Nordmann');
    expect(kari).toMatchObject({ role: 'deltaker', municipalityName: expect.any(String) });
  });

  it('signs in with the dev header, and says SSO is not set up for a bearer token', async () => {
    expect((await t.get('/api/networks', { [DEV_USER_HEADER]: FACILITATOR_OID })).status).toBe(200);
    const res = await t.get('/api/networks', bearer('a.b.c'));
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe('Innlogging med Teams er ikke satt opp på denne serveren.');
    expect((await t.get('/api/auth/config')).json).toEqual({ clientId: null, tabDomain: null, devSignIn: true, teamsMeetings: false });
  });
});
