import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, cardAction, cardSubmit } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { ingrid, kari } from './helpers/people.js';

type Sent = Record<string, any>;
const cardOf = (a: Sent) => a.attachments?.[0]?.content;
const newPerson = () => ({ fromAadObjectId: crypto.randomUUID(), fromName: 'Nina Nykommer' });

describe.each(databaseKinds)('bot identity on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('asks a newcomer for municipality and sector before anything else, then lets them in', async () => {
    const person = newPerson();
    const o = { serviceUrl: t.connector.url, conversationId: `a:new-${kind}`, ...person };
    await t.post('/api/messages', message('plan', o));
    const [onboarding] = await t.connector.waitForActivities(1, o.conversationId);
    const card = cardOf(onboarding!);
    expect(card.body[0].text).toMatch(/^Velkommen til USHT Viken/);
    const municipalities = card.body.find((e: Sent) => e.id === 'municipalityNumber').choices.map((c: Sent) => c.title);
    expect(municipalities).toEqual(['Asker', 'Bærum', 'Drammen', 'Lillestrøm', 'Moss', 'Ringerike']);
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'registrer', fallback: { type: 'Action.Submit' } });

    const res = await t.post('/api/messages', cardAction('registrer', { networkId, municipalityNumber: '3205', sector: 'teknisk' }, o));
    expect(res.status).toBe(200);
    expect(res.json.statusCode).toBe(200);
    expect(res.json.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.json.value)).toContain('Du deltar i **USHT Viken');
    expect(JSON.stringify(res.json.value)).toContain('Lillestrøm');
    const { rows } = await t.app.db.query<Sent>(
      `SELECT m.display_name, m.sector, nm.role, nm.municipality_number FROM member m JOIN network_member nm ON nm.member_id = m.id
        WHERE m.aad_object_id = $1`,
      [person.fromAadObjectId],
    );
    expect(rows).toEqual([{ display_name: 'Nina Nykommer', sector: 'teknisk', role: 'deltaker', municipality_number: '3205' }]);

    await t.post('/api/messages', message('plan', o));
    const sent = await t.connector.waitForActivities(2, o.conversationId);
    expect(cardOf(sent[1]!).body[0].text).toMatch(/^Aktivitetsplan – /);
  });

  it.skipIf(skipKind(kind))('registers through the Action.Submit fallback too', async () => {
    const o = { serviceUrl: t.connector.url, conversationId: `a:submit-${kind}`, ...newPerson() };
    await t.post('/api/messages', cardSubmit({ verb: 'registrer', networkId, municipalityNumber: '3103', sector: 'eldrerad' }, o));
    const [reply] = await t.connector.waitForActivities(1, o.conversationId);
    expect(cardOf(reply!).body[0].text).toBe('Du er registrert');
    expect(await count('member m JOIN network_member nm ON nm.member_id = m.id WHERE m.aad_object_id = $1', [o.fromAadObjectId])).toBe(1);
  });

  const badPayloads: [string, Record<string, unknown>, RegExp][] = [
    ['another network', { networkId: '00000000-0000-4000-8000-00000000beef', municipalityNumber: '3201', sector: 'plan' }, /annet læringsnettverk/],
    ['a municipality outside the network', { municipalityNumber: '0301', sector: 'plan' }, /ikke med i dette nettverket/],
    ['an unknown sector', { municipalityNumber: '3201', sector: 'marketing' }, /Sektor: velg en sektor/],
    ['no municipality', { sector: 'plan' }, /Kommune: velg en kommune/],
    ['garbage', { networkId: 42, municipalityNumber: ['x'], sector: null }, /Sjekk skjemaet/],
  ];
  for (const [name, payload, reason] of badPayloads) {
    it.skipIf(skipKind(kind))(`refuses registration with ${name}, in Norwegian, writing nothing`, async () => {
      const before = await count('network_member');
      const o = { serviceUrl: t.connector.url, ...newPerson() };
      const res = await t.post('/api/messages', cardAction('registrer', { networkId, ...payload }, o));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json.value)).toMatch(reason);
      expect(await count('network_member')).toBe(before);
      expect(await count('member WHERE aad_object_id = $1', [o.fromAadObjectId])).toBe(0);
    });
  }

  it.skipIf(skipKind(kind))('answers an unknown card verb with a Norwegian message', async () => {
    const res = await t.post('/api/messages', cardAction('slett-alt', {}, { serviceUrl: t.connector.url, fromAadObjectId: kari.aadObjectId }));
    expect(JSON.stringify(res.json.value)).toContain('Ukjent handling');
  });

  it.skipIf(skipKind(kind))('lets only a fasilitator bind a team, and then resolves the network by team', async () => {
    const teamId = `19:team-${kind}@thread.tacv2`;
    const channel = { serviceUrl: t.connector.url, conversationType: 'channel' as const, teamId };
    await t.post('/api/messages', message('koble', { ...channel, conversationId: `${teamId};deltaker`, fromAadObjectId: kari.aadObjectId }, true));
    const [refused] = await t.connector.waitForActivities(1, `${teamId};deltaker`);
    expect(JSON.stringify(cardOf(refused!))).toContain('Bare fasilitatorer');
    expect(await count('network WHERE teams_team_id = $1', [teamId])).toBe(0);

    await t.post('/api/messages', message('koble', { ...channel, conversationId: `${teamId};fasilitator`, fromAadObjectId: ingrid.aadObjectId }, true));
    const [bound] = await t.connector.waitForActivities(1, `${teamId};fasilitator`);
    expect(cardOf(bound!).body[0].text).toBe('Teamet er koblet');
    expect(await count('network WHERE teams_team_id = $1', [teamId])).toBe(1);
  });

  it.skipIf(skipKind(kind))('syncs the team roster through the paged members call only', async () => {
    const teamId = `19:roster-${kind}@thread.tacv2`;
    await t.app.db.query(`UPDATE network SET teams_team_id = $1 WHERE id = $2`, [teamId, networkId]);
    const people = Array.from({ length: 5 }, (_, i) => ({
      id: `29:p${i}`,
      name: `Person ${i}`,
      aadObjectId: i === 0 ? ingrid.aadObjectId : crypto.randomUUID(),
    }));
    t.connector.setRoster(teamId, people, 2);
    const o = { serviceUrl: t.connector.url, conversationType: 'channel' as const, teamId, conversationId: teamId, fromAadObjectId: ingrid.aadObjectId };
    await t.post('/api/messages', message('synk medlemmer', o, true));
    const [reply] = await t.connector.waitForActivities(1, teamId);
    expect(JSON.stringify(cardOf(reply!))).toContain('Fant 5 personer i teamet, 4 nye');
    const rosterCalls = t.connector.calls.filter((c) => c.path.includes(encodeURIComponent(teamId)) && c.method === 'GET');
    expect(rosterCalls.map((c) => new URL(c.path, 'http://x').pathname.endsWith('/pagedmembers'))).toEqual([true, true, true]);
    expect(await count('member WHERE aad_object_id = ANY($1::text[])', [people.map((p) => p.aadObjectId)])).toBe(5);
  });
});
