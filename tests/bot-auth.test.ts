import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { botAdded, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { BotTokenIssuer } from './helpers/bot-token-issuer.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { PRODUCTION_APP_ID, productionEnv } from './helpers/production-env.js';

/*
 * Inbound Bot Framework authentication on /api/messages in production mode: botbuilder's
 * CloudAdapter validates the channel token against OpenID metadata and a JWKS served on
 * loopback by BotTokenIssuer, and every bad token gets 401 before any turn handler runs.
 */

// ---------------------------------------------------------------------------------------
// Loopback guard. This machine may only talk to itself, and a bot with real credentials
// wants to reach login.microsoftonline.com (outbound tokens, MSAL discovery) and
// login.botframework.com (default metadata). Every TCP connection in this process (http,
// https, node-fetch, axios, undici/fetch, pg) goes through net.Socket.prototype.connect, so
// that is where anything not aimed at 127.0.0.1/::1/localhost is refused – before any DNS
// lookup – and recorded; direct dns.lookup calls for other names are refused too. Every
// test then asserts the record is empty.
// ---------------------------------------------------------------------------------------
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost']);
const leaks: string[] = [];

type ConnectArgs = unknown[];
function connectTarget(args: ConnectArgs): { host: string; port: unknown } | undefined {
  // net.connect() hands the socket an already normalised [options, cb] array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
  }
  if (typeof first === 'string') return undefined; // IPC path: local by definition
  const options = (first ?? {}) as { path?: unknown; host?: unknown; port?: unknown };
  if (typeof options.path === 'string' && options.path) return undefined;
  return { host: typeof options.host === 'string' && options.host ? options.host : 'localhost', port: options.port };
}

const originalConnect = net.Socket.prototype.connect;
const originalLookup = dns.lookup;
const originalPromisesLookup = dns.promises.lookup;

function installLoopbackGuard(): void {
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const target = connectTarget(args);
    if (target && !LOOPBACK.has(target.host.replace(/^\[|\]$/g, ''))) {
      leaks.push(`tcp ${target.host}:${String(target.port)}`);
      process.nextTick(() => this.destroy(new Error(`Blokkert: ${target.host} er ikke loopback`)));
      return this;
    }
    return (originalConnect as (...a: ConnectArgs) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (!LOOPBACK.has(hostname)) {
      leaks.push(`dns ${hostname}`);
      const callback = rest.at(-1) as (err: Error) => void;
      process.nextTick(() => callback(Object.assign(new Error(`Blokkert DNS-oppslag: ${hostname}`), { code: 'ENOTFOUND' })));
      return {} as never;
    }
    return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  } as typeof dns.lookup;

  dns.promises.lookup = async function guardedPromisesLookup(hostname: string, ...rest: unknown[]) {
    if (!LOOPBACK.has(hostname)) {
      leaks.push(`dns ${hostname}`);
      throw Object.assign(new Error(`Blokkert DNS-oppslag: ${hostname}`), { code: 'ENOTFOUND' });
    }
    return (originalPromisesLookup as (...a: unknown[]) => Promise<never>)(hostname, ...rest);
  } as typeof dns.promises.lookup;
}

function removeLoopbackGuard(): void {
  net.Socket.prototype.connect = originalConnect;
  dns.lookup = originalLookup;
  dns.promises.lookup = originalPromisesLookup;
}

installLoopbackGuard();
afterAll(() => removeLoopbackGuard());

// ---------------------------------------------------------------------------------------

const APP_ID = PRODUCTION_APP_ID;
const OTHER_APP_ID = '33333333-3333-4333-8333-333333333333';

// Tab SSO settings production mode also requires; its key set is on loopback too.
const botAuthEnv = (issuerUrl: string) => productionEnv({ AAD_APP_CLIENT_ID: '44444444-4444-4444-8444-444444444444', SSO_JWKS_URL: `${issuerUrl}/sso-keys` });

let issuer: BotTokenIssuer;
beforeAll(async () => {
  issuer = await new BotTokenIssuer(APP_ID).start();
});
afterAll(async () => issuer?.stop());

const now = () => Math.floor(Date.now() / 1000);

interface BadRequest {
  name: string;
  /** The Authorization header value, or undefined for none. */
  authorization(serviceUrl: string): Promise<string | undefined>;
  channelId?: string;
}

