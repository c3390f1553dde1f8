import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { botAdded, cardAction, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { BotTokenIssuer } from './helpers/bot-token-issuer.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari } from './helpers/people.js';
import { PRODUCTION_APP_ID, productionEnv } from './helpers/production-env.js';

/*
 * Issue 9, the HTTP edge: unexpected errors always answered in one fixed shape, nothing
 * internal in a body, local mode not drivable from a web page, security headers.
 */

const INTERNAL_MESSAGE = /^Noe gikk galt på serveren\. Prøv igjen\. \(Feil-ID: ([0-9a-f-]{36})\)$/;

const planItem = {
  kind: 'webinar',
  title: 'Webinar om velferdsteknologi',
  startsAt: '2031-03-04T10:00:00+01:00',
  endsAt: '2031-03-04T11:00:00+01:00',
  format: 'digital',
};

/** The app's pino lines, parsed. */
function logSink() {
  const lines: Record<string, any>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

/** A genuine database error on every plan item insert, raised by the database itself. */
async function failPlanItemInserts(t: TestApp): Promise<void> {
  await t.app.db.query(`CREATE FUNCTION hardening_fail() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'hemmelig detalj: INSERT INTO plan_item'; END $$`);
  await t.app.db.query('CREATE TRIGGER hardening_fail BEFORE INSERT ON plan_item FOR EACH ROW EXECUTE FUNCTION hardening_fail()');
}

async function networkId(t: TestApp): Promise<string> {
  const { rows } = await t.app.db.query<{ id: string }>('SELECT id FROM network LIMIT 1');
  return rows[0]!.id;
}

/** Raw HTTP, so the Host header and unnormalised paths reach the server as written. */
function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, timeout: 5_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('timeout', () => req.destroy(new Error(`Ingen svar på ${path} innen 5 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What no error body may contain: SQL, addresses, stacks, library names and URLs. */
function expectNothingInternal(text: string): void {
  expect(text).not.toMatch(/plan_item|region_coordinator|\bINSERT\b|\bSELECT\b|\brelation\b|hemmelig/i);
  expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:\d+|\bat .*\.(js|ts):\d+|node_modules|botframework|restify/i);
}

describe.each(databaseKinds)('unexpected errors on %s', (kind) => {
  let t: TestApp;
  const log = logSink();
  beforeAll(async () => {
    if (!skipKind(kind)) t = await startTestApp(kind, {}, { logLevel: 'error', logDestination: log.destination });
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('answers the first database error after start, with 500 in the fixed shape and the id in the log', async () => {
    await failPlanItemInserts(t);
    const path = `/api/networks/${await networkId(t)}/plan`;
    const headers = { 'content-type': 'application/json', ...as(ingrid) };
    // Before the fix this one hung: restify emitted the DatabaseError (named «error») as the
    // server's 'error' event, where the listen-time listener swallowed it.
    const first = await raw(t.url, path, { method: 'POST', headers, body: JSON.stringify(planItem) });
    expect(first.status).toBe(500);
    const body = JSON.parse(first.text);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'correlationId', 'message']);
    expect(body.error.code).toBe('intern-feil');
    expect(body.error.message).toMatch(INTERNAL_MESSAGE);
    expect(INTERNAL_MESSAGE.exec(body.error.message)![1]).toBe(body.error.correlationId);
    expectNothingInternal(first.text);
    // The log line has the same id and the real cause.
    const line = log.lines.find((l) => l.correlationId === body.error.correlationId);
    expect(line).toMatchObject({ level: 50, msg: 'Uventet feil i HTTP-forespørsel' });
    expect(JSON.stringify(line!.err)).toMatch(/hemmelig detalj/);

    const second = await raw(t.url, path, { method: 'POST', headers, body: JSON.stringify(planItem) });
    expect(second.status).toBe(500);
    expect(JSON.parse(second.text).error.correlationId).not.toBe(body.error.correlationId);
  });

  describe('in the bot, with the roles table gone', () => {
    beforeAll(async () => {
      if (!skipKind(kind)) await t.app.db.query('ALTER TABLE region_coordinator RENAME TO region_coordinator_borte');
    });
    afterAll(async () => {
      if (!skipKind(kind)) await t.app.db.query('ALTER TABLE region_coordinator_borte RENAME TO region_coordinator');
    });

    it.skipIf(skipKind(kind))('answers a failing card action with a Norwegian error card in the invoke response', async () => {
      const activity = cardAction('registrer', {}, { serviceUrl: t.connector.url, fromAadObjectId: kari.aadObjectId });
      const res = await t.post('/api/messages', activity);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      const card = JSON.stringify(res.json.value);
      expect(card).toContain('Noe gikk galt');
      const id = /Feil-ID: ([0-9a-f-]{36})/.exec(card)?.[1];
      expect(id).toBeDefined();
      expect(log.lines.find((l) => l.correlationId === id)).toMatchObject({ msg: 'Feil i bot-tur', activityType: 'invoke' });
      expectNothingInternal(card);
    });

    it.skipIf(skipKind(kind))('answers a failing message turn with a Norwegian text carrying the id', async () => {
      const conversationId = `a:feil-${kind}`;
      const res = await t.post('/api/messages', message('plan', { serviceUrl: t.connector.url, conversationId, fromAadObjectId: kari.aadObjectId }));
      expect(res.status).toBe(200);
      const [reply] = await t.connector.waitForActivities(1, conversationId);
      expect(reply!.text).toMatch(/^Beklager, noe gikk galt hos meg\. Prøv igjen om litt\. \(Feil-ID: [0-9a-f-]{36}\)$/);
      expectNothingInternal(String(reply!.text));
    });
  });
});

describe('a Bot Framework failure on /api/messages (metadata unreachable)', () => {
  let t: TestApp;
  let issuer: BotTokenIssuer;
  let quiet: { mockRestore(): void } | undefined;
  const log = logSink();
  beforeAll(async () => {
    quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    issuer = await new BotTokenIssuer(PRODUCTION_APP_ID).start();
    t = await startTestApp('pglite', productionEnv(), {
      botAuthOverrides: issuer.authOverrides(),
      logLevel: 'error',
      logDestination: log.destination,
    });
  });
  afterAll(async () => {
    quiet?.mockRestore();
    await t?.close();
  });

  it('answers 500 in the fixed shape, without the connection error or its address', async () => {
    const { membersAdded: _ignored, ...activity } = botAdded({ serviceUrl: t.connector.url });
    const token = await issuer.token(activity.serviceUrl);
    await issuer.stop(); // botbuilder now fails to fetch the OpenID metadata: ECONNREFUSED 127.0.0.1:…
    const res = await t.post('/api/messages', activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(500);
    expect(res.json.error).toMatchObject({ code: 'intern-feil', message: expect.stringMatching(INTERNAL_MESSAGE) });
    expectNothingInternal(JSON.stringify(res.json));
    expect(log.lines.find((l) => l.correlationId === res.json.error.correlationId)).toBeDefined();
  });
});

describe('local mode cannot be driven from a web page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => t?.close());

  const storedConversations = async (conversationId: string) =>
    (await t.app.db.query('SELECT 1 FROM conversation_ref WHERE conversation_id = $1', [conversationId])).rows.length;

  it.each([
    ['a form post', 'application/x-www-form-urlencoded', (a: Record<string, unknown>) => new URLSearchParams({ type: String(a.type), text: 'plan' }).toString()],
    ['a text/plain post', 'text/plain', (a: Record<string, unknown>) => JSON.stringify(a)],
    ['a multipart post', 'multipart/form-data; boundary=x', () => '--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--x--\r\n'],
  ])('refuses %s to /api/messages with 415', async (_name, contentType, body) => {
    const activity = message('hjelp', { serviceUrl: t.connector.url });
    const res = await raw(t.url, '/api/messages', { method: 'POST', headers: { 'content-type': contentType, host: '127.0.0.1' }, body: body(activity) });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text).error.code).toBe('feil-innholdstype');
    expect(await storedConversations(activity.conversation.id)).toBe(0);
    expect(t.connector.calls).toEqual([]);
  });

  it('refuses a request body that is not JSON on the tab API too', async () => {
    const res = await raw(t.url, `/api/networks/${await networkId(t)}/plan`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost', ...as(ingrid) },
      body: 'kind=webinar&title=x',
    });
    expect(res.status).toBe(415);
  });

  it.each(['evil.example', 'evil.example:3978', '127.0.0.1.evil.example', 'localhost.evil.example:80', '10.0.0.5'])(
    'refuses Host %s (DNS rebinding) with 421 on every route',
    async (host) => {
      for (const path of ['/healthz', '/api/dev/users', '/tab/', '/api/finnes-ikke']) {
        const res = await raw(t.url, path, { headers: { host } });
        expect(res.status, path).toBe(421);
        expect(JSON.parse(res.text).error).toEqual({ code: 'ukjent-vert', message: expect.stringMatching(/Lokal modus/) });
      }
      const activity = message('hjelp', { serviceUrl: t.connector.url });
      const res = await raw(t.url, '/api/messages', { method: 'POST', headers: { host, 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBe(421);
      expect(t.connector.calls).toEqual([]);
    },
  );

  it.each(['localhost', 'LOCALHOST:3978', '127.0.0.1:1234', '[::1]:3978', '[::1]'])('answers Host %s', async (host) => {
    const res = await raw(t.url, '/healthz', { headers: { host } });
    expect(res.status).toBe(200);
  });

  it.each(['https://smba.trafficmanager.net/emea/', 'http://10.0.0.5:8080/', 'http://127.0.0.1.evil.example/', 'http://user@evil.example/'])(
    'refuses an activity whose serviceUrl is %s with 400, and sends nothing',
    async (serviceUrl) => {
      const activity = botAdded({ serviceUrl });
      const res = await t.post('/api/messages', activity);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('ugyldig-tjenesteadresse');
      expect(await storedConversations(activity.conversation.id)).toBe(0);
    },
  );

  it('still answers an activity from the loopback connector, with or without a charset', async () => {
    const conversationId = 'a:loopback-ok';
    const res = await t.post('/api/messages', message('hjelp', { serviceUrl: t.connector.url, conversationId }));
    expect(res.status).toBe(200);
    const withCharset = await t.post('/api/messages', message('hjelp', { serviceUrl: t.connector.url, conversationId }), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
    await t.connector.waitForActivities(2, conversationId);
  });
});

describe('security headers and the static tab', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('sends nosniff on every answer, and no HSTS in local mode', async () => {
    for (const path of ['/healthz', '/api/networks', '/api/finnes-ikke', '/tab/', '/tab/finnes-ikke.js']) {
      const res = await raw(t.url, path, { headers: { host: '127.0.0.1' } });
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('gives the tab a CSP that lets Teams and Microsoft 365 frame it, and nothing else', async () => {
    const res = await raw(t.url, '/tab/', { headers: { host: '127.0.0.1' } });
    const csp = String(res.headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['frame-ancestors']).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.cloud.microsoft',
        'https://*.microsoft365.com',
        'https://*.office.com',
        'https://outlook.office.com',
        'https://outlook.office365.com',
      ]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    // X-Frame-Options cannot name Teams; with it the tab would not load there.
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('forbids framing and loading anything from API answers', async () => {
    const res = await raw(t.url, '/healthz', { headers: { host: '127.0.0.1' } });
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it.each([
    '/tab/../../etc/passwd',
    '/tab/../package.json',
    '/tab/%2e%2e/%2e%2e/package.json',
    '/tab/..%2f..%2fpackage.json',
    '/tab/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/tab/..%5c..%5cpackage.json',
    '/tab/assets/..%2f..%2f..%2fsrc%2fapp.ts',
    '/tab/%00',
  ])('answers %s with a plain Norwegian 403/404, no file and no «intern-feil»', async (path) => {
    const res = await raw(t.url, path, { headers: { host: '127.0.0.1' } });
    expect([403, 404]).toContain(res.status);
    const body = JSON.parse(res.text);
    expect(['ingen-tilgang', 'finnes-ikke']).toContain(body.error.code);
    expect(body.error.message).toMatch(/Fant ikke adressen|ikke tilgang/);
    expect(res.text).not.toMatch(/root:|"name":\s*"samlingspunkt"|import |intern-feil/);
  });
});

describe('production mode headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', productionEnv());
  });
  afterAll(async () => t?.close());

  it('sends HSTS on every answer and does not check the Host header', async () => {
    for (const path of ['/healthz', '/api/finnes-ikke', '/tab/']) {
      const res = await raw(t.url, path, { headers: { host: 'samlingspunkt.example.no' } });
      expect(res.status, path).not.toBe(421);
      expect(res.headers['strict-transport-security'], path).toMatch(/max-age=31536000/);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });
});
