/** The role matrix of the region overview and the reporting export (issue 13). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';
import { otherDemoPeople } from '../src/demo/more-networks.js';

type Person = { aadObjectId: string };
const torbjorn = otherDemoPeople.find((p) => p.displayName === 'Torbjørn Vik')!;
const siri = otherDemoPeople.find((p) => p.displayName === 'Siri Brekke')!;
const roles: [string, Person][] = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['koordinator i Vestland', torbjorn],
  ['ikke medlem', stranger],
];

interface Ctx {
  networkId: string;
  regionId: string;
  vestlandNetworkId: string;
  vestlandRegionId: string;
}

const cases: { name: string; expect: number[]; path(c: Ctx): string }[] = [
  { name: 'GET region overview', expect: [403, 200, 403, 403, 403], path: (c) => `/api/regions/${c.regionId}/overview` },
  { name: 'GET region overview, filtered', expect: [403, 200, 403, 403, 403], path: (c) => `/api/regions/${c.regionId}/overview?network=${c.networkId}&phase=2` },
  { name: 'GET municipality drill-down', expect: [403, 200, 403, 403, 403], path: (c) => `/api/regions/${c.regionId}/municipalities/3201` },
  { name: 'GET region export', expect: [403, 200, 403, 403, 403], path: (c) => `/api/regions/${c.regionId}/export.xlsx` },
  { name: 'GET network export', expect: [200, 200, 403, 403, 403], path: (c) => `/api/networks/${c.networkId}/export.xlsx?from=2020-01-01&to=2099-12-31` },
  { name: 'GET Vestland overview', expect: [403, 403, 403, 200, 403], path: (c) => `/api/regions/${c.vestlandRegionId}/overview` },
  { name: 'GET Vestland drill-down', expect: [403, 403, 403, 200, 403], path: (c) => `/api/regions/${c.vestlandRegionId}/municipalities/4621` },
  { name: 'GET Vestland region export', expect: [403, 403, 403, 200, 403], path: (c) => `/api/regions/${c.vestlandRegionId}/export.xlsx` },
  { name: 'GET Vestland network export', expect: [403, 403, 403, 200, 403], path: (c) => `/api/networks/${c.vestlandNetworkId}/export.xlsx` },
  { name: 'GET network report access', expect: [200, 200, 200, 403, 403], path: (c) => `/api/networks/${c.networkId}/report` },
  // An unknown region is refused like a foreign one: nobody learns which ids exist.
  { name: 'GET unknown region', expect: [403, 403, 403, 403, 403], path: () => `/api/regions/00000000-0000-4000-8000-00000000beef/overview` },
];

async function request(t: TestApp, path: string, who: Person): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(t.url + path, { headers: as(who) });
  const type = res.headers.get('content-type') ?? '';
  const text = type.includes('json') ? await res.text() : `(${(await res.arrayBuffer()).byteLength} bytes)`;
  return { status: res.status, type, text };
}

describe.each(databaseKinds)('region and reporting role matrix on %s', (kind) => {
  let t: TestApp;
  const ctx: Ctx = { networkId: '', regionId: '', vestlandNetworkId: '', vestlandRegionId: '' };
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const rows = (await t.app.db.query<{ id: string; slug: string; region_id: string }>(`SELECT id, slug, region_id FROM network`)).rows;
    const lhl = rows.find((r) => r.slug === 'usht-viken')!;
    const vl = rows.find((r) => r.slug === 'vestland-leve-hele-livet')!;
    Object.assign(ctx, { networkId: lhl.id, regionId: lhl.region_id, vestlandNetworkId: vl.id, vestlandRegionId: vl.region_id });
  });
  afterAll(async () => t?.close());

  for (const c of cases) {
    roles.forEach(([role, who], i) => {
      const expected = c.expect[i]!;
      it.skipIf(skipKind(kind))(`${c.name} as ${role} → ${expected}`, async () => {
        const res = await request(t, c.path(ctx), who);
        expect(res.status, res.text).toBe(expected);
        if (expected === 200 && c.path(ctx).includes('.xlsx')) {
          expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        }
        if (expected === 403) {
          const body = JSON.parse(res.text);
          expect(body.error.code).toBe('ingen-tilgang');
          expect(body.error.message).toMatch(/medlem|Bare|bare/);
          // A refusal names no region, network or municipality.
          expect(res.text).not.toMatch(/Viken|Vestland|Oslo|Bærum|Voss/);
        }
      });
    });
  }

  it.skipIf(skipKind(kind))('the Vestland facilitator exports her own network, not Viken’s', async () => {
    expect((await request(t, `/api/networks/${ctx.vestlandNetworkId}/export.xlsx`, siri)).status).toBe(200);
    expect((await request(t, `/api/networks/${ctx.networkId}/export.xlsx`, siri)).status).toBe(403);
  });

  it.skipIf(skipKind(kind))('tells the network view who may download the report', async () => {
    const can = async (who: Person) => (await t.get(`/api/networks/${ctx.networkId}/report`, as(who))).json.canExport;
    expect([await can(ingrid), await can(per), await can(kari)]).toEqual([true, true, false]);
  });

  it.skipIf(skipKind(kind))('GET /api/regions lists only the caller’s own regions', async () => {
    const names = async (who: Person) => (await t.get('/api/regions', as(who))).json.regions.map((r: any) => r.name);
    expect(await names(per)).toEqual(['Oslo og Viken']);
    expect(await names(torbjorn)).toEqual(['Vestland']);
    expect(await names(ingrid)).toEqual([]);
    expect(await names(kari)).toEqual([]);
  });
});
