/**
 * The role matrix of the personal view's routes (issue 13): the own page, the own reminder
 * switch, the navigation's access, and answering a poll from the tab. A deltaker's page never
 * holds another municipality's delivered text; nobody's holds another network's tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola, per, stranger } from './helpers/people.js';
import { otherDemoPeople } from '../src/demo/more-networks.js';

type Person = { aadObjectId: string };
const torbjorn = otherDemoPeople.find((p) => p.displayName === 'Torbjørn Vik')!;
const roles: [string, Person][] = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['koordinator i Vestland', torbjorn],
  ['ikke medlem', stranger],
];

interface Ctx {
  networkId: string;
  pollId: string;
}

const send = (t: TestApp, method: string, path: string, body: unknown, who: Person) =>
  fetch(t.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...as(who) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (r) => ({ status: r.status, json: await r.json() }));

const cases: { name: string; expect: number[]; run(t: TestApp, c: Ctx, who: Person): Promise<{ status: number; json: any }> }[] = [
  { name: 'GET /api/me/overview', expect: [200, 200, 200, 200, 200], run: (t, _c, who) => send(t, 'GET', '/api/me/overview', undefined, who) },
  { name: 'GET /api/me/access', expect: [200, 200, 200, 200, 200], run: (t, _c, who) => send(t, 'GET', '/api/me/access', undefined, who) },
  { name: 'PUT /api/me/reminders', expect: [200, 200, 200, 200, 403], run: (t, _c, who) => send(t, 'PUT', '/api/me/reminders', { enabled: true }, who) },
  {
    name: 'PUT poll vote',
    expect: [200, 403, 200, 403, 403],
    run: (t, c, who) => send(t, 'PUT', `/api/networks/${c.networkId}/polls/${c.pollId}/vote`, { answer: 0 }, who),
  },
];

describe.each(databaseKinds)('personal view role matrix on %s', (kind) => {
  let t: TestApp;
  const ctx: Ctx = { networkId: '', pollId: '' };
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const rows = (await t.app.db.query<{ id: string; slug: string }>(`SELECT id, slug FROM network`)).rows;
    ctx.networkId = rows.find((r) => r.slug === 'usht-viken')!.id;
    const created = await t.post(`/api/networks/${ctx.networkId}/polls`, { question: 'Rollematrise personlig?', kind: 'enkeltvalg', options: ['Ja', 'Nei'] }, as(ingrid));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    ctx.pollId = created.json.poll.id;
  });
  afterAll(async () => t?.close());

  for (const c of cases) {
    roles.forEach(([role, who], i) => {
      const expected = c.expect[i]!;
      it.skipIf(skipKind(kind))(`${c.name} as ${role} → ${expected}`, async () => {
        const res = await c.run(t, ctx, who);
        expect(res.status, JSON.stringify(res.json)).toBe(expected);
        if (expected === 403) {
          expect(res.json.error.code).toBe('ingen-tilgang');
          expect(res.json.error.message).toMatch(/medlem|Bare|bare|Koordinator|koordinator/);
          expect(JSON.stringify(res.json)).not.toMatch(/Viken|Vestland|Bærum|Rollematrise/);
        }
      });
    });
  }

  it.skipIf(skipKind(kind))('an unknown poll in a network is 404 for a member, and a malformed id 400', async () => {
    expect((await send(t, 'PUT', `/api/networks/${ctx.networkId}/polls/00000000-0000-4000-8000-00000000beef/vote`, { answer: 0 }, kari)).status).toBe(404);
    expect((await send(t, 'PUT', `/api/networks/${ctx.networkId}/polls/ikke-en-id/vote`, { answer: 0 }, kari)).status).toBe(400);
  });

  it.skipIf(skipKind(kind))('the own page holds only the caller’s own networks and municipality', async () => {
    // Asker delivers a text; Kari (Bærum) must not get it, Ola (Asker) must.
    const matrix = (await send(t, 'GET', `/api/networks/${ctx.networkId}/mellomarbeid`, undefined, ola)).json;
    const path = `/api/networks/${ctx.networkId}/mellomarbeid/${matrix.assignments[0].id}/3203`;
    expect((await send(t, 'PUT', path, { status: 'pabegynt' }, ola)).status).toBe(200);
    expect((await send(t, 'PUT', path, { status: 'levert', submissionText: 'Askers tekst til rollematrisen.' }, ola)).status).toBe(200);
    const page = async (who: Person) => (await send(t, 'GET', '/api/me/overview', undefined, who)).json;
    expect(JSON.stringify(await page(kari))).not.toContain('Askers tekst');
    expect(JSON.stringify(await page(ola))).toContain('Askers tekst');
    // A facilitator answers no reflection tasks and has no municipality's work; a coordinator and a stranger have no page of tasks.
    const facilitator = await page(ingrid);
    expect(facilitator.reflections).toEqual([]);
    expect(facilitator.work).toEqual([]);
    for (const who of [per, torbjorn, stranger]) {
      const p = await page(who);
      expect([p.sessions, p.polls, p.reflections, p.work]).toEqual([[], [], [], []]);
    }
    expect((await page(stranger)).registered).toBe(false);
    // Nothing from a network Kari is not in.
    const kariNetworks = (await page(kari)).networks.map((n: any) => n.networkId);
    const own = (await send(t, 'GET', '/api/networks', undefined, kari)).json.networks.map((n: any) => n.id);
    expect(kariNetworks.every((id: string) => own.includes(id))).toBe(true);
  });

  it.skipIf(skipKind(kind))('tells the navigation what each role may use', async () => {
    const access = async (who: Person) => (await send(t, 'GET', '/api/me/access', undefined, who)).json;
    const inViken = async (who: Person) => (await access(who)).networks.find((n: any) => n.networkId === ctx.networkId);
    expect(await inViken(kari)).toMatchObject({ role: 'deltaker', reminderReport: false, administration: false, ownTasks: true });
    expect(await inViken(ingrid)).toMatchObject({ role: 'fasilitator', reminderReport: true, administration: true, ownTasks: false });
    expect(await inViken(per)).toMatchObject({ role: 'koordinator', reminderReport: false, administration: true, ownTasks: false });
    expect(await inViken(torbjorn)).toBeUndefined();
    expect((await access(per)).coordinator).toBe(true);
    expect((await access(kari)).coordinator).toBe(false);
    expect(await access(stranger)).toEqual({ registered: false, coordinator: false, networks: [] });
  });
});
