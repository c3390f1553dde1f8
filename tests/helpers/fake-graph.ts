/**
 * Entra ID's token endpoint and Microsoft Graph's `/me/events`, faked on one https server on
 * loopback, for the Teams meetings of plan items (src/platform/graph).
 *
 * Why https, a made-up certificate and a redirect (all of it in this test process only):
 * - MSAL (inside teamsfx's OnBehalfOfUserCredential) takes only an https authority, and for one
 *   it does not know it asks Entra's instance discovery first, at a fixed address
 *   (https://login.microsoftonline.com/common/discovery/instance); teamsfx gives no way to pass
 *   MSAL `knownAuthorities` or metadata. So `trustInThisProcess` swaps node:https' global agent
 *   (which MSAL's requests use) for one that trusts the certificate made here and sends what goes
 *   to login.microsoftonline.com to this server instead; this server answers the discovery, the
 *   OpenID configuration of `/<tenant>/v2.0/` and the token endpoint.
 * - The Graph client adds the bearer token only to https addresses, and sends with fetch
 *   (undici): its global dispatcher is replaced by one that trusts the certificate as well.
 * Nothing leaves the machine: every other host keeps the agents' usual behaviour.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { PRODUCTION_TAB_CLIENT_ID } from './production-env.js';

/** The tab app of production-env.ts: the one whose secret this token endpoint knows. */
export const FAKE_CLIENT_ID = PRODUCTION_TAB_CLIENT_ID;
export const FAKE_CLIENT_SECRET = 'fake-tab-app-secret';
const ENTRA_HOST = 'login.microsoftonline.com';

/** A self-signed certificate for 127.0.0.1 and login.microsoftonline.com, made with openssl for this run. */
export function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-graph-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=fake-microsoft', '-addext', `subjectAltName=IP:127.0.0.1,DNS:${ENTRA_HOST},DNS:localhost`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TokenCall {
  path: string;
  form: Record<string, string>;
}

export interface EventCall {
  authorization: string | undefined;
  body: any;
}

/** What the fake token endpoint answers next (after checking the grant): a token, or Entra's consent refusal. */
export type TokenBehaviour = 'ok' | 'consent-required';
/** What Graph answers: the event, a status with Graph's error body, or nothing at all. */
export type GraphBehaviour = 'ok' | 403 | 429 | 500 | 'hang';

/** A Teams join link as Graph gives one, naming the meeting's chat thread. */
export function joinUrlOf(threadId: string, tenantId: string, organiserOid: string): string {
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organiserOid })).toLowerCase();
  return `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId).replace(/%3A/g, '%3a').replace(/%40/g, '%40')}/0?context=${context}`;
}

export class FakeMicrosoft {
  tokenCalls: TokenCall[] = [];
  eventCalls: EventCall[] = [];
  discoveryCalls: string[] = [];
  tokenBehaviour: TokenBehaviour = 'ok';
  graphBehaviour: GraphBehaviour = 'ok';
  /** The SSO tokens a user may present as the OBO assertion (the test adds those it signs in with). */
  readonly ssoTokens = new Set<string>();
  /** Access tokens this fake issued, and for whom (the assertion's `oid`). */
  private readonly issued = new Map<string, string>();
  /** Thread ids of the meetings made, in order. */
  readonly threads: string[] = [];
  private server: https.Server | undefined;
  private readonly sockets = new Set<Duplex>();
  private readonly cert: { key: string; cert: string };

  constructor() {
    this.cert = makeCertificate();
  }

