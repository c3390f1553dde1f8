/**
 * «Opprett Teams-møte» (issue 14): a facilitator makes a plan item's Teams meeting in Microsoft
 * Graph on their own behalf. The app runs in production mode with Teams SSO against a local key
 * set; Entra's token endpoint (which checks the on-behalf-of grant) and Graph's /me/events are a
 * fake on loopback (tests/helpers/fake-graph.ts says why it is https). Through HTTP, on both databases.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../src/demo/demo.js';
import { meetingThreadOf } from '../src/meetings/domain/join-url.js';
import { loadConfig } from '../src/platform/config.js';
import { createGraphMeetingCreator, osloDateTime } from '../src/platform/graph/meetings.js';
import { createLogger } from '../src/platform/logging.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { entraToken, LocalJwks } from './helpers/entra.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeMicrosoft, trustInThisProcess } from './helpers/fake-graph.js';
import { as, ingrid } from './helpers/people.js';
import { productionEnv } from './helpers/production-env.js';

const FACILITATOR_OID = '00000000-0000-4000-8000-000000000001';
const DELTAKER_OID = '00000000-0000-4000-8000-000000000003';

function graphEnv(fake: FakeMicrosoft, jwks: LocalJwks): Record<string, string> {
  return productionEnv({
    SEED_DEMO: 'true',
    ALLOWED_TENANT_IDS: DEMO_TENANT_ID,
    SSO_JWKS_URL: jwks.url,
    AAD_APP_CLIENT_SECRET: FAKE_CLIENT_SECRET,
    GRAPH_BASE_URL: fake.graphUrl,
    GRAPH_AUTHORITY_URL: fake.authorityUrl,
  });
}

describe.each(databaseKinds)('a plan item’s Teams meeting through Graph on %s', (kind) => {
  let t: TestApp;
  let jwks: LocalJwks;
  let fake: FakeMicrosoft;
  let restore: () => void = () => undefined;
  let base = '';
  let n = 0;

  const bearer = async (oid: string) => {
    const token = await entraToken(jwks, { claims: { oid } });
    fake.ssoTokens.add(token);
    return { token, headers: { authorization: `Bearer ${token}` } };
  };
  const rowOf = async (id: string) => (await t.app.db.query<any>('SELECT meeting_url, calendar_sequence FROM plan_item WHERE id = $1', [id])).rows[0];

  /** A new webinar on a fixed Oslo wall-clock time (winter: UTC+1). */
  async function newItem(extra: Record<string, unknown> = {}): Promise<any> {
    const { headers } = await bearer(FACILITATOR_OID);
    n += 1;
    const res = await t.post(
      `${base}/plan`,
      {
        kind: 'webinar',
        title: `Webinar om velferdsteknologi ${n}`,
        agenda: 'Innledning, erfaringer fra kommunene og spørsmål.',
        startsAt: `2027-02-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`,
        endsAt: `2027-02-${String(10 + n).padStart(2, '0')}T10:30:00.000Z`,
        format: 'digital',
        ...extra,
      },
      headers,
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  }
  const createMeeting = async (itemId: string, oid = FACILITATOR_OID) => t.post(`${base}/plan/${itemId}/teams-meeting`, {}, (await bearer(oid)).headers);

  beforeAll(async () => {
    if (skipKind(kind)) return;
    jwks = await new LocalJwks().start();
    fake = await new FakeMicrosoft().start();
    restore = trustInThisProcess(fake);
    t = await startTestApp(kind, graphEnv(fake, jwks));
    const networks = (await t.get('/api/networks', (await bearer(FACILITATOR_OID)).headers)).json.networks as any[];
    base = `/api/networks/${networks[0].id}`;
  });
  afterAll(async () => {
    await t?.close();
    restore();
    await fake?.stop();
    await jwks?.stop();
  });
  beforeEach(() => {
    if (!fake) return;
    fake.tokenBehaviour = 'ok';
    fake.graphBehaviour = 'ok';
    fake.tokenCalls = [];
    fake.eventCalls = [];
  });

  it.skipIf(skipKind(kind))('tells the tab it may offer the button', async () => {
    expect((await t.get('/api/auth/config')).json).toMatchObject({ devSignIn: false, teamsMeetings: true });
  });

  it.skipIf(skipKind(kind))('creates the meeting in the facilitator’s calendar on their behalf and stores its join link on the item', async () => {
    const item = await newItem();
    const before = await rowOf(item.id);
    const { token, headers } = await bearer(FACILITATOR_OID);
    const res = await t.post(`${base}/plan/${item.id}/teams-meeting`, {}, headers);
    expect(res.status, JSON.stringify(res.json)).toBe(200);

    // Entra: the on-behalf-of grant in the person's own tenant, with the tab app's id and secret.
    expect(fake.tokenCalls).toHaveLength(1);
    const [call] = fake.tokenCalls;
    expect(call!.path).toBe(`/${DEMO_TENANT_ID}/oauth2/v2.0/token`);
    expect(call!.form).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: token,
      client_id: FAKE_CLIENT_ID,
      client_secret: FAKE_CLIENT_SECRET,
    });
    expect(call!.form.scope!.split(' ')).toContain('Calendars.ReadWrite');

    // Graph: one event with a Teams meeting, at the item's Oslo times, with the token Entra gave.
    expect(fake.eventCalls).toHaveLength(1);
    const [event] = fake.eventCalls;
    expect(event!.authorization).toMatch(/^Bearer fake-graph-token-/);
    expect(event!.body).toMatchObject({
      subject: item.title,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: `${item.startsAt.slice(0, 10)}T10:00:00`, timeZone: 'Europe/Oslo' },
      end: { dateTime: `${item.startsAt.slice(0, 10)}T11:30:00`, timeZone: 'Europe/Oslo' },
      body: { contentType: 'text', content: 'Innledning, erfaringer fra kommunene og spørsmål.' },
    });
    expect(typeof event!.body.transactionId).toBe('string');

    // The item now has the meeting's link, saved as an edit (the calendar feed sees a new version).
    const joinUrl = res.json.item.meetingUrl as string;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const after = await rowOf(item.id);
    expect(after.meeting_url).toBe(joinUrl);
    expect(after.calendar_sequence).toBe(before.calendar_sequence + 1);
    // The meeting's events and side panel find the item by the link's thread.
    expect(meetingThreadOf(after.meeting_url)).toBe(fake.threads.at(-1));
    const plan = await t.get(`${base}/plan`, headers);
    expect((plan.json.items as any[]).find((i) => i.id === item.id).meetingUrl).toBe(joinUrl);

    const audit = await t.app.db.query<any>(`SELECT action, details FROM audit_log WHERE action = 'plan.teamsmote-opprettet' AND details->>'planItemId' = $1`, [item.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details.graphEventId).toMatch(/^AAMkAG/);
    expect(audit.rows[0].details.etter.meetingUrl).toBe(joinUrl);

    // A second click: the item has its meeting; Graph is not asked again.
    const again = await t.post(`${base}/plan/${item.id}/teams-meeting`, {}, headers);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('Aktiviteten har allerede en Teams-lenke. Fjern lenken i «Rediger» først hvis du vil lage et nytt møte.');
    expect(fake.eventCalls).toHaveLength(1);
  });

  it.skipIf(skipKind(kind))('uses summer time in summer (UTC+2)', async () => {
    const item = await newItem({ startsAt: '2027-06-10T08:00:00.000Z', endsAt: '2027-06-10T09:00:00.000Z' });
    expect((await createMeeting(item.id)).status).toBe(200);
    expect(fake.eventCalls[0]!.body.start).toEqual({ dateTime: '2027-06-10T10:00:00', timeZone: 'Europe/Oslo' });
    expect(fake.eventCalls[0]!.body.end).toEqual({ dateTime: '2027-06-10T11:00:00', timeZone: 'Europe/Oslo' });
  });

  it.skipIf(skipKind(kind))('makes one meeting for the whole of a veiledning per kommune, its slots kept', async () => {
    const { headers } = await bearer(FACILITATOR_OID);
    const municipalities = ((await t.get(`${base}/plan`, headers)).json.municipalities as { number: string }[]).map((m) => m.number);
    expect(municipalities.length).toBeGreaterThanOrEqual(2);
    const item = await newItem({
      kind: 'veiledning',
      title: 'Veiledning per kommune',
      startsAt: '2027-03-03T08:00:00.000Z',
      endsAt: '2027-03-03T12:00:00.000Z',
      slots: [
        { municipalityNumber: municipalities[0], startsAt: '2027-03-03T08:00:00.000Z', endsAt: '2027-03-03T09:00:00.000Z' },
        { municipalityNumber: municipalities[1], startsAt: '2027-03-03T10:00:00.000Z', endsAt: '2027-03-03T11:00:00.000Z' },
      ],
    });
    const res = await createMeeting(item.id);
    expect(res.status).toBe(200);
    expect(fake.eventCalls).toHaveLength(1);
    expect(fake.eventCalls[0]!.body.start.dateTime).toBe('2027-03-03T09:00:00');
    expect(fake.eventCalls[0]!.body.end.dateTime).toBe('2027-03-03T13:00:00');
    expect(res.json.item.slots.map((s: any) => s.municipalityNumber)).toEqual(municipalities.slice(0, 2));
  });

  it.skipIf(skipKind(kind))('asks for consent when Entra says the user has not consented (AADSTS65001); the item is unchanged', async () => {
    const item = await newItem();
    fake.tokenBehaviour = 'consent-required';
    const res = await createMeeting(item.id);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('ingen-tilgang');
    expect(res.json.error.message).toMatch(/^Samlingspunkt har ikke lov til å lage møter i kalenderen din ennå\. Gi samtykke/);
    expect(res.json.error.message).not.toMatch(/AADSTS|invalid_grant/);
    expect(fake.tokenCalls).toHaveLength(1);
    expect(fake.eventCalls).toHaveLength(0);
    expect((await rowOf(item.id)).meeting_url).toBeNull();
  });

  it.skipIf(skipKind(kind))('says so when Graph refuses (403), in the language the tab asks for; the item is unchanged', async () => {
    const item = await newItem();
    const before = await rowOf(item.id);
    fake.graphBehaviour = 403;
    const res = await t.post(`${base}/plan/${item.id}/teams-meeting`, {}, { ...(await bearer(FACILITATOR_OID)).headers, 'x-samlingspunkt-locale': 'nn' });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe(
      'Microsoft 365 lét deg ikkje lage møtet (har du ein postboks og Teams-lisens?). Lag møtet i Outlook eller Teams og lim inn lenkja i «Rediger».',
    );
    expect(fake.eventCalls).toHaveLength(1);
    expect(await rowOf(item.id)).toEqual(before);
  });

  it.skipIf(skipKind(kind))('answers 502 with a try-again message when Graph fails (500); the item is unchanged', async () => {
    const item = await newItem();
    const before = await rowOf(item.id);
    fake.graphBehaviour = 500;
    const res = await createMeeting(item.id);
    expect(res.status).toBe(502);
    expect(res.json.error).toEqual({
      code: 'ekstern-feil',
      message: 'Microsoft 365 svarte ikke som det skulle, så møtet ble ikke laget. Prøv igjen om litt.',
    });
    expect(await rowOf(item.id)).toEqual(before);
  });

  it.skipIf(skipKind(kind))('refuses a deltaker (403) without asking Entra or Graph', async () => {
    const item = await newItem();
    const res = await createMeeting(item.id, DELTAKER_OID);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('ingen-tilgang');
    expect(fake.tokenCalls).toHaveLength(0);
    expect(fake.eventCalls).toHaveLength(0);
    expect((await rowOf(item.id)).meeting_url).toBeNull();
  });

  it.skipIf(skipKind(kind))('refuses an item that already has a Teams link (409), without asking Graph', async () => {
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmFrZS1saW5r%40thread.v2/0';
    const item = await newItem({ meetingUrl: link });
    const res = await createMeeting(item.id);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('konflikt');
    expect(fake.tokenCalls).toHaveLength(0);
    expect((await rowOf(item.id)).meeting_url).toBe(link);
  });

  it.skipIf(skipKind(kind))('says a missing item is missing (404), and a malformed id is a 400', async () => {
    expect((await createMeeting('00000000-0000-4000-8000-0000000000ff')).status).toBe(404);
    expect((await createMeeting('ikke-en-id')).status).toBe(400);
  });
});

