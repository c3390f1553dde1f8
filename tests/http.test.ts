import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../src/shared/api/caller.js';
import { demoMembers } from '../src/demo/demo.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { productionEnv } from './helpers/production-env.js';

const asFacilitator = { [DEV_USER_HEADER]: demoMembers.find((m) => m.role === 'fasilitator')!.aadObjectId };

describe.each(databaseKinds)('HTTP API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skipKind(kind)) t = await startTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('reports database and scheduler health', async () => {
    const res = await t.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      mode: 'local',
      database: { kind, ok: true },
      scheduler: { kind: 'pg-boss', ok: true },
      // Counters for the benchmark: numbers only, nobody's data.
      polls: { votes: 0, cardUpdates: 0, tallies: 0, rosterLookups: 0, voteBatches: 0, largestVoteBatch: 0, turnReads: 0 },
    });
  });

  it.skipIf(skipKind(kind))('lists networks and serves the demo plan in time order', async () => {
    const list = await t.get('/api/networks', asFacilitator);
    expect(list.status).toBe(200);
    expect(list.json.networks).toHaveLength(1);
    const network = list.json.networks[0];
    expect(network).toMatchObject({ slug: 'usht-viken', regionName: 'Oslo og Viken' });

    const plan = await t.get(`/api/networks/${network.id}/plan`, asFacilitator);
    expect(plan.status).toBe(200);
    expect(plan.json.timeZone).toBe('Europe/Oslo');
    expect(plan.json.network.bodies).toEqual(['KS', 'SF', 'USHT']);
    const items = plan.json.items as { startsAt: string; title: string; kind: string; format: string }[];
    expect(items.map((i) => i.kind)).toEqual(['samling', 'veiledning', 'veiledning', 'samling', 'mellomarbeid', 'samling']);
    expect(items[0]).toMatchObject({ title: 'Samling 1 – Oppstartseminar', format: 'digital', responsibleBody: 'USHT' });
    const starts = items.map((i) => Date.parse(i.startsAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it.skipIf(skipKind(kind))('answers a malformed network id with 400 and a Norwegian reason', async () => {
    const res = await t.get('/api/networks/ikke-en-uuid/plan', asFacilitator);
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({ code: 'ugyldig-forespørsel', message: expect.stringMatching(/Ugyldig nettverks-id/) });
  });

  it.skipIf(skipKind(kind))('answers an unknown network with 404', async () => {
    const res = await t.get('/api/networks/00000000-0000-4000-8000-00000000dead/plan', asFacilitator);
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe('Fant ikke læringsnettverket.');
  });

  it.skipIf(skipKind(kind))('refuses a body over the size limit with 413, in Norwegian', async () => {
    const res = await t.post('/api/messages', { type: 'message', text: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.json.error.message).toMatch(/for stor/);
  });

  it.skipIf(skipKind(kind))('refuses broken JSON with 400, in Norwegian', async () => {
    const res = await t.post('/api/messages', '{"type": "message",');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/kunne ikke leses/);
  });

  it.skipIf(skipKind(kind))('refuses the tab API without a signed-in caller', async () => {
    const res = await t.get('/api/networks');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('ikke-innlogget');
  });

  it.skipIf(skipKind(kind))('answers an unknown route with 404 in the same shape', async () => {
    const res = await t.get('/api/finnes-ikke');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('finnes-ikke');
  });
});

describe('production mode without SSO', () => {
  let t: TestApp;
  beforeAll(async () => {
    // SSO's key set is never fetched; the forged-token test's activity names the fake connector on loopback.
    t = await startTestApp('pglite', productionEnv());
  });
  afterAll(async () => t?.close());

  it('refuses the tab API without a Teams token', async () => {
    const res = await t.get('/api/networks');
    expect(res.status).toBe(401);
    expect(res.json.error.message).toMatch(/Innlogging med Teams kreves/);
  });

  it('ignores the dev sign-in header in production mode', async () => {
    const res = await t.get('/api/networks', asFacilitator);
    expect(res.status).toBe(401);
  });

  it('refuses /api/messages without a Bot Framework token before any handler runs', async () => {
    const res = await t.post('/api/messages', { type: 'message', text: 'plan' });
    expect(res.status).toBe(401);
    const { rows } = await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_ref');
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses /api/messages with a forged token', async () => {
    const res = await t.post(
      '/api/messages',
      {
        type: 'message',
        text: 'plan',
        channelId: 'msteams',
        serviceUrl: t.connector.url,
        conversation: { id: 'c1' },
        from: { id: 'u1' },
        recipient: { id: 'b1' },
      },
      { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    );
    expect(res.status).toBe(401);
    expect(t.connector.calls).toHaveLength(0);
  });
});
