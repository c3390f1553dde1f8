import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, per } from './helpers/people.js';

// Words that would mean an English or internal message leaked to a Norwegian user.
const leaked = /\b(Invalid|Expected|Required|received|undefined|NaN|TypeError|stack|Error:)\b/;

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const planLike = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('samling', 'webinar', 'møte', ''), jsonValue),
    title: fc.oneof(fc.string({ maxLength: 250 }), jsonValue),
    agenda: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(null), jsonValue),
    startsAt: fc.oneof(fc.constant('2027-01-12T10:00:00+01:00'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    endsAt: fc.oneof(fc.constant('2027-01-12T11:00:00+01:00'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    format: fc.oneof(fc.constantFrom('digital', 'fysisk', 'papir'), jsonValue),
    responsibleBody: fc.oneof(fc.constantFrom('KS', 'SF', 'USHT', 'NAV', null), jsonValue),
    meetingUrl: fc.oneof(fc.constantFrom('https://teams.microsoft.com/l/x', 'http://x', 'javascript:alert(1)', null), fc.string()),
  },
  { requiredKeys: [] },
);

describe.each(databaseKinds)('random and malformed input on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  let regionId = '';
  const counts = async () =>
    (
      await t.app.db.query<{ plan: number; audit: number; members: number; nm: number }>(
        `SELECT (SELECT count(*)::int FROM plan_item) AS plan, (SELECT count(*)::int FROM audit_log) AS audit,
                (SELECT count(*)::int FROM member) AS members, (SELECT count(*)::int FROM network_member) AS nm`,
      )
    ).rows[0]!;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const list = await t.get('/api/networks', as(ingrid));
    networkId = list.json.networks[0].id;
    regionId = list.json.networks[0].regionId;
  });
  afterAll(async () => t?.close());

  const expectRefusedCleanly = (res: { status: number; json: any }) => {
    expect(res.status).toBe(400);
    expect(typeof res.json.error.message).toBe('string');
    expect(res.json.error.message.length).toBeGreaterThan(5);
    expect(res.json.error.message).not.toMatch(leaked);
  };

  it.skipIf(skipKind(kind))('plan items: never a 500, never a partial write, always a Norwegian reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(planLike, jsonValue), async (body) => {
        const before = await counts();
        const res = await t.post(`/api/networks/${networkId}/plan`, body, as(ingrid));
        const after = await counts();
        if (res.status === 201) {
          expect(after).toMatchObject({ plan: before.plan + 1, audit: before.audit + 1 });
        } else {
          expectRefusedCleanly(res);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 120 },
    );
  });

  it.skipIf(skipKind(kind))('raw bodies that are not JSON get a 400, not a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (raw) => {
        const res = await t.post(`/api/networks/${networkId}/plan`, raw, as(ingrid));
        expect([201, 400]).toContain(res.status);
        if (res.status === 400) expect(res.json.error.message).not.toMatch(leaked);
      }),
      { numRuns: 60 },
    );
  });

  it.skipIf(skipKind(kind))('members and retention: never a 500, never a partial write', async () => {
    await fc.assert(
      fc.asyncProperty(jsonValue, fc.boolean(), async (body, membersRoute) => {
        const before = await counts();
        const res = membersRoute
          ? await t.post(`/api/networks/${networkId}/members`, body, as(ingrid))
          : await fetch(`${t.url}/api/networks/${networkId}/retention`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json', ...as(per) },
              body: JSON.stringify(body),
            }).then(async (r) => ({ status: r.status, json: await r.json() }));
        if (res.status >= 400) {
          expectRefusedCleanly(res);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 80 },
    );
  });

  it.skipIf(skipKind(kind))('card actions: any verb and data get a card with a Norwegian message, and no stray writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('registrer'), fc.string({ maxLength: 20 })),
        fc.oneof(
          fc.record({ networkId: fc.oneof(fc.constant(networkId), fc.uuid()), municipalityNumber: fc.string({ maxLength: 5 }), sector: fc.string({ maxLength: 12 }) }),
          fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 4 }),
        ),
        async (verb, data) => {
          const before = await counts();
          const res = await t.post('/api/messages', cardAction(verb, data, { serviceUrl: t.connector.url, fromAadObjectId: crypto.randomUUID() }));
          expect(res.status).toBe(200);
          expect(res.json.type).toBe('application/vnd.microsoft.card.adaptive');
          expect(JSON.stringify(res.json.value)).not.toMatch(leaked);
          expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it.skipIf(skipKind(kind))('random activities at /api/messages: 200 or a 400 with a reason, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(jsonValue, fc.record({ type: fc.string(), channelId: fc.string(), serviceUrl: fc.webUrl(), conversation: jsonValue, from: jsonValue, recipient: jsonValue })),
        async (activity) => {
          const res = await t.post('/api/messages', activity);
          expect([200, 201, 400]).toContain(res.status);
          if (res.status === 400) expect(res.json.error.message).toMatch(/^Ugyldig aktivitet|kunne ikke leses/);
        },
      ),
      { numRuns: 80 },
    );
  });

  it.skipIf(skipKind(kind))('audit region ids and other path parameters are validated', async () => {
    expect((await t.get('/api/regions/ikke-uuid/audit', as(per))).status).toBe(400);
    expect((await t.get(`/api/regions/${regionId}/audit`, as(per))).status).toBe(200);
  });
});