  get certificate(): string {
    return this.cert.cert;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** Entra's authority host, as `GRAPH_AUTHORITY_URL`. */
  get authorityUrl(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** Graph's root, as `GRAPH_BASE_URL` (the client adds /v1.0). */
  get graphUrl(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = https.createServer({ key: this.cert.key, cert: this.cert.cert }, (req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => this.answer(req.method ?? 'GET', req.url ?? '/', req.headers.authorization, raw, res));
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private answer(method: string, url: string, authorization: string | undefined, raw: string, res: import('node:http').ServerResponse): void {
    const { pathname, searchParams } = new URL(url, this.authorityUrl);
    const host = `127.0.0.1:${this.port}`;

    // Entra's instance discovery (asked at login.microsoftonline.com, redirected here): this host is an authority.
    if (method === 'GET' && pathname === '/common/discovery/instance') {
      this.discoveryCalls.push(url);
      const endpoint = searchParams.get('authorization_endpoint') ?? '';
      const tenant = /^https:\/\/127\.0\.0\.1:\d+\/([^/]+)\//.exec(endpoint)?.[1];
      if (!tenant) return this.json(res, 400, { error: 'invalid_instance', error_description: 'AADSTS50049: Unknown or invalid instance.' });
      return this.json(res, 200, {
        tenant_discovery_endpoint: `${this.authorityUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    }
    const openId = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(pathname);
    if (method === 'GET' && openId) {
      const base = `${this.authorityUrl}/${openId[1]}`;
      return this.json(res, 200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${this.authorityUrl}/${openId[1]}/discovery/v2.0/keys`,
        issuer: `https://login.microsoftonline.com/${openId[1]}/v2.0`,
        response_types_supported: ['code', 'id_token', 'token id_token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(pathname)) return this.token(pathname, raw, res);
    if (method === 'POST' && pathname === '/v1.0/me/events') return this.createEvent(authorization, raw, res);
    return this.json(res, 404, { error: { code: 'NotFound', message: `${method} ${pathname}` } });
  }

  /** The on-behalf-of grant, checked as Entra does; anything else is invalid_grant / invalid_client. */
  private token(path: string, raw: string, res: import('node:http').ServerResponse): void {
    const form = Object.fromEntries(new URLSearchParams(raw));
    this.tokenCalls.push({ path, form });
    if (form.client_id !== FAKE_CLIENT_ID || form.client_secret !== FAKE_CLIENT_SECRET) {
      return this.json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
    }
    const scopes = (form.scope ?? '').split(' ');
    const oboOk =
      form.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      form.requested_token_use === 'on_behalf_of' &&
      this.ssoTokens.has(form.assertion ?? '') &&
      scopes.includes('Calendars.ReadWrite');
    if (!oboOk) {
      return this.json(res, 400, { error: 'invalid_grant', error_description: 'AADSTS50013: Assertion failed signature validation.', error_codes: [50013] });
    }
    if (this.tokenBehaviour === 'consent-required') {
      return this.json(res, 400, {
        error: 'invalid_grant',
        error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${FAKE_CLIENT_ID}' named 'Samlingspunkt'. Send an interactive authorization request for this user and resource. Trace ID: ${randomUUID()}`,
        error_codes: [65001],
        suberror: 'consent_required',
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
      });
    }
    const oid = JSON.parse(Buffer.from(form.assertion!.split('.')[1]!, 'base64url').toString('utf8')).oid as string;
    const accessToken = `fake-graph-token-${randomBytes(12).toString('hex')}`;
    this.issued.set(accessToken, oid);
    return this.json(res, 200, { token_type: 'Bearer', scope: 'https://graph.microsoft.com/Calendars.ReadWrite', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  }

  private createEvent(authorization: string | undefined, raw: string, res: import('node:http').ServerResponse): void {
    let body: any = null;
    try {
      body = JSON.parse(raw);
    } catch {
      // recorded as null; answered below
    }
    this.eventCalls.push({ authorization, body });
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const oid = token ? this.issued.get(token) : undefined;
    if (!oid) return this.json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' } });
    if (!body || typeof body.subject !== 'string') return this.json(res, 400, { error: { code: 'RequestBodyRead', message: 'Bad body.' } });
    if (this.graphBehaviour === 'hang') return; // never answers
    if (this.graphBehaviour !== 'ok') {
      const code = { 403: 'ErrorAccessDenied', 429: 'ApplicationThrottled', 500: 'InternalServerError' }[this.graphBehaviour];
      return this.json(res, this.graphBehaviour, { error: { code, message: 'Fake Graph said no.', innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } });
    }
    const meetingId = Buffer.from(randomUUID()).toString('base64').replace(/=+$/, '');
    const thread = `19:meeting_${meetingId}@thread.v2`;
    this.threads.push(thread);
    const eventId = `AAMkAG${randomBytes(18).toString('base64url')}`;
    return this.json(res, 201, {
      id: eventId,
      subject: body.subject,
      start: body.start,
      end: body.end,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(eventId)}&exvsurl=1&path=/calendar/item`,
      onlineMeeting: { joinUrl: joinUrlOf(thread, '00000000-0000-4000-8000-0000000000aa', oid) },
    });
  }
}

const UNDICI_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/**
 * Trusts the fake's certificate in this process only and sends login.microsoftonline.com to it
 * (see the top of the file); returns what puts everything back.
 */
export function trustInThisProcess(fake: FakeMicrosoft): () => void {
  const ca = [...tls.rootCertificates, fake.certificate];
  const port = fake.port;
  class ToFake extends https.Agent {
    override createConnection(options: any, callback?: any): Duplex {
      const to = options.host === ENTRA_HOST ? { ...options, host: '127.0.0.1', port, servername: ENTRA_HOST } : options;
      return (https.Agent.prototype as any).createConnection.call(this, to, callback);
    }
  }
  const previousAgent = https.globalAgent;
  https.globalAgent = new ToFake({ ca, keepAlive: false });
  // fetch's dispatcher: Node creates it on first use of fetch; a new one of the same class, trusting the certificate.
  void globalThis.fetch;
  const g = globalThis as unknown as Record<symbol, any>;
  const previousDispatcher = g[UNDICI_DISPATCHER];
  if (!previousDispatcher) throw new Error('fetch has no global dispatcher to replace');
  g[UNDICI_DISPATCHER] = new previousDispatcher.constructor({ connect: { ca } });
  return () => {
    const ours = g[UNDICI_DISPATCHER];
    g[UNDICI_DISPATCHER] = previousDispatcher;
    void ours.close?.();
    (https.globalAgent as https.Agent).destroy();
    https.globalAgent = previousAgent;
  };
}