describe('the Graph adapter on its own', () => {
  let jwks: LocalJwks;
  let fake: FakeMicrosoft;
  let restore: () => void = () => undefined;
  beforeAll(async () => {
    jwks = await new LocalJwks().start();
    fake = await new FakeMicrosoft().start();
    restore = trustInThisProcess(fake);
  });
  afterAll(async () => {
    restore();
    await fake?.stop();
    await jwks?.stop();
  });

  const creator = (timeoutMs: number) =>
    createGraphMeetingCreator({ config: loadConfig(graphEnv(fake, jwks)).teamsMeetings, log: createLogger('silent'), timeoutMs });
  const meeting = { subject: 'Samling 2', startsAt: new Date('2027-01-20T08:00:00Z'), endsAt: new Date('2027-01-20T14:00:00Z'), timeZone: 'Europe/Oslo' as const, body: null };

  it('never hangs: Graph that does not answer is a timeout, within the deadline', async () => {
    const token = await entraToken(jwks);
    fake.ssoTokens.add(token);
    fake.graphBehaviour = 'hang';
    const started = Date.now();
    const result = await creator(1_500).createOnlineMeeting({ ssoToken: token, tenantId: DEMO_TENANT_ID }, meeting);
    expect(result).toEqual({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000); // the deadline (1.5 s) and the slack of a busy machine
    fake.graphBehaviour = 'ok';
  });

  it('tells a refused SSO token (AADSTS50013) from missing consent', async () => {
    const stranger = await entraToken(jwks, { claims: { oid: '00000000-0000-4000-8000-0000000000ee' } }); // not one the fake accepts
    const result = await creator(10_000).createOnlineMeeting({ ssoToken: stranger, tenantId: DEMO_TENANT_ID }, meeting);
    expect(result).toEqual({ ok: false, reason: 'sign-in-again' });
    expect(await creator(10_000).createOnlineMeeting({ ssoToken: 'not-a-jwt', tenantId: DEMO_TENANT_ID }, meeting)).toEqual({ ok: false, reason: 'sign-in-again' });
  });

  it('is not available in local mode, or without the app secret', async () => {
    const local = createGraphMeetingCreator({ config: loadConfig({ APP_MODE: 'local' }).teamsMeetings, log: createLogger('silent') });
    expect(local.available).toBe(false);
    expect(await local.createOnlineMeeting({ ssoToken: 'x', tenantId: DEMO_TENANT_ID }, meeting)).toEqual({ ok: false, reason: 'not-configured' });
    expect(loadConfig(productionEnv()).teamsMeetings.enabled).toBe(false);
    expect(loadConfig(graphEnv(fake, jwks)).teamsMeetings).toMatchObject({ enabled: true, authorityHost: fake.authorityUrl, clientId: FAKE_CLIENT_ID });
  });

  it('writes Oslo wall-clock time for Graph', () => {
    expect(osloDateTime(new Date('2027-01-20T08:00:00Z'))).toBe('2027-01-20T09:00:00');
    expect(osloDateTime(new Date('2027-07-01T22:30:00Z'))).toBe('2027-07-02T00:30:00');
  });
});

describe.each(databaseKinds)('local mode on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(skipKind(kind))('hides the button and refuses clearly: there is no Microsoft 365 to ask', async () => {
    expect((await t.get('/api/auth/config')).json).toMatchObject({ devSignIn: true, teamsMeetings: false });
    const networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    const items = (await t.get(`/api/networks/${networkId}/plan`, as(ingrid))).json.items as any[];
    const item = items.find((i) => !i.meetingUrl)!;
    const res = await t.post(`/api/networks/${networkId}/plan/${item.id}/teams-meeting`, {}, as(ingrid));
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'konflikt', message: 'Teams-møter kan bare opprettes når appen er koblet til Microsoft 365.' });
  });
});