// Each of these must get 401 with real credentials configured – and 200 with a handler run
// when inbound auth is off (the control suite below proves that for every one of them).
const badRequests: BadRequest[] = [
  { name: 'no Authorization header', authorization: async () => undefined },
  { name: 'a Bearer value that is not a JWT', authorization: async () => 'Bearer not-a-token' },
  {
    name: 'an unsigned token (alg none) naming the published kid',
    authorization: async (url) => `Bearer ${issuer.unsignedToken(url)}`,
  },
  {
    name: 'an unsigned token (alg none) without kid',
    authorization: async (url) => `Bearer ${issuer.unsignedToken(url, { kid: null })}`,
  },
  {
    name: 'a token for another bot (wrong audience)',
    authorization: async (url) => `Bearer ${await issuer.token(url, { claims: { aud: OTHER_APP_ID } })}`,
  },
  {
    name: 'a token without audience',
    authorization: async (url) => `Bearer ${await issuer.token(url, { omit: ['aud'] })}`,
  },
  {
    name: 'a token from another issuer',
    authorization: async (url) =>
      `Bearer ${await issuer.token(url, { claims: { iss: 'https://api.botframework.com.evil.example' } })}`,
  },
  {
    name: 'a token without issuer',
    authorization: async (url) => `Bearer ${await issuer.token(url, { omit: ['iss'] })}`,
  },
  {
    // botbuilder allows 5 minutes of clock skew; this one expired an hour ago.
    name: 'an expired token',
    authorization: async (url) =>
      `Bearer ${await issuer.token(url, { claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 } })}`,
  },
  {
    name: 'a token that is not valid yet (nbf in an hour)',
    authorization: async (url) =>
      `Bearer ${await issuer.token(url, { claims: { nbf: now() + 3600, exp: now() + 7200 } })}`,
  },
  {
    name: 'a token signed by a key that is not in the JWKS (unknown kid)',
    authorization: async (url) => `Bearer ${await issuer.token(url, { key: 'impostor', kid: 'impostor-key' })}`,
  },
  {
    name: 'a token signed by another key under the published kid',
    authorization: async (url) => `Bearer ${await issuer.token(url, { key: 'impostor' })}`,
  },
  {
    name: 'an HS256 token keyed with the published public key (algorithm confusion)',
    authorization: async (url) => `Bearer ${issuer.hmacWithPublicKeyToken(url)}`,
  },
  {
    // A genuine token replayed with an activity that points the bot's replies elsewhere.
    name: 'a valid token issued for another serviceUrl',
    authorization: async () => `Bearer ${await issuer.token('https://smba.trafficmanager.net/emea/')}`,
  },
  {
    // The key is endorsed for msteams only; the activity claims to come from another channel.
    name: 'a valid token on an activity from a channel the key is not endorsed for',
    authorization: async (url) => `Bearer ${await issuer.token(url)}`,
    channelId: 'webchat',
  },
];

async function postBad(t: TestApp, bad: BadRequest) {
  const activity = { ...message('hjelp', { serviceUrl: t.connector.url }), ...(bad.channelId ? { channelId: bad.channelId } : {}) };
  const authorization = await bad.authorization(activity.serviceUrl);
  const res = await t.post('/api/messages', activity, authorization === undefined ? {} : { authorization });
  return { res, conversationId: activity.conversation.id };
}

async function storedConversations(t: TestApp, conversationId?: string): Promise<number> {
  const { rows } = conversationId
    ? await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_ref WHERE conversation_id = $1', [
        conversationId,
      ])
    : await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_ref');
  return rows[0]!.n;
}

describe('loopback guard', () => {
  it('refuses and records a connection to anything but 127.0.0.1/::1/localhost', async () => {
    // 127.0.0.2 is still loopback, so even a broken guard would send nothing off the machine.
    leaks.length = 0;
    await expect(fetch('http://127.0.0.2:59999/')).rejects.toThrow();
    await new Promise<void>((resolve) => {
      http.get('http://127.0.0.2:59999/', () => resolve()).on('error', () => resolve());
    });
    await expect(dns.promises.lookup('login.microsoftonline.com')).rejects.toThrow(/Blokkert/);
    const seen = leaks.splice(0);
    expect(seen).toEqual(['tcp 127.0.0.2:59999', 'tcp 127.0.0.2:59999', 'dns login.microsoftonline.com']);
  });
});

