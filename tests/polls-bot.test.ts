import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL_CLOSE_QUEUE, POLL_OPEN_QUEUE, POLL_SEND_ALL_QUEUE } from '../src/polls/jobs.js';
import { cardAction, cardSubmit, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as as devAs, ingrid, kari, ola, per, stranger } from './helpers/people.js';
import { testClock } from './helpers/clock.js';
import { jobsOf, startJobNow } from './helpers/jobs.js';
import { as, cardOf, channel, count, createViaBot, postedPoll, texts, updatesOf, vote, type Json } from './helpers/polls.js';
import { waitFor } from './helpers/wait.js';

const SEED_001 = 'Hvordan vil Leve hele livet bidra til forandring i din kommune?';
const options = 'I stor grad\nI noen grad\nI liten grad';

describe.each(databaseKinds)('polls in Teams on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { POLL_CARD_UPDATE_MS: '40', JOB_POLL_SECONDS: '0.5' });
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
  });
  afterAll(async () => t?.close());
  const skip = () => skipKind(kind);

  it.skipIf(skip())('a facilitator creates a poll with «ny måling», two people vote, each sees their own answer and the count updates in place', async () => {
    const o = channel(t, 'done');
    const poll = await createViaBot(t, o, { question: SEED_001, kind: 'enkeltvalg', options });
    expect(poll.card.body.map((b: Json) => b.text)).toContain(SEED_001);
    expect(texts(poll.card)).toContain('Åpen · 0 svar');
    expect(poll.activityId).toMatch(/^activity-/);

    const k = await vote(t, poll, '0', as(o, kari));
    expect(k.status).toBe(200);
    expect(texts(k.card)).toEqual(expect.arrayContaining(['Takk! Svaret ditt er lagret.', 'Ditt svar: **I stor grad**', 'Åpen · 1 svar']));
    const ol = await vote(t, poll, '1', as(o, ola));
    expect(texts(ol.card)).toEqual(expect.arrayContaining(['Ditt svar: **I noen grad**', 'Åpen · 2 svar']));
    // Ola's own view has the results; his choice is pre-filled in the form.
    expect(ol.card.body.find((b: Json) => b.id === 'svar').value).toBe('1');
    expect(ol.text).toContain('Chart.HorizontalBar');

    // The shared card (no one's answer on it) shows the count, updated in place.
    await waitFor(() => updatesOf(t, poll.activityId).some((u) => texts(cardOf(u)).includes('Åpen · 2 svar')), { what: 'the shared card updated to «Åpen · 2 svar»' });
    const shared = cardOf(updatesOf(t, poll.activityId).at(-1)!);
    expect(JSON.stringify(shared)).not.toContain('Ditt svar');

    // «Vis mitt svar / resultater» (and the automatic refresh, same verb) gives Kari her own view.
    const mine = await t.post('/api/messages', cardAction('maling.vis', poll.show, as(o, kari)));
    expect(texts(mine.json.value)).toContain('Ditt svar: **I stor grad**');

    // Kari changes her mind: still one row for her.
    const changed = await vote(t, poll, '2', as(o, kari));
    expect(texts(changed.card)).toEqual(expect.arrayContaining(['Svaret ditt er endret.', 'Ditt svar: **I liten grad**', 'Åpen · 2 svar']));
    const rows = await t.app.db.query<{ choices: number[] }>(
      `SELECT v.choices FROM poll_vote v JOIN member m ON m.id = v.member_id WHERE v.poll_id = $1 AND m.aad_object_id = $2`,
      [poll.pollId, kari.aadObjectId],
    );
    expect(rows.rows).toEqual([{ choices: [2] }]);
    expect(await count(t, 'poll_vote WHERE poll_id = $1', [poll.pollId])).toBe(2);
  });

  it.skipIf(skip())('«gjenta måling» creates the after-poll and the results show both with the shift', async () => {
    const o = channel(t, 'repeat');
    const before = await createViaBot(t, o, { question: 'Før og etter?', kind: 'skala5', scaleMinLabel: 'Lite', scaleMaxLabel: 'Mye' });
    await vote(t, before, '2', as(o, kari));
    await vote(t, before, '3', as(o, ola));

    const n = t.connector.sentActivities(o.conversationId).length;
    await t.post('/api/messages', message('gjenta måling', as(o, ingrid), true));
    const picker = cardOf((await t.connector.waitForActivities(n + 1, o.conversationId))[n]!);
    const choice = picker.body.find((b: Json) => b.id === 'pollId');
    expect(choice.choices.map((c: Json) => c.value)).toContain(before.pollId);
    const pick = picker.actions[0];
    const res = await t.post('/api/messages', cardAction(pick.verb, { ...pick.data, pollId: before.pollId }, as(o, ingrid)));
    expect(JSON.stringify(res.json.value)).toContain('Ettermålingen er publisert');
    const after = await postedPoll(t, (await t.connector.waitForActivities(n + 2, o.conversationId))[n + 1]!, o.conversationId!);
    expect(after.pollId).not.toBe(before.pollId);
    expect(texts(after.card)[0]).toContain('Ettermåling');

    // The before-poll was closed so late answers do not blur it.
    expect((await vote(t, before, '5', as(o, kari))).text).toContain('Målingen er lukket. Svaret ditt ble ikke lagret.');
    await vote(t, after, '4', as(o, kari));
    await vote(t, after, '5', as(o, ola));

    const api = await t.get(`/api/networks/${networkId}/polls/${after.pollId}`, devAs(kari));
    expect(api.status).toBe(200);
    expect(api.json.pair.before.id).toBe(before.pollId);
    expect(api.json.pair.after.id).toBe(after.pollId);
    const overall = api.json.pair.comparison.overall;
    expect(overall.before.mean).toBe(2.5);
    expect(overall.after.mean).toBe(4.5);
    expect(overall.meanDelta).toBe(2);
    // Per municipality (one answer each) is for the facilitator; a deltaker sees groups of five or more.
    expect(api.json.pair.comparison.byMunicipality).toEqual([]);
    const full = await t.get(`/api/networks/${networkId}/polls/${after.pollId}`, devAs(ingrid));
    const baerum = full.json.pair.comparison.byMunicipality.find((m: Json) => m.label === 'Bærum');
    expect(baerum.shift.meanDelta).toBe(2);
    // A second repeat of the same poll is refused.
    const again = await t.post('/api/messages', cardAction(pick.verb, { ...pick.data, pollId: before.pollId }, as(o, ingrid)));
    expect(JSON.stringify(again.json.value)).toContain('allerede gjentatt');
  });

  it.skipIf(skip())('refuses bad answers with a Norwegian reason in the card and writes nothing', async () => {
    const o = channel(t, 'bad');
    const single = await createViaBot(t, o, { question: 'Enkelt?', kind: 'enkeltvalg', options });
    const multi = await createViaBot(t, o, { question: 'Flere?', kind: 'flervalg', options: 'a\nb\nc\nd', maxChoices: '2' });
    const text = await createViaBot(t, o, { question: 'Ett ord?', kind: 'fritekst' });
    const cases: [string, () => Promise<{ text: string }>, RegExp][] = [
      ['an option not in the poll', () => vote(t, single, '7', as(o, kari)), /ikke et av alternativene/],
      ['too many picks', () => vote(t, multi, '0,1,2', as(o, kari)), /inntil 2 alternativer/],
      ['an empty open answer', () => vote(t, text, '   ', as(o, kari)), /Skriv et svar/],
      ['a forged poll id', () => t.post('/api/messages', cardAction('maling.svar', { ...single.vote, pollId: multi.pollId, svar: '0' }, as(o, kari))).then((r) => ({ text: JSON.stringify(r.json.value) })), /Kortet er ikke gyldig/],
      ['a forged signature', () => t.post('/api/messages', cardAction('maling.svar', { ...single.vote, sig: 'A'.repeat(22), svar: '0' }, as(o, kari))).then((r) => ({ text: JSON.stringify(r.json.value) })), /Kortet er ikke gyldig/],
      ['another verb’s signature', () => t.post('/api/messages', cardAction('maling.svar', { ...single.show, svar: '0' }, as(o, kari))).then((r) => ({ text: JSON.stringify(r.json.value) })), /Kortet er ikke gyldig/],
      ['garbage', () => t.post('/api/messages', cardAction('maling.svar', { pollId: 42, sig: ['x'] }, as(o, kari))).then((r) => ({ text: JSON.stringify(r.json.value) })), /Sjekk skjemaet/],
      ['someone not in the network', () => vote(t, single, '0', as(o, stranger)), /registrere deg i nettverket før du kan svare/],
      ['a coordinator', () => vote(t, single, '0', as(o, per)), /Koordinatorer følger målingene/],
    ];
    for (const [name, run, reason] of cases) {
      const before = await count(t, 'poll_vote');
      const res = await run();
      expect(res.text, name).toMatch(reason);
      expect(await count(t, 'poll_vote'), name).toBe(before);
    }
    expect(await count(t, 'member WHERE aad_object_id = $1', [stranger.aadObjectId])).toBe(0);
  });

  it.skipIf(skip())('treats a replayed vote as the same answer, and refuses votes once closed until a facilitator reopens', async () => {
    const o = channel(t, 'replay');
    const poll = await createViaBot(t, o, { question: 'Replay?', kind: 'enkeltvalg', options });
    const press = cardAction('maling.svar', { ...poll.vote, svar: '1' }, as(o, kari));
    await t.post('/api/messages', press);
    const replay = await t.post('/api/messages', { ...press, id: 'replayed-activity' });
    expect(JSON.stringify(replay.json.value)).toContain('Svaret ditt var allerede registrert');
    expect(await count(t, 'poll_vote WHERE poll_id = $1', [poll.pollId])).toBe(1);

    const facilitator = await t.post('/api/messages', cardAction('maling.vis', poll.show, as(o, ingrid)));
    const closeButton = facilitator.json.value.body.find((b: Json) => b.type === 'ActionSet').actions.find((a: Json) => a.verb === 'maling.lukk');
    // A deltaker pressing «Lukk» (if they got hold of the data) is refused.
    const refused = await t.post('/api/messages', cardAction('maling.lukk', closeButton.data, as(o, kari)));
    expect(JSON.stringify(refused.json.value)).toContain('Bare fasilitatorer');
    const closed = await t.post('/api/messages', cardAction('maling.lukk', closeButton.data, as(o, ingrid)));
    expect(JSON.stringify(closed.json.value)).toContain('Målingen er lukket');

    const late = await vote(t, poll, '0', as(o, ola));
    expect(late.text).toContain('Målingen er lukket. Svaret ditt ble ikke lagret.');
    expect(await count(t, 'poll_vote WHERE poll_id = $1', [poll.pollId])).toBe(1);
    await waitFor(() => updatesOf(t, poll.activityId).some((u) => texts(cardOf(u)).includes('Lukket · 1 svar')), { what: 'the shared card updated to «Lukket · 1 svar»' });

    const reopenButton = (await t.post('/api/messages', cardAction('maling.vis', poll.show, as(o, ingrid)))).json.value.body
      .find((b: Json) => b.type === 'ActionSet')
      .actions.find((a: Json) => a.verb === 'maling.gjenapne');
    expect(JSON.stringify((await t.post('/api/messages', cardAction('maling.gjenapne', reopenButton.data, as(o, kari)))).json.value)).toContain('Bare fasilitatorer');
    expect(JSON.stringify((await t.post('/api/messages', cardAction('maling.gjenapne', reopenButton.data, as(o, ingrid)))).json.value)).toContain('åpnet igjen');
    expect((await vote(t, poll, '0', as(o, ola))).text).toContain('Takk! Svaret ditt er lagret.');
  });

  it.skipIf(skip())('stores an anonymous answer without any identity, deduplicated by a keyed hash', async () => {
    const o = channel(t, 'anon');
    const poll = await createViaBot(t, o, { question: 'Anonymt?', kind: 'enkeltvalg', options, anonymous: 'true' });
    expect(texts(poll.card)[0]).toContain('Anonym: svarene lagres uten navn, kommune og sektor.');
    const first = await vote(t, poll, '0', as(o, kari));
    expect(first.text).toContain('Ditt svar: **I stor grad**');
    expect(first.text).toContain('Resultatene vises når minst 5 har svart');
    await vote(t, poll, '1', as(o, kari));
    const { rows } = await t.app.db.query<Json>(`SELECT * FROM poll_vote WHERE poll_id = $1`, [poll.pollId]);
    expect(rows).toHaveLength(1);
    // The poll asked for no breakdown, so neither municipality nor sector is kept.
    expect(rows[0]).toMatchObject({ anonymous: true, member_id: null, answered_at: null, choices: [1], municipality_number: null, sector: null });
    expect(rows[0]!.voter_key).toMatch(/^[0-9a-f]{64}$/);
    const kariId = (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [kari.aadObjectId])).rows[0]!.id;
    expect(JSON.stringify(rows[0])).not.toContain(kariId);
    expect(JSON.stringify(rows[0])).not.toContain(kari.aadObjectId);
    // The database itself refuses an anonymous row with a member id.
    await expect(
      t.app.db.query(`INSERT INTO poll_vote (poll_id, voter_key, anonymous, member_id, choices) VALUES ($1, $2, true, $2::uuid, '{0}')`, [poll.pollId, kariId]),
    ).rejects.toThrow();
  });

  it.skipIf(skip())('gives a small group chat automatic refresh for each member, and a large one the «Vis mitt svar» button', async () => {
    const small = { serviceUrl: t.connector.url, conversationType: 'groupChat' as const, conversationId: `19:small-${crypto.randomUUID()}@thread.v2` };
    t.connector.setRoster(small.conversationId, [kari, ola, ingrid].map((p, i) => ({ id: `29:p${i}`, aadObjectId: p.aadObjectId, name: p.displayName })), 100);
    const smallPoll = await createViaBot(t, small, { question: 'Liten gruppe?', kind: 'enkeltvalg', options });
    expect(smallPoll.card.refresh.userIds).toEqual(['29:p0', '29:p1', '29:p2']);
    expect(smallPoll.card.actions.map((a: Json) => a.verb)).toEqual(['maling.svar']);

    const large = { serviceUrl: t.connector.url, conversationType: 'groupChat' as const, conversationId: `19:large-${crypto.randomUUID()}@thread.v2` };
    t.connector.setRoster(large.conversationId, Array.from({ length: 61 }, (_, i) => ({ id: `29:m${i}`, name: `P${i}` })), 60);
    const largePoll = await createViaBot(t, large, { question: 'Stor gruppe?', kind: 'enkeltvalg', options });
    expect(largePoll.card.refresh).toBeUndefined();
    expect(largePoll.card.actions.map((a: Json) => a.title)).toEqual(['Send svar', 'Vis mitt svar / resultater']);
  });

  it.skipIf(skip())('answers through the Action.Submit fallback too, keeping the answer out of the shared chat', async () => {
    const o = channel(t, 'submit');
    const poll = await createViaBot(t, o, { question: 'Fallback?', kind: 'enkeltvalg', options });
    const n = t.connector.sentActivities(o.conversationId).length;
    const before = t.connector.sentActivities().length;
    await t.post('/api/messages', cardSubmit({ ...poll.vote, svar: '2' }, as(o, ola)));
    const reply = cardOf((await t.connector.waitForActivities(n + 1, o.conversationId))[n]!);
    // The channel sees that an answer was registered, not what it was …
    expect(texts(reply)).toContain('Takk! Svaret ditt er lagret.');
    expect(JSON.stringify(reply)).not.toContain('I liten grad');
    expect(await count(t, 'poll_vote WHERE poll_id = $1', [poll.pollId])).toBe(1);
    // … Ola gets his own view in his 1:1 chat.
    const mine = t.connector.sentActivities().slice(before).filter((a) => JSON.stringify(a).includes('Ditt svar: **I liten grad**'));
    expect(mine).toHaveLength(1);
  });

  it.skipIf(skip())('sends the poll 1:1 to every deltaker, once', async () => {
    const o = channel(t, 'fanout');
    // A stored team conversation lets the sender open 1:1 chats with people who never wrote to the bot.
    const poll = await createViaBot(t, o, { question: 'Til alle?', kind: 'enkeltvalg', options });
    const facilitator = await t.post('/api/messages', cardAction('maling.vis', poll.show, as(o, ingrid)));
    const send = facilitator.json.value.body.find((b: Json) => b.type === 'ActionSet').actions.find((a: Json) => a.verb === 'maling.send-alle');
    const res = await t.post('/api/messages', cardAction('maling.send-alle', send.data, as(o, ingrid)));
    expect(JSON.stringify(res.json.value)).toMatch(/Sender målingen 1:1 til \d+ deltakere/);
    const deltakere = await count(t, `network_member WHERE network_id = $1 AND role = 'deltaker'`, [networkId]);
    const personalPosts = () => count(t, `poll_post WHERE poll_id = $1 AND conversation_type = 'personal' AND activity_id IS NOT NULL`, [poll.pollId]);
    await waitFor(async () => (await personalPosts()) === deltakere, {
      what: `a delivered 1:1 post for each of the ${deltakere} deltakere`,
      timeoutMs: 20_000,
      detail: async () => `${await personalPosts()} so far`,
    });
    // A second press fans out no second time: it is the same job (one per poll and minute), or
    // a new one that finds everyone served. Once every send-all job of the poll has run, count.
    await t.post('/api/messages', cardAction('maling.send-alle', send.data, as(o, ingrid)));
    const sendJobs = () => jobsOf(t.app.db, t.schedulerSchema, POLL_SEND_ALL_QUEUE, 'pollId', poll.pollId);
    await waitFor(async () => (await sendJobs()).every((j) => j.state === 'completed'), {
      what: 'every send-all job of the poll to complete',
      detail: async () => `states: ${(await sendJobs()).map((j) => j.state).join(', ')}`,
    });
    expect((await sendJobs()).length).toBeGreaterThanOrEqual(1);
    expect(await count(t, `poll_post WHERE poll_id = $1 AND conversation_type = 'personal'`, [poll.pollId])).toBe(deltakere);
  });

  it.skipIf(skip())('opens and closes at the scheduled times (pg-boss)', async () => {
    // Its own app on a clock the test moves: the poll opens in an hour and closes in two. pg-boss
    // holds each job until its time by the database's clock, so the test moves the app's clock
    // to that time and then lets pg-boss see the job due (startJobNow).
    const clock = testClock();
    const s = await startTestApp(kind, { POLL_CARD_UPDATE_MS: '40', JOB_POLL_SECONDS: '0.5' }, { now: clock.now });
    try {
      // A channel root (no «;messageid=»): the tab posts polls as new threads there.
      const o = { ...channel(s, 'scheduled'), conversationId: `19:kanal-${crypto.randomUUID()}@thread.tacv2` };
      await s.post('/api/messages', message('hjelp', as(o, ingrid), true)); // the bot now knows this channel
      const n = s.connector.sentActivities(o.conversationId).length;
      const opensAt = new Date(clock.now().getTime() + 3_600_000);
      const closesAt = new Date(clock.now().getTime() + 2 * 3_600_000);
      const sNetworkId = (await s.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
      const res = await s.post(
        `/api/networks/${sNetworkId}/polls`,
        { question: 'Planlagt?', kind: 'enkeltvalg', options: ['Ja', 'Nei'], opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), postTo: [o.conversationId] },
        devAs(ingrid),
      );
      expect(res.status).toBe(201);
      expect(res.json.poll.status).toBe('planlagt');
      const pollId = res.json.poll.id as string;
      // Nothing is posted before its time; its jobs wait for exactly the planned moments.
      expect(s.connector.sentActivities(o.conversationId)).toHaveLength(n);
      const [openJob] = await jobsOf(s.app.db, s.schedulerSchema, POLL_OPEN_QUEUE, 'pollId', pollId);
      const [closeJob] = await jobsOf(s.app.db, s.schedulerSchema, POLL_CLOSE_QUEUE, 'pollId', pollId);
      expect(openJob).toMatchObject({ state: 'created', startAfter: opensAt });
      expect(closeJob).toMatchObject({ state: 'created', startAfter: closesAt });

      clock.set(opensAt);
      await startJobNow(s.app.db, s.schedulerSchema, POLL_OPEN_QUEUE, openJob!.id);
      const [posted] = (await s.connector.waitForActivities(n + 1, o.conversationId)).slice(n);
      const poll = await postedPoll(s, posted!, o.conversationId);
      expect(poll.pollId).toBe(pollId);
      expect((await vote(s, poll, '0', as(o, kari))).text).toContain('Takk!');

      clock.set(closesAt);
      await startJobNow(s.app.db, s.schedulerSchema, POLL_CLOSE_QUEUE, closeJob!.id);
      await waitFor(() => updatesOf(s, poll.activityId).some((u) => texts(cardOf(u)).some((x) => x.startsWith('Lukket'))), {
        what: 'the posted card updated to «Lukket»',
      });
      expect((await vote(s, poll, '1', as(o, ola))).text).toContain('Målingen er lukket');
    } finally {
      await s.close();
    }
  });
});
