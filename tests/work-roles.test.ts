import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';
import { put, type Json } from './helpers/work.js';

// The role matrix for issue 5's routes, in the style of tests/roles.test.ts.
type Person = { aadObjectId: string };
const roles: [string, Person][] = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['ikke medlem', stranger],
];

interface Ctx {
  networkId: string;
  planItemId: string;
  due: () => string;
}

interface Case {
  name: string;
  expect: [number, number, number, number];
  request(t: TestApp, c: Ctx, who: Person, role: string): Promise<{ status: number; json: any }>;
}

async function task(t: TestApp, c: Ctx, body: Json): Promise<string> {
  const res = await t.post(`/api/networks/${c.networkId}/reflections`, { template: 'seed-000', dueAt: c.due(), ...body }, as(ingrid));
  expect(res.status).toBe(201);
  return res.json.task.id;
}

async function assignment(t: TestApp, c: Ctx): Promise<string> {
  const res = await t.post(`/api/networks/${c.networkId}/mellomarbeid`, { planItemId: c.planItemId, description: 'x', dueAt: c.due() }, as(ingrid));
  expect(res.status).toBe(201);
  return res.json.assignment.id;
}

const cases: Case[] = [
  { name: 'GET reflections', expect: [200, 200, 200, 403], request: (t, c, who) => t.get(`/api/networks/${c.networkId}/reflections`, as(who)) },
  {
    name: 'POST reflection task',
    expect: [201, 403, 403, 403],
    request: (t, c, who) => t.post(`/api/networks/${c.networkId}/reflections`, { template: 'seed-000', dueAt: c.due() }, as(who)),
  },
  {
    name: 'POST send task',
    expect: [200, 403, 403, 403],
    request: async (t, c, who) => t.post(`/api/networks/${c.networkId}/reflections/${await task(t, c, {})}/send`, {}, as(who)),
  },
  {
    name: 'GET summary (nettverket)',
    expect: [200, 200, 200, 403],
    request: async (t, c, who) => t.get(`/api/networks/${c.networkId}/reflections/${await task(t, c, {})}/summary`, as(who)),
  },
  {
    name: 'GET summary (fasilitatorer)',
    expect: [200, 403, 403, 403],
    request: async (t, c, who) => t.get(`/api/networks/${c.networkId}/reflections/${await task(t, c, { visibility: 'fasilitatorer' })}/summary`, as(who)),
  },
  {
    name: 'PUT answer',
    expect: [403, 403, 200, 403],
    request: async (t, c, who) => put(t, `/api/networks/${c.networkId}/reflections/${await task(t, c, {})}/answer`, { answers: ['Svar'] }, as(who)),
  },
  { name: 'GET my reflections', expect: [403, 403, 200, 403], request: (t, c, who) => t.get(`/api/networks/${c.networkId}/reflections/mine`, as(who)) },
  { name: 'GET mellomarbeid', expect: [200, 200, 200, 403], request: (t, c, who) => t.get(`/api/networks/${c.networkId}/mellomarbeid`, as(who)) },
  {
    name: 'POST mellomarbeid',
    expect: [201, 403, 403, 403],
    request: (t, c, who) => t.post(`/api/networks/${c.networkId}/mellomarbeid`, { planItemId: c.planItemId, description: 'x', dueAt: c.due() }, as(who)),
  },
  {
    name: 'PUT Bærum’s mellomarbeid',
    expect: [200, 403, 200, 403],
    request: async (t, c, who) => put(t, `/api/networks/${c.networkId}/mellomarbeid/${await assignment(t, c)}/3201`, { status: 'pabegynt' }, as(who)),
  },
  {
    name: 'PUT Asker’s mellomarbeid',
    expect: [200, 403, 403, 403],
    request: async (t, c, who) => put(t, `/api/networks/${c.networkId}/mellomarbeid/${await assignment(t, c)}/3203`, { status: 'pabegynt' }, as(who)),
  },
  { name: 'GET municipalities', expect: [200, 200, 200, 403], request: (t, c, who) => t.get(`/api/networks/${c.networkId}/municipalities`, as(who)) },
  {
    name: 'PUT phase',
    expect: [200, 403, 403, 403],
    request: (t, c, who) => put(t, `/api/networks/${c.networkId}/municipalities/3201/phase`, { phase: 2 }, as(who)),
  },
  {
    name: 'PUT Bærum’s focus areas',
    expect: [200, 403, 200, 403],
    request: (t, c, who) => put(t, `/api/networks/${c.networkId}/municipalities/3201/focus`, { choices: ['fokusomrade:helsehjelp'] }, as(who)),
  },
];

describe.each(databaseKinds)('role matrix for reflections, mellomarbeid and focus on %s', (kind) => {
  let t: TestApp;
  const ctx: Ctx = { networkId: '', planItemId: '', due: () => new Date(Date.now() + 7 * 86_400_000).toISOString() };
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    ctx.networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    ctx.planItemId = (await t.get(`/api/networks/${ctx.networkId}/plan`, as(ingrid))).json.items.find((i: Json) => i.kind === 'mellomarbeid').id;
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
});
