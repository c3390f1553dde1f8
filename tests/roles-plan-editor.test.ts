/**
 * The role matrix for the plan editor's routes (issue 12): only a network's fasilitator may
 * change, preview, duplicate or delete its plan items; the koordinator, a deltaker and a
 * stranger are refused, and a refusal changes nothing.
 */
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

const newItem = (title: string, day: number) => ({
  kind: 'webinar',
  title,
  startsAt: `2027-10-${String(day).padStart(2, '0')}T10:00:00+02:00`,
  endsAt: `2027-10-${String(day).padStart(2, '0')}T11:00:00+02:00`,
  format: 'digital',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/roles',
});

interface Case {
  name: string;
  expect: [number, number, number, number];
  request(send: Send, path: string, role: string): Promise<{ status: number; json: any }>;
}
type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;

const cases: Case[] = [
  { name: 'PATCH plan item', expect: [200, 403, 403, 403], request: (send, path, role) => send('PATCH', path, { title: `Endret av ${role}` }) },
  { name: 'POST preview of a move', expect: [200, 403, 403, 403], request: (send, path) => send('POST', `${path}/preview`, { startsAt: '2027-10-20T09:00:00+02:00', endsAt: '2027-10-20T10:00:00+02:00' }) },
  { name: 'POST preview of a delete', expect: [200, 403, 403, 403], request: (send, path) => send('POST', `${path}/preview`, { delete: true }) },
  { name: 'POST duplicate', expect: [201, 403, 403, 403], request: (send, path) => send('POST', `${path}/duplicate`, { date: '2027-11-02' }) },
  { name: 'PUT plan item (full replace)', expect: [200, 403, 403, 403], request: (send, path, role) => send('PUT', path, newItem(`Erstattet av ${role}`, 5)) },
  { name: 'DELETE plan item', expect: [200, 403, 403, 403], request: (send, path) => send('DELETE', path) },
];

describe.each(databaseKinds)('plan editor role matrix on %s', (kind) => {
  let t: TestApp;
  let base = '';
  const sender = (who: Person): Send => async (method, path, body) => {
    const res = await fetch(t.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...as(who) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    base = `/api/networks/${(await t.get('/api/networks', as(ingrid))).json.networks[0].id}`;
  });
  afterAll(async () => t?.close());

  let day = 4;
  for (const c of cases) {
    roles.forEach(([role, who], i) => {
      const expected = c.expect[i]!;
      it.skipIf(skipKind(kind))(`${c.name} as ${role} → ${expected}`, async () => {
        // Each request gets its own item, so a delete or a move cannot disturb the next.
        const created = await sender(ingrid)('POST', `${base}/plan`, newItem(`Rolletest ${day}`, day));
        day = day >= 28 ? 4 : day + 1;
        expect(created.status).toBe(201);
        const path = `${base}/plan/${created.json.item.id}`;
        const before = await t.app.db.query<any>('SELECT * FROM plan_item WHERE id = $1', [created.json.item.id]);
        const res = await c.request(sender(who), path, role);
        expect(res.status, JSON.stringify(res.json)).toBe(expected);
        if (expected === 403) {
          expect(res.json.error.code).toBe('ingen-tilgang');
          expect(res.json.error.message).toMatch(/medlem|Bare|bare/);
          expect((await t.app.db.query<any>('SELECT * FROM plan_item WHERE id = $1', [created.json.item.id])).rows).toEqual(before.rows);
        }
      });
    });
  }

  it.skipIf(skipKind(kind))('audits the facilitator’s changes and no refused attempt', async () => {
    const { rows } = await t.app.db.query<{ action: string; actor_name: string }>(`SELECT action, actor_name FROM audit_log WHERE action LIKE 'plan.%'`);
    const actions = rows.map((r) => `${r.actor_name}: ${r.action}`);
    for (const action of ['plan.endret', 'plan.duplisert', 'plan.slettet']) expect(actions).toContain(`Ingrid Haugen: ${action}`);
    expect(rows.every((r) => r.actor_name === 'Ingrid Haugen')).toBe(true);
  });
});
