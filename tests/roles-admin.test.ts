/** The role matrix for the administration routes of issue 12 (see tests/roles.test.ts for the rest). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';

type Person = { aadObjectId: string };
const roles: [string, Person][] = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['ikke medlem', stranger],
];

interface Ctx {
  networkId: string;
  regionId: string;
  kariId: string;
}

interface Case {
  name: string;
  /** Expected status per role, in the order of `roles`. */
  expect: [number, number, number, number];
  request(t: TestApp, c: Ctx, who: Person, role: string): Promise<{ status: number; json: any }>;
}

const send = (t: TestApp, method: string, path: string, body: unknown, who: Person) =>
  fetch(t.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...as(who) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (r) => ({ status: r.status, json: await r.json() }));

/** A deltaker the facilitator adds first, for the routes that change or remove one. */
async function freshMember(t: TestApp, c: Ctx, role: string): Promise<string> {
  const res = await t.post(`/api/networks/${c.networkId}/members`, { aadObjectId: randomUUID(), displayName: `Endres av ${role}`, role: 'deltaker', municipalityNumber: '3205' }, as(ingrid));
  expect(res.status).toBe(201);
  return res.json.memberId;
}

const cases: Case[] = [
  { name: 'GET municipalities (reference)', expect: [200, 200, 200, 200], request: (t, _c, who) => t.get('/api/municipalities', as(who)) },
  { name: 'GET admin overview', expect: [200, 200, 403, 403], request: (t, c, who) => t.get(`/api/networks/${c.networkId}/admin`, as(who)) },
  {
    name: 'POST municipalities',
    expect: [201, 403, 403, 403],
    request: (t, c, who) => t.post(`/api/networks/${c.networkId}/municipalities`, { municipalityNumbers: ['4204'] }, as(who)),
  },
  {
    name: 'DELETE municipality',
    expect: [200, 403, 403, 403],
    request: async (t, c, who) => {
      await t.post(`/api/networks/${c.networkId}/municipalities`, { municipalityNumbers: ['4203'] }, as(ingrid));
      return send(t, 'DELETE', `/api/networks/${c.networkId}/municipalities/4203`, undefined, who);
    },
  },
  { name: 'GET roster', expect: [200, 403, 403, 403], request: (t, c, who) => t.get(`/api/networks/${c.networkId}/roster`, as(who)) },
  {
    name: 'PATCH member',
    expect: [200, 403, 403, 403],
    request: async (t, c, who, role) => send(t, 'PATCH', `/api/networks/${c.networkId}/members/${await freshMember(t, c, role)}`, { sector: 'kultur' }, who),
  },
  {
    name: 'POST archive',
    // Run as the last network write of each role: a facilitator's success ends the network, so it is reopened at once.
    expect: [200, 403, 403, 403],
    request: async (t, c, who) => {
      const res = await send(t, 'POST', `/api/networks/${c.networkId}/archive`, { confirm: true }, who);
      if (res.status === 200) expect((await send(t, 'POST', `/api/networks/${c.networkId}/reopen`, {}, ingrid)).status).toBe(200);
      return res;
    },
  },
  {
    name: 'POST reopen',
    expect: [200, 200, 403, 403],
    request: async (t, c, who) => {
      expect((await send(t, 'POST', `/api/networks/${c.networkId}/archive`, { confirm: true }, ingrid)).status).toBe(200);
      const res = await send(t, 'POST', `/api/networks/${c.networkId}/reopen`, {}, who);
      if (res.status !== 200) expect((await send(t, 'POST', `/api/networks/${c.networkId}/reopen`, {}, ingrid)).status).toBe(200);
      return res;
    },
  },
  { name: 'GET region coordinators', expect: [403, 200, 403, 403], request: (t, c, who) => t.get(`/api/regions/${c.regionId}/coordinators`, as(who)) },
  {
    name: 'POST region coordinator',
    expect: [403, 201, 403, 403],
    request: (t, c, who, role) => t.post(`/api/regions/${c.regionId}/coordinators`, { aadObjectId: randomUUID(), displayName: `Utnevnt av ${role}` }, as(who)),
  },
  {
    name: 'DELETE region coordinator',
    expect: [403, 200, 403, 403],
    request: async (t, c, who, role) => {
      const added = await t.post(`/api/regions/${c.regionId}/coordinators`, { aadObjectId: randomUUID(), displayName: `Fjernes av ${role}` }, as(per));
      expect(added.status).toBe(201);
      return send(t, 'DELETE', `/api/regions/${c.regionId}/coordinators/${added.json.memberId}`, undefined, who);
    },
  },
];

describe.each(databaseKinds)('administration role matrix on %s', (kind) => {
  let t: TestApp;
  const ctx: Ctx = { networkId: '', regionId: '', kariId: '' };
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const row = (await t.app.db.query<{ id: string; region_id: string }>(`SELECT id, region_id FROM network WHERE slug = 'usht-viken'`)).rows[0]!;
    ctx.networkId = row.id;
    ctx.regionId = row.region_id;
  });
  afterAll(async () => t?.close());

  for (const c of cases) {
    roles.forEach(([role, who], i) => {
      const expected = c.expect[i]!;
      it.skipIf(skipKind(kind))(`${c.name} as ${role} → ${expected}`, async () => {
        const res = await c.request(t, ctx, who, role);
        expect(res.status, JSON.stringify(res.json)).toBe(expected);
        if (expected === 403) {
          expect(res.json.error.code).toBe('ingen-tilgang');
          expect(res.json.error.message).toMatch(/medlem|Bare|bare/);
        }
      });
    });
  }

  it.skipIf(skipKind(kind))('tells the admin view what each role may do', async () => {
    const access = async (who: Person) => (await t.get(`/api/networks/${ctx.networkId}/admin`, as(who))).json.access;
    expect(await access(ingrid)).toEqual({ canManage: true, canEnd: true, canReopen: false, coordinatesRegion: false });
    expect(await access(per)).toEqual({ canManage: false, canEnd: false, canReopen: false, coordinatesRegion: true });
  });
});
