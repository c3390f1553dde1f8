import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { DEMO_TENANT_ID } from '../src/demo/demo.js';
import { as as devAs, kari } from './helpers/people.js';
import { as, cardOf, channel, count, createViaBot, texts, updatesOf, vote } from './helpers/polls.js';
import { waitFor } from './helpers/wait.js';

const VOTERS = 500;

/** Registers n deltakere straight in the database (setup, not under test), spread over the network's municipalities. */
async function addVoters(t: TestApp, networkId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await t.app.db.query(
    `WITH people AS (
       INSERT INTO member (tenant_id, aad_object_id, display_name, sector)
       SELECT $1, id, 'Deltaker ' || ord, (ARRAY['helse-og-omsorg','plan','kultur','teknisk'])[1 + ord % 4]
         FROM unnest($2::text[]) WITH ORDINALITY AS u(id, ord)
       RETURNING id, display_name
     ), places AS (
       SELECT municipality_number, row_number() OVER (ORDER BY municipality_number) - 1 AS i, count(*) OVER () AS n
         FROM network_municipality WHERE network_id = $3
     )
     INSERT INTO network_member (network_id, member_id, role, municipality_number)
     SELECT $3, p.id, 'deltaker', pl.municipality_number
       FROM people p JOIN places pl ON pl.i = (substring(p.display_name FROM 10)::int % pl.n)`,
    [DEMO_TENANT_ID, ids, networkId],
  );
  return ids;
}

describe.each(databaseKinds)('poll concurrency on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { POLL_CARD_UPDATE_MS: '150' });
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))(`counts ${VOTERS} voters answering at once exactly, with a handful of card updates`, async () => {
    const voters = await addVoters(t, networkId, VOTERS);
    const o = channel(t, 'burst');
    const poll = await createViaBot(t, o, { question: 'Alle på en gang?', kind: 'enkeltvalg', options: 'A\nB\nC' });
    const expected = [0, 0, 0];
    const responses = await Promise.all(
      voters.map((aad, i) => {
        expected[i % 3]!++;
        return t.post('/api/messages', cardAction('maling.svar', { ...poll.vote, svar: String(i % 3) }, as(o, { aadObjectId: aad })));
      }),
    );
    expect(responses.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(responses.filter((r) => JSON.stringify(r.json.value).includes('Takk! Svaret ditt er lagret.'))).toHaveLength(VOTERS);

    const { rows } = await t.app.db.query<{ choice: number; n: number }>(
      `SELECT choices[1] AS choice, count(*)::int AS n FROM poll_vote WHERE poll_id = $1 GROUP BY 1 ORDER BY 1`,
      [poll.pollId],
    );
    expect(rows.map((r) => r.n)).toEqual(expected);
    const api = await t.get(`/api/networks/${networkId}/polls/${poll.pollId}`, devAs(kari));
    expect(api.json.results.respondents).toBe(VOTERS);
    expect(api.json.results.overall.options.map((x: { count: number }) => x.count)).toEqual(expected);

    // Coalesced: the shared card ends on the exact count after a few updates, not 500.
    await waitFor(() => updatesOf(t, poll.activityId).some((u) => texts(cardOf(u)).includes(`Åpen · ${VOTERS} svar`)), {
      what: `the shared card updated to «Åpen · ${VOTERS} svar»`,
      timeoutMs: 20_000,
    });
    await t.app.polls.coalescer.idle();
    const updates = updatesOf(t, poll.activityId).length;
    expect(updates).toBeGreaterThanOrEqual(1);
    expect(updates).toBeLessThanOrEqual(25);
    expect(texts(cardOf(updatesOf(t, poll.activityId).at(-1)!))).toContain(`Åpen · ${VOTERS} svar`);
  });

  it.skipIf(skipKind(kind))('keeps one row when one person changes their answer many times at once, or double-clicks', async () => {
    const [person] = await addVoters(t, networkId, 1);
    const o = as(channel(t, 'race'), { aadObjectId: person! });
    const poll = await createViaBot(t, channel(t, 'race-poll'), { question: 'Bestemmer meg?', kind: 'flervalg', options: 'A\nB\nC\nD', maxChoices: '2' });
    const answers = ['0', '1', '2', '3', '0,1', '2,3', '1,3', '0,2'];
    const changes = await Promise.all(answers.map((svar) => vote(t, poll, svar, o)));
    expect(changes.every((r) => r.status === 200 && /Svaret ditt (er lagret|er endret|var allerede)/.test(r.text))).toBe(true);
    const rows = await t.app.db.query<{ choices: number[] }>(`SELECT choices FROM poll_vote WHERE poll_id = $1`, [poll.pollId]);
    expect(rows.rows).toHaveLength(1);
    expect(answers.map((a) => a.split(',').map(Number))).toContainEqual(rows.rows[0]!.choices);

    const clicks = await Promise.all(Array.from({ length: 10 }, () => vote(t, poll, '3', o)));
    expect(clicks.every((r) => r.status === 200)).toBe(true);
    expect(await count(t, 'poll_vote WHERE poll_id = $1', [poll.pollId])).toBe(1);
    expect((await t.app.db.query<{ choices: number[] }>(`SELECT choices FROM poll_vote WHERE poll_id = $1`, [poll.pollId])).rows[0]!.choices).toEqual([3]);
  });
});
