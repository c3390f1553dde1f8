/**
 * Who may use the set-up routes (issue 12): GET /api/setup/options and POST /api/networks, for
 * every demo role, someone unknown and no sign-in; under the default rule (anyone in an allowed
 * tenant; local mode: anyone) and under a NETWORK_CREATORS list. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAM_ID } from '../src/demo/demo.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';

const roles = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['ikke medlem', stranger],
] as const;

const body = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  region: 'vestland',
  reform: 'leve-hele-livet',
  bodies: ['SF'],
  municipalities: ['4601'],
  ...over,
});

async function networks(t: TestApp): Promise<number> {
  const { rows } = await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM network');
  return rows[0]!.n;
}

describe.each(databaseKinds)('set-up routes, default rule, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skipKind(kind)) t = await startTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('needs a sign-in', async () => {
    expect((await t.get('/api/setup/options')).status).toBe(401);
    expect((await t.post('/api/networks', body('Uten innlogging'))).status).toBe(401);
  });

  it.skipIf(skipKind(kind))('offers the form to everyone signed in, and each may create a network as its fasilitator', async () => {
    for (const [role, who] of roles) {
      const options = await t.get('/api/setup/options', as(who));
      expect(options.status, role).toBe(200);
      expect(options.json.mayCreate, role).toBe(true);
      expect(options.json.regions).toHaveLength(10);
      expect(options.json.municipalities).toHaveLength(357);
      expect(options.json.reforms.map((r: { code: string }) => r.code).sort()).toEqual(['bo-trygt-hjemme', 'leve-hele-livet']);
      const created = await t.post('/api/networks', body(`Nettverk for ${role}`), as(who));
      expect(created.status, role).toBe(201);
      expect(created.json).toMatchObject({ name: `Nettverk for ${role}`, regionName: 'Vestland', municipalityCount: 1, teamBound: false });
      const mine = await t.get('/api/networks', as(who));
      expect(mine.json.networks.map((n: { name: string }) => n.name), role).toContain(`Nettverk for ${role}`);
      // The creator is its fasilitator: the plan is theirs to edit.
      const plan = await t.get(`/api/networks/${created.json.networkId}/plan`, as(who));
      expect(plan.json.canEdit, role).toBe(true);
    }
  });

  it.skipIf(skipKind(kind))('refuses bad input with the field named, and a team that already has a network', async () => {
    const before = await networks(t);
    const cases: [Record<string, unknown>, number, string][] = [
      [body('', {}), 400, 'name'],
      [body('X', { municipalities: ['9999'] }), 400, 'municipalities'],
      [body('X', { municipalities: [] }), 400, 'municipalities'],
      [body('X', { region: 'atlantis' }), 400, 'region'],
      [body('X', { bodies: ['NAV'] }), 400, 'bodies'],
      [body('Nettverk for fasilitator'), 409, 'name'],
      [body('Nytt i demoteamet', { teamId: DEMO_TEAM_ID }), 409, 'teamId'],
    ];
    for (const [request, status, field] of cases) {
      const res = await t.post('/api/networks', request, as(ingrid));
      expect(res.status, JSON.stringify(request)).toBe(status);
      expect(res.json.error.field, JSON.stringify(request)).toBe(field);
    }
    expect(await networks(t)).toBe(before);
  });
});

describe.each(databaseKinds)('set-up routes under NETWORK_CREATORS on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skipKind(kind)) t = await startTestApp(kind, { NETWORK_CREATORS: `user:${ingrid.aadObjectId}` });
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('only the listed person may create; the others are told whom to ask, and nothing is written', async () => {
    const before = await networks(t);
    for (const [role, who] of roles) {
      const options = await t.get('/api/setup/options', as(who));
      expect(options.status, role).toBe(200);
      expect(options.json.mayCreate, role).toBe(who === ingrid);
      const res = await t.post('/api/networks', body(`Listet ${role}`), as(who));
      if (who === ingrid) {
        expect(res.status).toBe(201);
        continue;
      }
      expect(options.json.refusal, role).toMatch(/Be IT-ansvarlig i organisasjonen din/);
      expect(res.status, role).toBe(403);
      expect(res.json.error.message, role).toMatch(/^Du har ikke tilgang til å sette opp læringsnettverk/);
    }
    expect(await networks(t)).toBe(before + 1);
  });
});
