/** The region overview for coordinators (issue 13): rows per network × municipality, filters, drill-down. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, kari, per } from './helpers/people.js';

const put = (t: TestApp, path: string, body: unknown, headers: Record<string, string>) =>
  fetch(t.url + path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    json: await r.json(),
  }));

describe.each(databaseKinds)('region overview on %s', (kind) => {
  let t: TestApp;
  let regionId = '';
  let lhl = '';
  let bth = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const rows = (await t.app.db.query<{ id: string; slug: string; region_id: string }>(`SELECT id, slug, region_id FROM network`)).rows;
    lhl = rows.find((r) => r.slug === 'usht-viken')!.id;
    bth = rows.find((r) => r.slug === 'viken-bo-trygt-hjemme')!.id;
    regionId = rows.find((r) => r.slug === 'usht-viken')!.region_id;
    // Kari delivers Bærum's mellomarbeid, so the drill-down has a delivered text to show.
    const assignmentId = (await t.app.db.query<{ id: string }>(`SELECT id FROM mellomarbeid_assignment WHERE network_id = $1`, [lhl])).rows[0]!.id;
    const path = `/api/networks/${lhl}/mellomarbeid/${assignmentId}/3201`;
    expect((await put(t, path, { status: 'pabegynt' }, as(kari))).status).toBe(200);
    expect((await put(t, path, { status: 'levert', submissionText: 'Vi har kartlagt tjenestene i Bærum.' }, as(kari))).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('lists the regions Per coordinates, and none for a deltaker', async () => {
    expect((await t.get('/api/regions', as(per))).json.regions).toEqual([{ id: regionId, name: 'Oslo og Viken' }]);
    expect((await t.get('/api/regions', as(kari))).json.regions).toEqual([]);
  });

  it.skipIf(skipKind(kind))('shows every network × municipality of both Viken networks, a shared municipality once with each', async () => {
    const res = await t.get(`/api/regions/${regionId}/overview`, as(per));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const o = res.json;
    expect(o.region).toEqual({ id: regionId, name: 'Oslo og Viken' });
    expect(o.options.networks.map((n: any) => n.name).sort()).toEqual(['USHT Viken – læringsnettverk Leve hele livet', 'Viken – læringsnettverk Bo trygt hjemme']);
    expect(o.rows).toHaveLength(10);
    expect(o.rows.filter((r: any) => r.networkId === lhl)).toHaveLength(6);
    expect(o.rows.filter((r: any) => r.networkId === bth)).toHaveLength(4);
    // Bærum (3201) and Drammen (3301) are in both networks: once with each.
    const baerum = o.rows.filter((r: any) => r.municipalityNumber === '3201');
    expect(baerum.map((r: any) => r.networkId).sort()).toEqual([lhl, bth].sort());
    expect(o.rows.filter((r: any) => r.municipalityNumber === '3301')).toHaveLength(2);
    // Bærum in Leve hele livet: the seeded phase, its delivered mellomarbeid, both named polls answered by Kari.
    const b = baerum.find((r: any) => r.networkId === lhl);
    expect(b).toMatchObject({
      municipalityName: 'Bærum',
      countyName: 'Akershus',
      phase: 2,
      phaseLabel: 'Kartlegging og planlegging',
      mellomarbeid: { assignments: 1, delivered: 1, late: 0 },
      polls: { answered: 2, total: 2 },
      reflections: { answered: 0, total: 2 },
    });
    // The same municipality in Bo trygt hjemme has its own (empty) standing.
    expect(baerum.find((r: any) => r.networkId === bth)).toMatchObject({ phase: null, mellomarbeid: { assignments: 0, delivered: 0, late: 0 }, polls: { answered: 0, total: 0 } });
    expect(o.options.phases).toHaveLength(4);
    expect(o.options.counties.map((c: any) => c.name)).toContain('Akershus');
  });

  it.skipIf(skipKind(kind))('filters by network, county and phase', async () => {
    const get = async (q: string) => (await t.get(`/api/regions/${regionId}/overview?${q}`, as(per))).json;
    const byNetwork = await get(`network=${bth}`);
    expect(byNetwork.rows.map((r: any) => r.municipalityNumber).sort()).toEqual(['3101', '3107', '3201', '3301']);
    expect(byNetwork.filters).toEqual({ network: bth, county: null, phase: null });
    const akershus = byNetwork.options.counties.find((c: any) => c.name === 'Akershus').number;
    const byCounty = await get(`county=${akershus}`);
    expect(byCounty.rows.length).toBeGreaterThan(0);
    expect(byCounty.rows.every((r: any) => r.countyName === 'Akershus')).toBe(true);
    const phase2 = await get('phase=2');
    expect(phase2.rows.map((r: any) => r.municipalityNumber).sort()).toEqual(['3201', '3301']);
    const none = await get(`phase=ingen&network=${lhl}`);
    expect(none.rows).toEqual([]);
    expect((await get('phase=ingen')).rows).toHaveLength(4);
  });

  it.skipIf(skipKind(kind))('refuses a malformed or foreign filter, naming the field', async () => {
    const bad = await t.get(`/api/regions/${regionId}/overview?phase=7`, as(per));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'ugyldig-forespørsel', field: 'phase' });
    const vestland = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'vestland-leve-hele-livet'`)).rows[0]!.id;
    const foreign = await t.get(`/api/regions/${regionId}/overview?network=${vestland}`, as(per));
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.field).toBe('network');
    expect(JSON.stringify(foreign.json)).not.toContain('Vestland');
  });

  it.skipIf(skipKind(kind))('drills down to a municipality across the region’s networks, with its delivered text', async () => {
    const res = await t.get(`/api/regions/${regionId}/municipalities/3201`, as(per));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.municipality).toEqual({ number: '3201', name: 'Bærum', countyName: 'Akershus' });
    expect(res.json.networks.map((n: any) => n.networkId).sort()).toEqual([lhl, bth].sort());
    const inLhl = res.json.networks.find((n: any) => n.networkId === lhl);
    expect(inLhl.mellomarbeid).toHaveLength(1);
    expect(inLhl.mellomarbeid[0]).toMatchObject({ status: 'levert', statusLabel: 'Levert', late: false, submissionText: 'Vi har kartlagt tjenestene i Bærum.' });
    // Asker has not delivered: its status shows, no text.
    const asker = await t.get(`/api/regions/${regionId}/municipalities/3203`, as(per));
    expect(asker.json.networks).toHaveLength(1);
    expect(asker.json.networks[0].mellomarbeid[0]).toMatchObject({ status: 'ikke-startet', submissionText: null });
    // A municipality in none of the region's networks, and a malformed number.
    expect((await t.get(`/api/regions/${regionId}/municipalities/4601`, as(per))).status).toBe(404);
    expect((await t.get(`/api/regions/${regionId}/municipalities/32x1`, as(per))).status).toBe(400);
  });

  it.skipIf(skipKind(kind))('answers in the caller’s language', async () => {
    const res = await t.get(`/api/regions/${regionId}/overview`, { ...as(per), 'x-samlingspunkt-locale': 'en' });
    expect(res.json.options.phases[0].label).not.toBe('Forberedelse og oppstart');
    expect(res.json.options.sectors.find((s: any) => s.sector === 'helse-og-omsorg').label).toMatch(/[Hh]ealth/);
  });
});
