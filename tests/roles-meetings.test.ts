/**
 * The role matrix of the meeting's routes (issue 14): the side panel answers everyone, and shows
 * a samling only to those who may see its network; «Åpne nå» is the facilitators' alone, as
 * closing and reopening a poll are. A refusal changes nothing and names nothing of the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMeetingThread } from '../src/demo/demo.js';
import { otherDemoPeople } from '../src/demo/more-networks.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';

type Person = { aadObjectId: string };
const torbjorn = otherDemoPeople.find((p) => p.displayName === 'Torbjørn Vik')!;
const roles: [string, Person][] = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['koordinator i Vestland', torbjorn],
  ['ikke medlem', stranger],
];
const panelPath = `/api/meetings/panel?chat=${encodeURIComponent(demoMeetingThread('samling-1'))}`;

describe.each(databaseKinds)('meeting routes role matrix on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  let samling1 = '';

  /** A poll of Samling 1 planned for tomorrow (setup, as the facilitator). */
  async function plannedPoll(question: string): Promise<string> {
    const opensAt = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const created = await t.post(`/api/networks/${networkId}/polls`, { question, kind: 'enkeltvalg', options: ['Ja', 'Nei'], planItemId: samling1, opensAt }, as(ingrid));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.poll.status).toBe('planlagt');
    return created.json.poll.id;
  }
  const statusOf = async (pollId: string) => (await t.app.db.query<{ open: boolean }>(`SELECT opens_at <= now() AS open FROM poll WHERE id = $1`, [pollId])).rows[0]!.open;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
    samling1 = (await t.app.db.query<{ id: string }>(`SELECT id FROM plan_item WHERE network_id = $1 AND seed_key = 'samling-1'`, [networkId])).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  const panelExpect: { found: boolean; role?: string; canManage?: boolean }[] = [
    { found: true, role: 'fasilitator', canManage: true },
    { found: true, role: 'koordinator', canManage: false },
    { found: true, role: 'deltaker', canManage: false },
    { found: false },
    { found: false },
  ];
  const openExpect = [200, 403, 403, 403, 403];

  roles.forEach(([role, who], i) => {
    const panel = panelExpect[i]!;
    it.skipIf(skipKind(kind))(`GET /api/meetings/panel as ${role} → 200, ${panel.found ? `the samling (${panel.canManage ? 'may' : 'may not'} manage)` : 'not found'}`, async () => {
      const res = await t.get(panelPath, as(who));
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      if (!panel.found) {
        expect(res.json).toEqual({ found: false });
        return;
      }
      expect(res.json).toMatchObject({ found: true, networkId, role: panel.role, canManage: panel.canManage, item: { id: samling1 } });
    });

    const expected = openExpect[i]!;
    it.skipIf(skipKind(kind))(`POST poll open as ${role} → ${expected}`, async () => {
      const pollId = await plannedPoll(`Rollematrise åpne ${role}?`);
      const res = await t.post(`/api/networks/${networkId}/polls/${pollId}/open`, {}, as(who));
      expect(res.status, JSON.stringify(res.json)).toBe(expected);
      if (expected === 200) {
        expect(res.json).toMatchObject({ poll: { id: pollId, status: 'apen' }, notification: 'ingen-mote', message: 'Målingen er åpnet.' });
        expect(await statusOf(pollId)).toBe(true);
        return;
      }
      expect(res.json.error.code).toBe('ingen-tilgang');
      expect(res.json.error.message).toMatch(/medlem|Bare|bare|Koordinator|koordinator|fasilitator/);
      expect(JSON.stringify(res.json)).not.toMatch(/Viken|Vestland|Bærum|Rollematrise/);
      // Nothing opened.
      expect(await statusOf(pollId)).toBe(false);
    });
  });

  it.skipIf(skipKind(kind))('an unknown poll is 404, a malformed id 400, the poll under a network she is not in 403', async () => {
    const open = (path: string) => t.post(path, {}, as(ingrid));
    expect((await open(`/api/networks/${networkId}/polls/00000000-0000-4000-8000-00000000beef/open`)).status).toBe(404);
    const malformed = await open(`/api/networks/${networkId}/polls/ikke-en-id/open`);
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('ugyldig-forespørsel');
    const other = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'viken-bo-trygt-hjemme'`)).rows[0]!.id;
    const pollId = await plannedPoll('Rollematrise annet nettverk?');
    // Ingrid is no member of Bo trygt hjemme: refused there before the poll is looked up.
    expect((await open(`/api/networks/${other}/polls/${pollId}/open`)).status).toBe(403);
    expect(await statusOf(pollId)).toBe(false);
  });
});