describe.each(databaseKinds)('inbound Bot Framework auth in production mode on %s', (kind) => {
  let t: TestApp;
  // botbuilder console.error()s every rejected token; the assertions below say what matters.
  let quiet: { mockRestore(): void } | undefined;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t = await startTestApp(kind, botAuthEnv(issuer.url), { botAuthOverrides: issuer.authOverrides() });
  });
  afterAll(async () => {
    quiet?.mockRestore();
    await t?.close();
  });
  afterEach(() => {
    expect(leaks, 'no connection may leave loopback').toEqual([]);
  });

  it.skipIf(skipKind(kind)).each(badRequests)('refuses $name with 401 before any handler runs', async (bad) => {
    const { res, conversationId } = await postBad(t, bad);
    expect(res.status).toBe(401);
    // In Norwegian, without botbuilder's own text (token details, library URLs).
    expect(res.json.error).toEqual({ code: expect.stringMatching(/^(mangler|ugyldig)-token$/), message: expect.stringMatching(/Bot Framework-token/) });
    expect(await storedConversations(t, conversationId)).toBe(0);
    expect(await storedConversations(t)).toBe(0);
    expect(t.connector.calls).toEqual([]);
  });

  it.skipIf(skipKind(kind))('accepts a valid channel token with 200 and runs the handler', async () => {
    // A conversationUpdate without membersAdded is stored but answered with nothing, so the
    // bot needs no outbound token (which would mean login.microsoftonline.com).
    const { membersAdded: _ignored, ...activity } = botAdded({ serviceUrl: t.connector.url });
    const token = await issuer.token(activity.serviceUrl);
    const res = await t.post('/api/messages', activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await storedConversations(t, activity.conversation.id)).toBe(1);
    expect(t.connector.calls).toEqual([]);
  });

  it.skipIf(skipKind(kind))('answers a valid invoke in the HTTP response, without calling out', async () => {
    const activity = { ...message('', { serviceUrl: t.connector.url }), type: 'invoke', name: 'task/fetch', text: undefined };
    const token = await issuer.token(activity.serviceUrl);
    const res = await t.post('/api/messages', activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    // The invoke handler's own answer, in the HTTP body.
    expect(res.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.any(String) });
    expect(t.connector.calls).toEqual([]);
  });

  it.skipIf(skipKind(kind)).each(['https://attacker.example/', 'https://smba.trafficmanager.net.attacker.example/', 'http://127.0.0.2:9/'])(
    'refuses a validly signed activity whose serviceUrl %s is not on the allow-list, storing and sending nothing',
    async (serviceUrl) => {
      const { membersAdded: _ignored, ...activity } = botAdded({ serviceUrl });
      const token = await issuer.token(serviceUrl);
      const res = await t.post('/api/messages', activity, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('ugyldig-tjenesteadresse');
      expect(await storedConversations(t, activity.conversation.id)).toBe(0);
      expect(t.connector.calls).toEqual([]);
    },
  );

  it.skipIf(skipKind(kind))('fetched the OpenID metadata and the JWKS from the local issuer', () => {
    expect(issuer.requests).toContain('/.well-known/openidconfiguration');
    expect(issuer.requests).toContain('/keys');
  });
});

// Control: the same requests with inbound auth off (local mode, no bot credentials) reach
// the handler – the row and the reply the tests above look for do appear. So each 401 test
// above would fail if production mode stopped checking tokens.
describe('control: the same requests with auth off (local mode) reach the handler', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { SEED_DEMO: 'false' });
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    expect(leaks, 'no connection may leave loopback').toEqual([]);
  });

  it.each(badRequests)('$name → 200, stored and answered', async (bad) => {
    const before = t.connector.sentActivities().length;
    const { res, conversationId } = await postBad(t, bad);
    expect(res.status).toBe(200);
    expect(await storedConversations(t, conversationId)).toBe(1);
    expect(t.connector.sentActivities(conversationId)).toHaveLength(1);
    expect(t.connector.sentActivities()).toHaveLength(before + 1);
  });
});
