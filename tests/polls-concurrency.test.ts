import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyVotes, upsertVotes, type Tally } from '../src/polls/sql/votes.js';
import { turnReadStats } from '../src/app/sql/turn-context.js';
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
    const votesBefore = t.app.polls.votes.stats.batches;
    const readsBefore = turnReadStats(t.app.db)?.batches ?? 0;
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
    // Group commit through the real entry point: the voters' rows and their own reads went to the
    // database in batches (issue 15), on PGlite by waiting turns, on a server by pacing.
    expect(t.app.polls.votes.stats.batches - votesBefore).toBeLessThanOrEqual(VOTERS / 2);
    expect((turnReadStats(t.app.db)?.batches ?? 0) - readsBefore).toBeLessThanOrEqual(VOTERS / 2);
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

  it.skipIf(skipKind(kind))('writes the rest of a batch when one of its votes fails', async () => {
    const voters = await addVoters(t, networkId, 5);
    const poll = await createViaBot(t, channel(t, 'batch-poll'), { question: 'Én feil, resten lagres?', kind: 'enkeltvalg', options: 'A\nB' });
    const found = (await t.app.polls.poll(poll.pollId))!;
    const members = (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = ANY($1::text[])`, [voters])).rows;
    const voter = (memberId: string, aadObjectId: string) => ({ memberId, tenantId: DEMO_TENANT_ID, aadObjectId, municipalityNumber: null, isFacilitator: false });
    // A member id that no longer exists (deleted a moment ago) breaks its row's foreign key.
    const ghost = randomUUID();
    const before = { ...t.app.polls.votes.stats };
    const results = await Promise.allSettled([
      ...members.map((m, i) => t.app.polls.vote(found, voter(m.id, voters[i]!), { kind: 'valg', choices: [0] })),
      t.app.polls.vote(found, voter(ghost, ghost), { kind: 'valg', choices: [1] }),
    ]);
    expect(results.slice(0, 5).map((r) => r.status === 'fulfilled' && r.value.outcome)).toEqual(['ny', 'ny', 'ny', 'ny', 'ny']);
    expect(results[5]!.status).toBe('rejected');
    // Asked for in one turn, the six went to the database as one statement first, then one by one.
    expect(t.app.polls.votes.stats.largest).toBeGreaterThanOrEqual(6);
    expect(t.app.polls.votes.stats.batches - before.batches).toBe(1 + 6);
    expect(await count(t, 'poll_vote WHERE poll_id = $1', [poll.pollId])).toBe(5);
  });

  it.skipIf(skipKind(kind))('returns with each batch the same tally a separate count gives, through new and changed answers', async () => {
    const voters = await addVoters(t, networkId, 8);
    const members = (await t.app.db.query<{ id: string; municipality_number: string }>(
      `SELECT m.id, nm.municipality_number FROM member m JOIN network_member nm ON nm.member_id = m.id WHERE m.aad_object_id = ANY($1::text[])`,
      [voters],
    )).rows;
    const sorted = (tally: Tally) => tally.groups.map((g) => JSON.stringify(g)).sort();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(fc.record({ who: fc.nat(members.length - 1), choice: fc.nat(2) }), { selector: (v) => v.who, minLength: 1 }), { minLength: 1, maxLength: 5 }),
        async (batches) => {
          const poll = await createViaBot(t, channel(t, `tally-${randomUUID()}`), { question: 'Stemmer tallet?', kind: 'enkeltvalg', options: 'A\nB\nC' });
          for (const batch of batches) {
            const written = await upsertVotes(t.app.db, poll.pollId, batch.map(({ who, choice }) => ({
              voterKey: members[who]!.id,
              memberId: members[who]!.id,
              municipalityNumber: members[who]!.municipality_number.trim(),
              answer: { kind: 'valg', choices: [choice] },
              now: new Date(),
            })));
            expect(written.outcomes.every((o) => o !== 'ikke-apen')).toBe(true);
            expect(sorted(written.tally)).toEqual(sorted(await tallyVotes(t.app.db, poll.pollId)));
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
