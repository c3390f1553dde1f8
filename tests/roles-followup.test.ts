/**
 * The role matrix of «Hvem har ikke svart» (issue 13): only the network's facilitators see who
 * has not answered and send the reminder; deltakere and the region's coordinators do not; a
 * coordinator of another region, a facilitator of another network and a stranger see nothing.
 * An anonymous poll is refused to everyone, facilitators included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherDemoPeople } from '../src/demo/more-networks.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';
import { demoNetworkId } from './helpers/recipients.js';

type Person = { aadObjectId: string };
const torbjorn = otherDemoPeople.find((p) => p.displayName === 'Torbjørn Vik')!;
const marte = otherDemoPeople.find((p) => p.displayName === 'Marte Lie')!;
const roles: [string, Person][] = [
  ['fasilitator', ingrid],
  ['koordinator', per],
  ['deltaker', kari],
  ['koordinator i Vestland', torbjorn],
  ['fasilitator i et annet nettverk', marte],
  ['ikke medlem', stranger],
];

interface Ctx {
  networkId: string;
  taskId: string;
  pollId: string;
  anonymousPollId: string;
  anonymousTaskId: string;
}

const task = (c: Ctx) => `/api/networks/${c.networkId}/reflections/${c.taskId}/followup`;
const poll = (c: Ctx) => `/api/networks/${c.networkId}/polls/${c.pollId}/followup`;
const anonymousPoll = (c: Ctx) => `/api/networks/${c.networkId}/polls/${c.anonymousPollId}/followup`;
const anonymousTask = (c: Ctx) => `/api/networks/${c.networkId}/reflections/${c.anonymousTaskId}/followup`;

const cases: { name: string; method: 'GET' | 'POST'; expect: number[]; path(c: Ctx): string }[] = [
  { name: 'GET who has not answered a task', method: 'GET', expect: [200, 403, 403, 403, 403, 403], path: task },
  { name: 'POST remind them (task)', method: 'POST', expect: [200, 403, 403, 403, 403, 403], path: (c) => `${task(c)}/remind` },
  { name: 'GET who has not answered a named poll', method: 'GET', expect: [200, 403, 403, 403, 403, 403], path: poll },
  { name: 'POST remind them (poll)', method: 'POST', expect: [200, 403, 403, 403, 403, 403], path: (c) => `${poll(c)}/remind` },
  { name: 'GET an anonymous poll', method: 'GET', expect: [403, 403, 403, 403, 403, 403], path: anonymousPoll },
  { name: 'POST an anonymous poll', method: 'POST', expect: [403, 403, 403, 403, 403, 403], path: (c) => `${anonymousPoll(c)}/remind` },
  { name: 'GET an anonymous task', method: 'GET', expect: [403, 403, 403, 403, 403, 403], path: anonymousTask },
  { name: 'GET an unknown poll', method: 'GET', expect: [404, 403, 403, 403, 403, 403], path: (c) => `/api/networks/${c.networkId}/polls/00000000-0000-4000-8000-00000000beef/followup` },
];

describe.each(databaseKinds)('follow-up role matrix on %s', (kind) => {
  let t: TestApp;
  const ctx: Ctx = { networkId: '', taskId: '', pollId: '', anonymousPollId: '', anonymousTaskId: '' };
  const request = (method: string, path: string, who: Person) =>
    fetch(t.url + path, { method, headers: { 'content-type': 'application/json', ...as(who) }, body: method === 'POST' ? '{}' : undefined }).then(async (r) => ({
      status: r.status,
      text: await r.text(),
    }));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    ctx.networkId = await demoNetworkId(t.app.db);
    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const reflections = `/api/networks/${ctx.networkId}/reflections`;
    ctx.taskId = (await t.post(reflections, { title: 'Matrise', prompts: ['Hva?'], dueAt }, as(ingrid))).json.task.id;
    ctx.anonymousTaskId = (await t.post(reflections, { title: 'Anonym matrise', prompts: ['Hva?'], visibility: 'anonym', dueAt }, as(ingrid))).json.task.id;
    const polls = `/api/networks/${ctx.networkId}/polls`;
    ctx.pollId = (await t.post(polls, { question: 'Matrise?', kind: 'enkeltvalg', options: ['Ja', 'Nei'], closesAt: dueAt }, as(ingrid))).json.poll.id;
    ctx.anonymousPollId = (await t.post(polls, { question: 'Anonym?', kind: 'enkeltvalg', options: ['Ja', 'Nei'], anonymous: true, closesAt: dueAt }, as(ingrid))).json.poll.id;
  });
  afterAll(async () => t?.close());

  for (const c of cases) {
    roles.forEach(([role, who], i) => {
      const expected = c.expect[i]!;
      it.skipIf(skipKind(kind))(`${c.name} as ${role} → ${expected}`, async () => {
        const res = await request(c.method, c.path(ctx), who);
        expect(res.status, res.text).toBe(expected);
        if (expected === 403) {
          const body = JSON.parse(res.text);
          expect(body.error.code).toBe('ingen-tilgang');
          // A refusal names nobody who has or has not answered, and no municipality.
          expect(res.text).not.toMatch(/Kari|Ola|Aisha|Nils|Bærum|Asker|Moss/);
        }
      });
    });
  }

  it.skipIf(skipKind(kind))('each refusal says why, in words', async () => {
    const deltaker = JSON.parse((await request('GET', task(ctx), kari)).text);
    expect(deltaker.error.message).toBe('Bare fasilitatorer i nettverket kan se hvem som ikke har svart.');
    const coordinator = JSON.parse((await request('GET', poll(ctx), per)).text);
    expect(coordinator.error.message).toBe('Bare fasilitatorer i nettverket kan se hvem som ikke har svart.');
    // A deltaker asking about an anonymous poll is told the role rule, not whether it is anonymous.
    expect(JSON.parse((await request('GET', anonymousPoll(ctx), kari)).text).error.message).toBe('Bare fasilitatorer i nettverket kan se hvem som ikke har svart.');
    expect(JSON.parse((await request('GET', anonymousPoll(ctx), ingrid)).text).error.message).toMatch(/^Svarene er anonyme/);
  });

  it.skipIf(skipKind(kind))('once the programme has ended, the facilitators still read the list but send nothing', async () => {
    await t.app.db.query(`UPDATE network SET ended_at = now() WHERE id = $1`, [ctx.networkId]);
    try {
      expect((await request('GET', task(ctx), ingrid)).status).toBe(200);
      const sent = await request('POST', `${poll(ctx)}/remind`, ingrid);
      expect(sent.status).toBe(403);
      expect(JSON.parse(sent.text).error.message).toMatch(/avsluttet/);
    } finally {
      await t.app.db.query(`UPDATE network SET ended_at = NULL WHERE id = $1`, [ctx.networkId]);
    }
  });
});
