/**
 * The role matrix of the calendar feeds (issue 13): the tab routes that make, show and revoke
 * an address, and the public feed itself. A koordinator of another region gets nothing of this
 * region's plans; a revoked, replaced or no longer allowed address is a 404, never the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';
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
  vestlandNetworkId: string;
}

const cases: { name: string; method: string; expect: number[]; path(c: Ctx): string }[] = [
  { name: 'GET plan feed state', method: 'GET', expect: [200, 200, 200, 403, 403], path: (c) => `/api/calendar/networks/${c.networkId}` },
  { name: 'POST plan feed', method: 'POST', expect: [201, 201, 201, 403, 403], path: (c) => `/api/calendar/networks/${c.networkId}` },
  { name: 'DELETE plan feed', method: 'DELETE', expect: [200, 200, 200, 403, 403], path: (c) => `/api/calendar/networks/${c.networkId}` },
  { name: 'GET Vestland plan feed state', method: 'GET', expect: [403, 403, 403, 200, 403], path: (c) => `/api/calendar/networks/${c.vestlandNetworkId}` },
  { name: 'POST Vestland plan feed', method: 'POST', expect: [403, 403, 403, 201, 403], path: (c) => `/api/calendar/networks/${c.vestlandNetworkId}` },
  { name: 'DELETE Vestland plan feed', method: 'DELETE', expect: [403, 403, 403, 200, 403], path: (c) => `/api/calendar/networks/${c.vestlandNetworkId}` },
  // The personal feed is the sessions of one's own networks: coordinators who are in none have none.
  { name: 'GET personal feed state', method: 'GET', expect: [200, 403, 200, 403, 403], path: () => `/api/calendar/personal` },
  { name: 'POST personal feed', method: 'POST', expect: [201, 403, 201, 403, 403], path: () => `/api/calendar/personal` },
  { name: 'DELETE personal feed', method: 'DELETE', expect: [200, 403, 200, 403, 403], path: () => `/api/calendar/personal` },
  // An unknown network is refused like a foreign one.
  { name: 'POST unknown network feed', method: 'POST', expect: [404, 404, 404, 404, 404], path: () => `/api/calendar/networks/00000000-0000-4000-8000-00000000beef` },
];

describe.each(databaseKinds)('calendar role matrix on %s', (kind) => {
  let t: TestApp;
  const ctx: Ctx = { networkId: '', vestlandNetworkId: '' };
  const send = async (method: string, path: string, who?: Person) => {
    const res = await fetch(t.url + path, { method, headers: who ? as(who) : {} });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, text: await res.text() };
  };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const rows = (await t.app.db.query<{ id: string; slug: string }>(`SELECT id, slug FROM network`)).rows;
    Object.assign(ctx, {
      networkId: rows.find((r) => r.slug === 'usht-viken')!.id,
      vestlandNetworkId: rows.find((r) => r.slug === 'vestland-leve-hele-livet')!.id,
    });
  });
  afterAll(async () => t?.close());

  for (const c of cases) {
    roles.forEach(([role, who], i) => {
      const expected = c.expect[i]!;
      it.skipIf(skipKind(kind))(`${c.method} ${c.name} as ${role} → ${expected}`, async () => {
        const res = await send(c.method, c.path(ctx), who);
        expect(res.status, res.text).toBe(expected);
        if (expected === 403) {
          const body = JSON.parse(res.text);
          expect(body.error.code).toBe('ingen-tilgang');
          // A refusal names no region, network or municipality, and hands out no address.
          expect(res.text).not.toMatch(/Viken|Vestland|Oslo|Bærum|\/calendar\//);
        }
        if (expected === 201) expect(JSON.parse(res.text).path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      });
    });
  }

  it.skipIf(skipKind(kind))('serves each allowed role its feed without sign-in, and nothing once revoked', async () => {
    for (const [role, who] of roles.slice(0, 4)) {
      const scope = who === torbjorn ? `/api/calendar/networks/${ctx.vestlandNetworkId}` : `/api/calendar/networks/${ctx.networkId}`;
      const made = await send('POST', scope, who);
      expect(made.status, role).toBe(201);
      const path = JSON.parse(made.text).path as string;
      const feed = await send('GET', path);
      expect(feed.status, role).toBe(200);
      expect(feed.type).toBe('text/calendar; charset=utf-8');
      expect(feed.text.startsWith('BEGIN:VCALENDAR'), role).toBe(true);
      // The Vestland coordinator's feed holds Vestland's plan, never Viken's.
      if (who === torbjorn) expect(feed.text).not.toMatch(/usht-viken|USHT Viken/i);
      expect((await send('DELETE', scope, who)).status, role).toBe(200);
      const revoked = await send('GET', path);
      expect(revoked.status, role).toBe(404);
      expect(revoked.text).not.toContain('VCALENDAR');
    }
  });

  it.skipIf(skipKind(kind))('stops a coordinator’s plan feed when they no longer coordinate the region', async () => {
    const made = await send('POST', `/api/calendar/networks/${ctx.networkId}`, per);
    const path = JSON.parse(made.text).path as string;
    expect((await send('GET', path)).status).toBe(200);
    const { rows } = await t.app.db.query<{ region_id: string }>(`SELECT region_id FROM network WHERE id = $1`, [ctx.networkId]);
    // As the coordinators' own route would (it refuses to remove the last one, so directly here).
    await t.app.db.query(`DELETE FROM region_coordinator WHERE region_id = $1 AND member_id = (SELECT id FROM member WHERE aad_object_id = $2)`, [
      rows[0]!.region_id,
      per.aadObjectId,
    ]);
    expect((await send('GET', path)).status).toBe(404);
  });
});
