/**
 * Administration of a network in the tab (issue 12): municipalities, members and roles from the
 * team roster, ending a programme (read-only from then on) and region coordinators, through the
 * real HTTP API and /api/messages on both databases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola, per } from './helpers/people.js';
import { DEMO_TEAM_ID } from '../src/demo/demo.js';
import { findNetworkById, findNetworkByTeam, listNetworks, networksOfPerson } from '../src/network/sql/networks.js';

type Json = Record<string, any>;
const cardOf = (a: Json) => a.attachments?.[0]?.content;

async function call(t: TestApp, method: string, path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(t.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as any };
}
const patch = (t: TestApp, path: string, body: unknown, who: { aadObjectId: string }) => call(t, 'PATCH', path, body, as(who));
const del = (t: TestApp, path: string, who: { aadObjectId: string }) => call(t, 'DELETE', path, undefined, as(who));

describe.each(databaseKinds)('network administration on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  let regionId = '';
  const q = async <T extends Json>(sql: string, params: unknown[] = []) => (await t.app.db.query<T>(sql, params)).rows;
  const auditCount = async (action: string) =>
    (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1`, [action]))[0]!.n;
  const memberIdOf = async (aadObjectId: string) => (await q<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [aadObjectId]))[0]!.id;
  const channel = (conversationId: string, who: { aadObjectId: string }) => ({
    serviceUrl: t.connector.url,
    conversationType: 'channel' as const,
    teamId: DEMO_TEAM_ID,
    conversationId,
    fromAadObjectId: who.aadObjectId,
  });

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const row = (await q<{ id: string; region_id: string }>(`SELECT id, region_id FROM network WHERE slug = 'usht-viken'`))[0]!;
    networkId = row.id;
    regionId = row.region_id;
  });
  afterAll(async () => t?.close());
  const skip = () => skipKind(kind);

  // ── Municipalities ──

  it.skipIf(skip())('lists the 357 municipalities for the picker', async () => {
    const res = await t.get('/api/municipalities', as(ingrid));
    expect(res.status).toBe(200);
    expect(res.json.municipalities).toHaveLength(357);
    expect(res.json.municipalities.find((m: Json) => m.number === '4204')).toMatchObject({ name: 'Kristiansand', countyName: 'Agder' });
  });

  it.skipIf(skip())('adds several municipalities at once, audited, and shows what belongs to each', async () => {
    const before = await auditCount('kommuner.lagt-til');
    const res = await t.post(`/api/networks/${networkId}/municipalities`, { municipalityNumbers: ['4204', '4203', '3201'] }, as(ingrid));
    expect(res.status).toBe(201);
    // Bærum was there already: only the new ones are added (and named in the audit row).
    expect(res.json.added.sort()).toEqual(['4203', '4204']);
    expect(await auditCount('kommuner.lagt-til')).toBe(before + 1);
    const overview = await t.get(`/api/networks/${networkId}/admin`, as(ingrid));
    expect(overview.status).toBe(200);
    expect(overview.json.access).toEqual({ canManage: true, canEnd: true, canReopen: false, coordinatesRegion: false });
    const byNumber = Object.fromEntries(overview.json.municipalities.map((m: Json) => [m.number, m]));
    expect(byNumber['4204']).toMatchObject({ name: 'Kristiansand', participants: 0, workRows: 0 });
    expect(byNumber['3201'].participants).toBeGreaterThan(0);
  });

  it.skipIf(skip())('refuses an unknown municipality number naming «Kommune» and the number, saving none of the list', async () => {
    const res = await t.post(`/api/networks/${networkId}/municipalities`, { municipalityNumbers: ['4201', '9999'] }, as(ingrid));
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('municipalityNumbers');
    expect(res.json.error.message).toContain('Kommune');
    expect(res.json.error.message).toContain('9999');
    expect(await q(`SELECT 1 FROM network_municipality WHERE network_id = $1 AND municipality_number = '4201'`, [networkId])).toHaveLength(0);

    const malformed = await t.post(`/api/networks/${networkId}/municipalities`, { municipalityNumbers: ['42'] }, as(ingrid));
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.field).toBe('municipalityNumbers.0');
    expect(malformed.json.error.message).toMatch(/Kommune 1/);
    const empty = await t.post(`/api/networks/${networkId}/municipalities`, { municipalityNumbers: [] }, as(ingrid));
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toContain('Kommuner');
  });

  it.skipIf(skip())('removes an unused municipality (audited) and refuses one deltakere still belong to', async () => {
    const before = await auditCount('kommune.fjernet');
    const removed = await del(t, `/api/networks/${networkId}/municipalities/4203`, ingrid);
    expect(removed.status).toBe(200);
    expect(await auditCount('kommune.fjernet')).toBe(before + 1);
    expect(await q(`SELECT 1 FROM network_municipality WHERE network_id = $1 AND municipality_number = '4203'`, [networkId])).toHaveLength(0);

    const used = await del(t, `/api/networks/${networkId}/municipalities/3201`, ingrid);
    expect(used.status).toBe(409);
    expect(used.json.error.message).toMatch(/Bærum kan ikke fjernes ennå: \d+ deltakere/);
    expect(await q(`SELECT 1 FROM network_municipality WHERE network_id = $1 AND municipality_number = '3201'`, [networkId])).toHaveLength(1);
    expect((await del(t, `/api/networks/${networkId}/municipalities/0000`, ingrid)).status).toBe(404);
    expect((await del(t, `/api/networks/${networkId}/municipalities/abc`, ingrid)).status).toBe(400);
  });

  // ── Roster and members ──

  it.skipIf(skip())('fills the roster from membersAdded/membersRemoved in the team and from «synk medlemmer»', async () => {
    const joined = randomUUID();
    const left = randomUUID();
    const update = (members: Json) => ({
      ...message('', channel(`${DEMO_TEAM_ID};general`, ingrid)),
      type: 'conversationUpdate',
      text: undefined,
      ...members,
    });
    expect((await t.post('/api/messages', update({ membersAdded: [{ id: '29:j', aadObjectId: joined.toUpperCase() }, { id: '29:l', aadObjectId: left }] }))).status).toBe(200);
    expect((await t.post('/api/messages', update({ membersRemoved: [{ id: '29:l', aadObjectId: left }] }))).status).toBe(200);
    let roster = await t.get(`/api/networks/${networkId}/roster`, as(ingrid));
    expect(roster.status).toBe(200);
    expect(roster.json.teamBound).toBe(true);
    expect(roster.json.people.map((p: Json) => p.aadObjectId)).toEqual([joined]);

    // A full read: the names come from Teams, people already in the network are not offered,
    // and whoever the read does not see has left.
    const nora = randomUUID();
    t.connector.setRoster(DEMO_TEAM_ID, [
      { id: '29:i', name: 'Ingrid Haugen', aadObjectId: ingrid.aadObjectId },
      { id: '29:n', name: 'Nora Nilsen', aadObjectId: nora },
      { id: '29:x', name: 'Xavier Xu', aadObjectId: randomUUID() },
    ], 2);
    const o = channel(DEMO_TEAM_ID, ingrid);
    await t.post('/api/messages', message('synk medlemmer', o, true));
    await t.connector.waitForActivities(1, DEMO_TEAM_ID);
    roster = await t.get(`/api/networks/${networkId}/roster`, as(ingrid));
    expect(roster.json.people.map((p: Json) => p.displayName)).toEqual(['Nora Nilsen', 'Xavier Xu']);

    // Invited from the roster (POST members with its id): no longer offered.
    const added = await t.post(`/api/networks/${networkId}/members`, { aadObjectId: nora, displayName: 'Nora Nilsen', role: 'deltaker', municipalityNumber: '4204', sector: 'kultur' }, as(ingrid));
    expect(added.status).toBe(201);
    roster = await t.get(`/api/networks/${networkId}/roster`, as(ingrid));
    expect(roster.json.people.map((p: Json) => p.displayName)).toEqual(['Xavier Xu']);
  });

  it.skipIf(skip())('changes role, municipality and sector with PATCH (only what is sent), audited', async () => {
    const olaId = await memberIdOf(ola.aadObjectId);
    const before = await auditCount('medlem.endret');
    const moved = await patch(t, `/api/networks/${networkId}/members/${olaId}`, { municipalityNumber: '4204' }, ingrid);
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect(moved.json.member).toMatchObject({ role: 'deltaker', municipalityNumber: '4204', municipalityName: 'Kristiansand', sector: 'plan' });
    const sector = await patch(t, `/api/networks/${networkId}/members/${olaId}`, { sector: 'teknisk' }, ingrid);
    expect(sector.json.member).toMatchObject({ municipalityNumber: '4204', sector: 'teknisk' });
    const promoted = await patch(t, `/api/networks/${networkId}/members/${olaId}`, { role: 'fasilitator' }, ingrid);
    expect(promoted.json.member).toMatchObject({ role: 'fasilitator', municipalityNumber: null });
    // Back to deltaker: a municipality is needed again.
    const noMunicipality = await patch(t, `/api/networks/${networkId}/members/${olaId}`, { role: 'deltaker' }, ingrid);
    expect(noMunicipality.status).toBe(400);
    expect(noMunicipality.json.error.field).toBe('municipalityNumber');
    expect(noMunicipality.json.error.message).toMatch(/^Kommune:/);
    const back = await patch(t, `/api/networks/${networkId}/members/${olaId}`, { role: 'deltaker', municipalityNumber: '3203' }, ingrid);
    expect(back.json.member).toMatchObject({ role: 'deltaker', municipalityNumber: '3203' });
    expect(await auditCount('medlem.endret')).toBe(before + 4);
    const audit = await q<{ details: Json }>(`SELECT details FROM audit_log WHERE action = 'medlem.endret' ORDER BY id DESC LIMIT 1`);
    expect(audit[0]!.details).toMatchObject({ fra: { rolle: 'fasilitator' }, til: { rolle: 'deltaker', kommune: '3203' } });
  });

  it.skipIf(skip())('refuses bad PATCH input naming the field, with nothing saved', async () => {
    const kariId = await memberIdOf(kari.aadObjectId);
    const cases: [Json, string, RegExp][] = [
      [{ role: 'sjef' }, 'role', /Rolle/],
      [{ sector: 'x' }, 'sector', /Sektor/],
      [{ municipalityNumber: '12' }, 'municipalityNumber', /Kommune/],
      [{ municipalityNumber: '4201' }, 'municipalityNumber', /Kommune 4201/],
      [{}, '', /rolle, kommune eller sektor/],
    ];
    for (const [body, field, text] of cases) {
      const res = await patch(t, `/api/networks/${networkId}/members/${kariId}`, body, ingrid);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field) expect(res.json.error.field).toBe(field);
      expect(res.json.error.message).toMatch(text);
    }
    const [row] = await q<{ role: string; municipality_number: string }>(`SELECT role, municipality_number FROM network_member WHERE network_id = $1 AND member_id = $2`, [networkId, kariId]);
    expect(row).toEqual({ role: 'deltaker', municipality_number: '3201' });
    expect((await patch(t, `/api/networks/${networkId}/members/${randomUUID()}`, { sector: 'plan' }, ingrid)).status).toBe(404);
    expect((await patch(t, `/api/networks/${networkId}/members/not-an-id`, { sector: 'plan' }, ingrid)).status).toBe(400);
  });

  it.skipIf(skip())('never lets the last fasilitator go: not removed, not demoted by PATCH or POST', async () => {
    const facilitators = await q<{ member_id: string }>(`SELECT member_id FROM network_member WHERE network_id = $1 AND role = 'fasilitator'`, [networkId]);
    expect(facilitators).toHaveLength(1);
    const ingridId = facilitators[0]!.member_id;
    const removed = await del(t, `/api/networks/${networkId}/members/${ingridId}`, ingrid);
    expect(removed.status).toBe(409);
    expect(removed.json.error.message).toMatch(/minst én fasilitator/);
    const demoted = await patch(t, `/api/networks/${networkId}/members/${ingridId}`, { role: 'deltaker', municipalityNumber: '3201' }, ingrid);
    expect(demoted.status).toBe(409);
    const upserted = await t.post(`/api/networks/${networkId}/members`, { aadObjectId: ingrid.aadObjectId, displayName: 'Ingrid Haugen', role: 'deltaker', municipalityNumber: '3201' }, as(ingrid));
    expect(upserted.status).toBe(409);
    expect(await q(`SELECT 1 FROM network_member WHERE network_id = $1 AND member_id = $2 AND role = 'fasilitator'`, [networkId, ingridId])).toHaveLength(1);

    // With a co-facilitator, either may step down.
    const co = randomUUID();
    const added = await t.post(`/api/networks/${networkId}/members`, { aadObjectId: co, displayName: 'Kofa Fasilitator', role: 'fasilitator' }, as(ingrid));
    expect(added.status).toBe(201);
    const before = await auditCount('medlem.fjernet');
    expect((await del(t, `/api/networks/${networkId}/members/${added.json.memberId}`, ingrid)).status).toBe(200);
    expect(await auditCount('medlem.fjernet')).toBe(before + 1);
  });

  // ── Region coordinators ──

  it.skipIf(skip())('lets a region coordinator appoint and remove coordinators, never the last one', async () => {
    const list = await t.get(`/api/regions/${regionId}/coordinators`, as(per));
    expect(list.status).toBe(200);
    expect(list.json.coordinators.map((c: Json) => c.displayName)).toEqual(['Per Olsen']);
    const perId = list.json.coordinators[0].memberId;
    const last = await del(t, `/api/regions/${regionId}/coordinators/${perId}`, per);
    expect(last.status).toBe(409);
    expect(last.json.error.message).toMatch(/minst én koordinator/);

    const newcomer = randomUUID();
    const bad = await t.post(`/api/regions/${regionId}/coordinators`, { aadObjectId: 'nope', displayName: 'X' }, as(per));
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('aadObjectId');
    expect(bad.json.error.message).toContain('Person');
    const before = await auditCount('koordinator.utnevnt');
    const added = await t.post(`/api/regions/${regionId}/coordinators`, { aadObjectId: newcomer, displayName: 'Kora Koordinator' }, as(per));
    expect(added.status).toBe(201);
    expect(await auditCount('koordinator.utnevnt')).toBe(before + 1);
    expect((await t.post(`/api/regions/${regionId}/coordinators`, { aadObjectId: newcomer, displayName: 'Kora Koordinator' }, as(per))).status).toBe(409);
    // The new coordinator sees the region's networks at once.
    expect((await t.get('/api/networks', as({ aadObjectId: newcomer }))).json.networks.map((n: Json) => n.id)).toContain(networkId);
    const removedBefore = await auditCount('koordinator.fjernet');
    expect((await del(t, `/api/regions/${regionId}/coordinators/${added.json.memberId}`, per)).status).toBe(200);
    expect(await auditCount('koordinator.fjernet')).toBe(removedBefore + 1);
    expect((await t.get(`/api/regions/${randomUUID()}/coordinators`, as(per))).status).toBe(403);
  });

  it.skipIf(skip())('appoints the first coordinator of a region from REGION_COORDINATORS at sign-in, only while it has none', async () => {
    const other = await startTestApp(kind, { REGION_COORDINATORS: `agder-test:${'00000000-0000-4000-8000-0000000000aa'},oslo-og-viken:${'00000000-0000-4000-8000-0000000000ab'}` });
    try {
      const regionAgder = (await other.app.db.query<{ id: string }>(`INSERT INTO region (slug, name) VALUES ('agder-test', 'Agder') RETURNING id`)).rows[0]!.id;
      const first = { aadObjectId: '00000000-0000-4000-8000-0000000000aa' };
      const res = await other.get(`/api/regions/${regionAgder}/coordinators`, as(first));
      expect(res.status).toBe(200);
      expect(res.json.coordinators.map((c: Json) => c.aadObjectId)).toEqual([first.aadObjectId]);
      const audit = await other.app.db.query(`SELECT 1 FROM audit_log WHERE region_id = $1 AND action = 'koordinator.utnevnt' AND actor_name = 'REGION_COORDINATORS'`, [regionAgder]);
      expect(audit.rows).toHaveLength(1);
      // Oslo og Viken has a coordinator (Per) already: the configuration does not apply there.
      const oslo = (await other.app.db.query<{ id: string }>(`SELECT id FROM region WHERE slug = 'oslo-og-viken'`)).rows[0]!.id;
      expect((await other.get(`/api/regions/${oslo}/coordinators`, as({ aadObjectId: '00000000-0000-4000-8000-0000000000ab' }))).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  // ── Ending a programme (last: the network stays ended) ──

  it.skipIf(skip())('ends a network only with confirmation, audited; loaders and lists say when', async () => {
    const unconfirmed = await t.post(`/api/networks/${networkId}/archive`, {}, as(ingrid));
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json.error.field).toBe('confirm');
    expect(unconfirmed.json.error.message).toContain('Bekreftelse');
    expect((await findNetworkById(t.app.db, networkId))!.endedAt).toBeNull();
    expect((await t.post(`/api/networks/${networkId}/archive`, { confirm: true }, as(kari))).status).toBe(403);

    const ended = await t.post(`/api/networks/${networkId}/archive`, { confirm: true }, as(ingrid));
    expect(ended.status, JSON.stringify(ended.json)).toBe(200);
    expect(ended.json.network.endedAt).toEqual(expect.any(String));
    expect(await auditCount('nettverk.avsluttet')).toBe(1);
    expect((await t.post(`/api/networks/${networkId}/archive`, { confirm: true }, as(ingrid))).status).toBe(409);

    // Every loader the policy's callers use carries endedAt.
    for (const n of [
      await findNetworkById(t.app.db, networkId),
      await findNetworkByTeam(t.app.db, DEMO_TEAM_ID),
      (await listNetworks(t.app.db)).find((x) => x.id === networkId),
      (await networksOfPerson(t.app.db, (await q<{ tenant_id: string }>(`SELECT tenant_id FROM member WHERE aad_object_id = $1`, [ingrid.aadObjectId]))[0]!.tenant_id, ingrid.aadObjectId)).find((x) => x.id === networkId),
    ]) {
      expect(n?.endedAt).toBeInstanceOf(Date);
    }
    const list = await t.get('/api/networks', as(kari));
    expect(list.json.networks[0].endedAt).toEqual(ended.json.network.endedAt);
    const plan = await t.get(`/api/networks/${networkId}/plan`, as(ingrid));
    expect(plan.status).toBe(200);
    expect(plan.json.network.endedAt).toEqual(ended.json.network.endedAt);
    expect(plan.json.canEdit).toBe(false);
    const overview = await t.get(`/api/networks/${networkId}/admin`, as(ingrid));
    expect(overview.json.access).toMatchObject({ canManage: false, canEnd: false, canReopen: true });
  });

  it.skipIf(skip())('refuses every write route of the ended network with «avsluttet», and still answers reads', async () => {
    const [item] = await q<{ id: string }>(`SELECT id FROM plan_item WHERE network_id = $1 LIMIT 1`, [networkId]);
    const [poll] = await q<{ id: string }>(`SELECT id FROM poll WHERE network_id = $1 LIMIT 1`, [networkId]);
    const [task] = await q<{ id: string }>(`SELECT id FROM reflection_task WHERE network_id = $1 LIMIT 1`, [networkId]);
    const [assignment] = await q<{ id: string }>(`SELECT id FROM mellomarbeid_assignment WHERE network_id = $1 LIMIT 1`, [networkId]);
    const kariId = await memberIdOf(kari.aadObjectId);
    const ids: Record<string, string | undefined> = {
      networkId,
      itemId: item?.id,
      pollId: poll?.id,
      taskId: task?.id,
      assignmentId: assignment?.id,
      memberId: kariId,
      municipalityNumber: '3201',
      number: '3201',
    };
    // Deltakere's own writes are tried as a deltaker; everything else as the facilitator.
    const asParticipant = [/\/answer$/, /\/mellomarbeid\/:assignmentId\/:municipalityNumber$/];
    // Allowed on purpose: retention (shortening it stays possible), reopening, and a second end (409).
    const exempt = ['/api/networks/:networkId/retention', '/api/networks/:networkId/reopen', '/api/networks/:networkId/archive'];
    const writes = t.app.apiRoutes.filter((r) => r.method !== 'get' && r.path.startsWith('/api/networks/:networkId/') && !exempt.includes(r.path));
    expect(writes.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const route of writes) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? randomUUID());
      const who = asParticipant.some((re) => re.test(route.path)) ? kari : ingrid;
      const method = { post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' }[route.method as 'post'];
      const res = await call(t, method, path, method === 'DELETE' ? undefined : {}, as(who));
      expect(res.status, `${route.method} ${route.path}: ${JSON.stringify(res.json)}`).toBe(403);
      expect(res.json.error.message, `${route.method} ${route.path}`).toMatch(/^Nettverket er avsluttet/);
      checked.push(`${route.method} ${route.path}`);
    }
    expect(checked).toContain('patch /api/networks/:networkId/members/:memberId');
    expect(checked).toContain('post /api/networks/:networkId/polls');

    // Reads stay.
    for (const path of ['plan', 'members', 'polls', 'reflections', 'mellomarbeid', 'municipalities', 'retention', 'reminders']) {
      const res = await t.get(`/api/networks/${networkId}/${path}`, as(ingrid));
      expect(res.status, path).toBe(200);
    }
    expect((await call(t, 'PUT', `/api/networks/${networkId}/retention`, { months: 24 }, as(ingrid))).status).toBe(200);
  });

  it.skipIf(skip())('refuses bot commands and card actions in the ended network, still shows the plan', async () => {
    const o = channel(`${DEMO_TEAM_ID};ended`, ingrid);
    await t.post('/api/messages', message('synk medlemmer', o, true));
    const [sync] = await t.connector.waitForActivities(1, o.conversationId);
    expect(JSON.stringify(cardOf(sync!))).toContain('Nettverket er avsluttet');
    await t.post('/api/messages', message('plan', o, true));
    const [, plan] = await t.connector.waitForActivities(2, o.conversationId);
    expect(cardOf(plan!).body[0].text).toMatch(/^Aktivitetsplan/);
    const action = await t.post('/api/messages', cardAction('refleksjon.skjema', { networkId }, o));
    expect(action.status).toBe(200);
    expect(JSON.stringify(action.json.value)).toContain('Nettverket er avsluttet');
  });

  it.skipIf(skip())('stops the reminders of an ended network, and reopening brings it back', async () => {
    // The engine treats its subjects as gone: pending reminders are cancelled at the next sync.
    const pending = async () =>
      (await q<{ n: number }>(`SELECT count(*)::int AS n FROM reminder WHERE network_id = $1 AND status = 'planlagt'`, [networkId]))[0]!.n;
    const { waitFor } = await import('./helpers/wait.js');
    await waitFor(async () => (await pending()) === 0, { what: 'no pending reminders', timeoutMs: 20_000, detail: async () => `${await pending()} pending` });

    expect((await t.post(`/api/networks/${networkId}/reopen`, {}, as(kari))).status).toBe(403);
    const reopened = await t.post(`/api/networks/${networkId}/reopen`, {}, as(per));
    expect(reopened.status).toBe(200);
    expect(reopened.json.network.endedAt).toBeNull();
    expect(await auditCount('nettverk.gjenapnet')).toBe(1);
    const res = await t.post(`/api/networks/${networkId}/municipalities`, { municipalityNumbers: ['4201'] }, as(ingrid));
    expect(res.status).toBe(201);
  });
});
