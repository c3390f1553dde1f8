/**
 * First run in a real tenant (issue 12): an empty database, the app added to a team, the set-up
 * card to whoever added it, a network made from it, and `plan` answering there. Over
 * /api/messages on both databases, with a fake Microsoft Graph at the process edge for groups.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAdded, cardAction, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { databaseKinds, skipKind } from './helpers/databases.js';

type Sent = Record<string, any>;
const cardOf = (activity: Sent) => activity.attachments?.[0]?.content;
const textOf = (card: unknown) => JSON.stringify(card);

const AGDER_FIVE = ['4201', '4202', '4203', '4204', '4205'];
const installer = { fromAadObjectId: '11111111-1111-4111-8111-111111111111', fromName: 'Hanne Fasilitator' };

const teamOf = (name: string) => {
  const teamId = `19:${name}-${randomUUID()}@thread.tacv2`;
  return { teamId, conversationId: `${teamId};messageid=1`, conversationType: 'channel' as const };
};

async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0]!.n;
}

const agderForm = (over: Record<string, unknown> = {}) => ({
  name: 'Agder læringsnettverk',
  region: 'agder',
  reform: 'bo-trygt-hjemme',
  bodies: 'USHT,SF',
  municipalities: AGDER_FIVE.join(','),
  ...over,
});

describe.each(databaseKinds)('setting up a network from an empty database on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skipKind(kind)) t = await startTestApp(kind, { SEED_DEMO: 'false' });
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('install → set-up card → fasilitator and bound team → plan of the new network', async () => {
    expect(await count(t, 'network')).toBe(0);
    const team = teamOf('agder');
    const o = { serviceUrl: t.connector.url, ...team, ...installer };
    expect((await t.post('/api/messages', botAdded(o))).status).toBe(200);
    const [sent] = await t.connector.waitForActivities(1, team.conversationId);
    const card = cardOf(sent!);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body[0].text).toBe('Sett opp læringsnettverket');
    const inputs = Object.fromEntries(card.body.filter((e: Sent) => e.id).map((e: Sent) => [e.id, e]));
    expect(Object.keys(inputs)).toEqual(['name', 'region', 'reform', 'bodies', 'counties', 'municipalities']);
    expect(inputs.municipalities.choices).toHaveLength(357);
    expect(inputs.municipalities.isMultiSelect).toBe(true);
    expect(inputs.counties.choices).toHaveLength(15);
    expect(inputs.region.choices.map((c: Sent) => c.value)).toContain('agder');
    expect(inputs.reform.choices.map((c: Sent) => c.title)).toEqual(['Bo trygt hjemme', 'Leve hele livet']);
    // Names that occur twice say which county they are in.
    expect(inputs.municipalities.choices.filter((c: Sent) => c.title.startsWith('Herøy')).map((c: Sent) => c.title).sort()).toEqual([
      'Herøy (Møre og Romsdal)',
      'Herøy (Nordland)',
    ]);
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'nettverk.opprett', fallback: { type: 'Action.Submit' } });
    expect(card.speak).toBeTruthy();

    const res = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm(), o));
    expect(res.json.statusCode).toBe(200);
    const confirmed = res.json.value;
    expect(adaptiveCardProblems(confirmed)).toEqual([]);
    expect(confirmed.body[0].text).toBe('Nettverket «Agder læringsnettverk» er opprettet');
    expect(textOf(confirmed)).toContain('Agder · Bo trygt hjemme · 5 kommuner');
    expect(textOf(confirmed)).toContain('«plan»');

    const { rows } = await t.app.db.query<Sent>(
      `SELECT n.id, n.slug, n.teams_team_id, n.reform_code, r.slug AS region FROM network n JOIN region r ON r.id = n.region_id`,
    );
    expect(rows).toEqual([expect.objectContaining({ slug: 'agder-laeringsnettverk', teams_team_id: team.teamId, reform_code: 'bo-trygt-hjemme', region: 'agder' })]);
    const networkId = rows[0]!.id;
    const members = await t.app.db.query<Sent>(
      `SELECT m.display_name, nm.role FROM network_member nm JOIN member m ON m.id = nm.member_id WHERE nm.network_id = $1`,
      [networkId],
    );
    expect(members.rows).toEqual([{ display_name: 'Hanne Fasilitator', role: 'fasilitator' }]);
    const municipalities = await t.app.db.query<{ n: string }>(
      `SELECT municipality_number AS n FROM network_municipality WHERE network_id = $1 ORDER BY 1`,
      [networkId],
    );
    expect(municipalities.rows.map((r) => r.n)).toEqual(AGDER_FIVE);
    const bodies = await t.app.db.query<{ b: string }>(`SELECT body_code AS b FROM network_body WHERE network_id = $1 ORDER BY 1`, [networkId]);
    expect(bodies.rows.map((r) => r.b)).toEqual(['SF', 'USHT']);
    const audit = await t.app.db.query<Sent>(`SELECT action, target, actor_name FROM audit_log WHERE network_id = $1`, [networkId]);
    expect(audit.rows).toEqual([{ action: 'nettverk.opprettet', target: 'Agder læringsnettverk', actor_name: 'Hanne Fasilitator' }]);

    await t.post('/api/messages', message('plan', o, true));
    const [, plan] = await t.connector.waitForActivities(2, team.conversationId);
    expect(cardOf(plan!).body[0].text).toMatch(/^Aktivitetsplan – Agder læringsnettverk/);

    // Installed again in the same team: it has a network now, so the welcome instead of the form.
    await t.post('/api/messages', botAdded(o));
    const [, , again] = await t.connector.waitForActivities(3, team.conversationId);
    expect(cardOf(again!).body[0].text).toBe('Velkommen til Samlingspunkt');
  });

  it.skipIf(skipKind(kind))('a whole county at once: Agder\'s 25 municipalities plus one from elsewhere', async () => {
    const team = teamOf('fylke');
    const o = { serviceUrl: t.connector.url, ...team, ...installer };
    await t.post('/api/messages', botAdded(o));
    await t.connector.waitForActivities(1, team.conversationId);
    const res = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm({ name: 'Hele Agder', municipalities: '0301', counties: '42' }), o));
    expect(textOf(res.json.value)).toContain('26 kommuner');
  });

  it.skipIf(skipKind(kind))('refuses bad input with the same card and the field named, and writes nothing', async () => {
    const team = teamOf('feil');
    const o = { serviceUrl: t.connector.url, ...team, ...installer };
    await t.post('/api/messages', botAdded(o));
    await t.connector.waitForActivities(1, team.conversationId);
    const before = await Promise.all(['network', 'network_member', 'network_municipality', 'audit_log', 'member'].map((table) => count(t, table)));
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '   ' }, 'Navn på nettverket: skriv et navn.'],
      [{ municipalities: '4201,9999' }, 'Kommuner: «9999» er ikke et kommunenummer.'],
      [{ municipalities: '' }, 'Kommuner: velg minst én kommune (eller et helt fylke).'],
      [{ municipalities: '', counties: '99' }, 'Hele fylker: «99» er ikke et fylkesnummer.'],
      [{ name: 'agder  LÆRINGSNETTVERK' }, 'Navn på nettverket: det finnes allerede et nettverk som heter «agder  LÆRINGSNETTVERK» i Agder.'],
      [{ bodies: '' }, 'Arrangører: velg minst én arrangør.'],
      [{ region: 'atlantis' }, 'Region: velg en region fra listen.'],
      [{ reform: 'ukjent-reform' }, 'Reform: velg en reform fra listen.'],
    ];
    for (const [over, expected] of cases) {
      const res = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm(over), o));
      const card = res.json.value;
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(card.body[0].text).toBe('Sett opp læringsnettverket');
      expect(card.body[1].text, JSON.stringify(over)).toContain(expected);
      expect(card.body[1].color).toBe('Attention');
      // What they typed is still there.
      expect(card.body.find((e: Sent) => e.id === 'region').value).toBe(over.region ?? 'agder');
    }
    const after = await Promise.all(['network', 'network_member', 'network_municipality', 'audit_log', 'member'].map((table) => count(t, table)));
    expect(after).toEqual(before);
  });

  it.skipIf(skipKind(kind))('plan with no network explains how to set one up; the button only where a form can bind a team', async () => {
    const personal = { serviceUrl: t.connector.url, conversationId: `a:ingen-${kind}`, ...installer, fromAadObjectId: randomUUID() };
    await t.post('/api/messages', message('plan', personal));
    const [reply] = await t.connector.waitForActivities(1, personal.conversationId);
    const card = cardOf(reply!);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body[0].text).toBe('Ikke koblet til et læringsnettverk');
    expect(textOf(card)).toContain('Legg Samlingspunkt til i teamet');
    expect(card.actions).toBeUndefined();

    const team = teamOf('tom');
    const inTeam = { serviceUrl: t.connector.url, ...team, ...installer, fromAadObjectId: randomUUID() };
    await t.post('/api/messages', message('plan', inTeam, true));
    const [teamReply] = await t.connector.waitForActivities(1, team.conversationId);
    const button = cardOf(teamReply!).actions[0];
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'nettverk.oppsett' });
    const form = await t.post('/api/messages', cardAction('nettverk.oppsett', {}, inTeam));
    expect(form.json.value.body[0].text).toBe('Sett opp læringsnettverket');
  });

  it.skipIf(skipKind(kind))('a team that already has a network is never taken over by a second set-up', async () => {
    const team = teamOf('dobbel');
    const o = { serviceUrl: t.connector.url, ...team, ...installer };
    await t.post('/api/messages', botAdded(o));
    await t.connector.waitForActivities(1, team.conversationId);
    await t.post('/api/messages', cardAction('nettverk.opprett', agderForm({ name: 'Første' }), o));
    const second = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm({ name: 'Andre' }), o));
    expect(second.json.value.body[1].text).toContain('Team: dette teamet hører allerede til nettverket «Første».');
    expect(await count(t, `network WHERE name = 'Andre'`)).toBe(0);
  });
});

/** A fake Entra token endpoint and Graph checkMemberGroups, at the process edge. */
async function fakeGraph(members: Record<string, string[]>) {
  const calls: { path: string; body: string; auth?: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', body, auth: req.headers.authorization });
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.endsWith('/oauth2/v2.0/token')) {
        res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'fake-app-token' }));
        return;
      }
      const m = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/.exec(req.url ?? '');
      if (!m || req.headers.authorization !== 'Bearer fake-app-token') {
        res.statusCode = 401;
        res.end('{}');
        return;
      }
      const asked = (JSON.parse(body) as { groupIds: string[] }).groupIds;
      res.end(JSON.stringify({ value: (members[decodeURIComponent(m[1]!)] ?? []).filter((g) => asked.includes(g)) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const GROUP = 'aaaaaaaa-0000-4000-8000-00000000c0de';
const allowedUser = '22222222-2222-4222-8222-222222222222';
const groupMember = '33333333-3333-4333-8333-333333333333';
const outsider = '44444444-4444-4444-8444-444444444444';

describe.each(databaseKinds)('NETWORK_CREATORS on %s', (kind) => {
  let t: TestApp;
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    graph = await fakeGraph({ [groupMember]: [GROUP] });
    t = await startTestApp(kind, {
      SEED_DEMO: 'false',
      NETWORK_CREATORS: `user:${allowedUser}, group:${GROUP}`,
      NETWORK_CREATORS_CONTACT: 'Statsforvalterens e-postmottak (sfag@statsforvalteren.no)',
      GRAPH_BASE_URL: graph.url,
      GRAPH_AUTHORITY_URL: graph.url,
      GRAPH_CLIENT_ID: 'bbbbbbbb-0000-4000-8000-000000000001',
      GRAPH_CLIENT_SECRET: 'test-secret',
    });
  });
  afterAll(async () => {
    await t?.close();
    await graph?.close();
  });

  it.skipIf(skipKind(kind))('refuses someone not listed, on install and on submit, and says whom to ask; nothing is written', async () => {
    const team = teamOf('nei');
    const o = { serviceUrl: t.connector.url, ...team, fromAadObjectId: outsider, fromName: 'Uten Tilgang' };
    await t.post('/api/messages', botAdded(o));
    const [sent] = await t.connector.waitForActivities(1, team.conversationId);
    const card = cardOf(sent!);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body[0].text).toBe('Du kan ikke sette opp et nettverk');
    expect(textOf(card)).toContain('Spør Statsforvalterens e-postmottak (sfag@statsforvalteren.no).');
    expect(card.body.some((e: Sent) => e.id === 'name')).toBe(false);

    const res = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm(), o));
    expect(res.json.value.body[0].text).toBe('Du kan ikke sette opp et nettverk');
    expect(await count(t, 'network')).toBe(0);
    expect(await count(t, 'member')).toBe(0);
    expect(await count(t, 'audit_log')).toBe(0);
    // Graph was asked about the outsider, with the app-only token from the person's tenant.
    const token = graph.calls.find((c) => c.path.endsWith('/oauth2/v2.0/token'))!;
    expect(token.path).toBe('/00000000-0000-4000-8000-0000000000aa/oauth2/v2.0/token');
    expect(new URLSearchParams(token.body).get('grant_type')).toBe('client_credentials');
    expect(graph.calls.some((c) => c.path === `/v1.0/users/${outsider}/checkMemberGroups` && JSON.parse(c.body).groupIds[0] === GROUP)).toBe(true);
  });

  it.skipIf(skipKind(kind))('lets a listed user set up a network without asking Graph', async () => {
    const before = graph.calls.length;
    const team = teamOf('bruker');
    const o = { serviceUrl: t.connector.url, ...team, fromAadObjectId: allowedUser, fromName: 'Listet Bruker' };
    await t.post('/api/messages', botAdded(o));
    const [sent] = await t.connector.waitForActivities(1, team.conversationId);
    expect(cardOf(sent!).body[0].text).toBe('Sett opp læringsnettverket');
    const res = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm({ name: 'Listet nettverk' }), o));
    expect(res.json.value.body[0].text).toBe('Nettverket «Listet nettverk» er opprettet');
    expect(graph.calls.length).toBe(before);
  });

  it.skipIf(skipKind(kind))('lets a member of a listed group set up a network (checked in Graph)', async () => {
    const team = teamOf('gruppe');
    const o = { serviceUrl: t.connector.url, ...team, fromAadObjectId: groupMember, fromName: 'Gruppe Medlem' };
    await t.post('/api/messages', botAdded(o));
    const [sent] = await t.connector.waitForActivities(1, team.conversationId);
    expect(cardOf(sent!).body[0].text).toBe('Sett opp læringsnettverket');
    const res = await t.post('/api/messages', cardAction('nettverk.opprett', agderForm({ name: 'Gruppenettverk' }), o));
    expect(res.json.value.body[0].text).toBe('Nettverket «Gruppenettverk» er opprettet');
    // One token for the tenant, reused.
    expect(graph.calls.filter((c) => c.path.endsWith('/token'))).toHaveLength(1);
  });
});
