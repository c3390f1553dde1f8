/**
 * The personal view's API (issue 13) on both databases: Kari's own page across her networks,
 * answering a poll and a reflection task there through the same use cases as the cards (and
 * the card agreeing afterwards), her municipality's delivered mellomarbeid, and her reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { channel, createViaBot, as as from, updatesOf } from './helpers/polls.js';
import { cardText, personal, press, put, testClock, type Json } from './helpers/work.js';
import { waitFor } from './helpers/wait.js';

const HOUR = 3_600_000;
const LHL = 'USHT Viken – læringsnettverk Leve hele livet';

describe.each(databaseKinds)('the personal view on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const clock = testClock();
  const overview = async (who = kari) => {
    const res = await t.get('/api/me/overview', as(who));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json as Json;
  };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { POLL_CARD_UPDATE_MS: '0' }, { now: clock.now });
    networkId = (await t.get('/api/networks', as(kari))).json.networks.find((n: Json) => n.name === LHL).id;
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('lists her coming sessions across networks, soonest first, with the meeting link and only her municipality’s veiledning time', async () => {
    const page = await overview();
    expect(page.registered).toBe(true);
    expect(page.networks.map((n: Json) => n.networkName)).toContain(LHL);
    expect(page.networks.find((n: Json) => n.networkName === LHL)).toMatchObject({ role: 'deltaker', municipalityName: 'Bærum' });
    expect(page.sessions.length).toBeGreaterThan(0);
    const starts = page.sessions.map((s: Json) => s.startsAt);
    expect([...starts].sort()).toEqual(starts);
    for (const s of page.sessions) {
      expect(new Date(s.endsAt).getTime()).toBeGreaterThan(clock.now().getTime());
      expect(s.item.kind).not.toBe('mellomarbeid');
      // A veiledning given per municipality is hers at Bærum's slot, or not on her page at all.
      if (s.item.slots.length > 0) {
        const mine = s.item.slots.find((x: Json) => x.municipalityNumber === '3201');
        expect(mine).toBeDefined();
        expect(s.startsAt).toBe(mine.startsAt);
      }
    }
  });

  it.skipIf(skipKind(kind))('answers a poll in the tab through the card’s use case: the card then shows her answer and the count', async () => {
    const o = channel(t, 'personal-poll');
    const posted = await createViaBot(t, o, { question: 'Er dagens tema nyttig?', kind: 'enkeltvalg', options: 'Ja\nNei\nVet ikke' });
    const before = await overview();
    const open = before.polls.find((p: Json) => p.poll.id === posted.pollId);
    expect(open).toMatchObject({ networkName: LHL, myAnswer: null });

    const voted = await put(t, `/api/networks/${networkId}/polls/${posted.pollId}/vote`, { answer: 1 }, as(kari));
    expect(voted.status, JSON.stringify(voted.json)).toBe(200);
    expect(voted.json).toMatchObject({ outcome: 'ny', message: 'Takk! Svaret ditt er lagret.', myAnswer: { kind: 'valg', choices: [1] } });
    expect(voted.json.poll.respondents).toBe(1);
    expect((await overview()).polls.find((p: Json) => p.poll.id === posted.pollId).myAnswer).toEqual({ kind: 'valg', choices: [1] });

    // The bot: her own view of the card has «Nei» chosen, and the same vote again changes nothing.
    const own = await press(t, 'maling.vis', posted.show, { ...from(o, kari), conversationId: o.conversationId! });
    expect(cardText(own)).toContain('"value":"1"');
    const again = await press(t, 'maling.svar', { ...posted.vote, svar: '1' }, { ...from(o, kari), conversationId: o.conversationId! });
    expect(cardText(again)).toContain('Svaret ditt var allerede registrert');
    // The shared card in the channel is updated with one answer.
    await waitFor(() => updatesOf(t, posted.activityId).some((u) => JSON.stringify(u).includes('1 svar')), { what: 'the shared card with one answer' });
    const results = await t.get(`/api/networks/${networkId}/polls/${posted.pollId}`, as(ingrid));
    expect(results.json.poll.respondents).toBe(1);

    // A changed answer from the tab is the card's «endret», and a bad one is refused with the card's words.
    expect((await put(t, `/api/networks/${networkId}/polls/${posted.pollId}/vote`, { answer: 0 }, as(kari))).json.outcome).toBe('endret');
    const bad = await put(t, `/api/networks/${networkId}/polls/${posted.pollId}/vote`, { answer: [0, 1] }, as(kari));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ field: 'answer', message: expect.stringContaining('Svaret ble ikke lagret') });
  });

  it.skipIf(skipKind(kind))('refuses a vote on a closed poll as the card does, and writes nothing', async () => {
    const o = channel(t, 'personal-closed');
    const posted = await createViaBot(t, o, { question: 'Lukket?', kind: 'enkeltvalg', options: 'Ja\nNei' });
    expect((await t.post(`/api/networks/${networkId}/polls/${posted.pollId}/close`, {}, as(ingrid))).status).toBe(200);
    const res = await put(t, `/api/networks/${networkId}/polls/${posted.pollId}/vote`, { answer: 0 }, as(kari));
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe('Målingen er lukket. Svaret ditt ble ikke lagret.');
    expect((await overview()).polls.some((p: Json) => p.poll.id === posted.pollId)).toBe(false);
  });

  it.skipIf(skipKind(kind))('answers and edits a reflection task in the tab; the bot’s card shows the same answer', async () => {
    const created = await t.post(
      `/api/networks/${networkId}/reflections`,
      { template: 'seed-000', visibility: 'fasilitatorer', dueAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString(), delivery: 'ingen' },
      as(ingrid),
    );
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const taskId = created.json.task.id as string;
    const mine = (await overview()).reflections.find((r: Json) => r.task.id === taskId);
    expect(mine).toMatchObject({ state: 'ubesvart', answers: [], baseVersion: null, task: { open: true, visibility: 'fasilitatorer', answerMode: 'personlig' } });
    expect(mine.task.prompts).toHaveLength(3);

    const answers = ['Ja, ganske god.', 'Mer om frivilligheten.', 'På ledermøtet.'];
    const saved = await put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, { answers }, as(kari));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect((await overview()).reflections.find((r: Json) => r.task.id === taskId)).toMatchObject({ state: 'besvart', answers });

    const card = await press(t, 'refleksjon.vis', { taskId }, personal(t, kari, `a:personal-refl-${kind}`));
    for (const a of answers) expect(cardText(card)).toContain(a);
    // Edited on the card: the tab shows the card's version.
    const edited = await press(t, 'refleksjon.svar', { taskId, a0: 'Endret på kortet.', a1: answers[1], a2: answers[2] }, personal(t, kari, `a:personal-refl-${kind}`));
    expect(cardText(edited)).toContain('Endret på kortet.');
    expect((await overview()).reflections.find((r: Json) => r.task.id === taskId).answers[0]).toBe('Endret på kortet.');
  });

  it.skipIf(skipKind(kind))('shows a group task with the version an edit builds on', async () => {
    const created = await t.post(
      `/api/networks/${networkId}/reflections`,
      { template: 'seed-000', answerMode: 'kommune', visibility: 'nettverket', dueAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString(), delivery: 'ingen' },
      as(ingrid),
    );
    const taskId = created.json.task.id as string;
    const first = (await overview()).reflections.find((r: Json) => r.task.id === taskId);
    expect(first).toMatchObject({ baseVersion: 0, municipalityName: 'Bærum', task: { answerMode: 'kommune' } });
    const saved = await put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, { answers: ['Felles svar'], baseVersion: 0 }, as(kari));
    expect(saved.json.saved).toMatchObject({ mode: 'kommune', version: 1 });
    const after = (await overview()).reflections.find((r: Json) => r.task.id === taskId);
    expect(after).toMatchObject({ state: 'besvart', baseVersion: 1, answers: ['Felles svar', '', ''] });
    expect(after.note).toContain('Kari Nordmann');
    // Another Bærum answer built on version 0 is stale, as on the card.
    const stale = await put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, { answers: ['Eldre'], baseVersion: 0 }, as(kari));
    expect(stale.status).toBe(409);
  });

  it.skipIf(skipKind(kind))('shows her municipality’s mellomarbeid with what was delivered and the feedback, never another municipality’s', async () => {
    const matrix = (await t.get(`/api/networks/${networkId}/mellomarbeid`, as(kari))).json;
    const assignment = matrix.assignments[0];
    const path = (n: string) => `/api/networks/${networkId}/mellomarbeid/${assignment.id}/${n}`;
    expect((await put(t, path('3201'), { status: 'pabegynt' }, as(kari))).status).toBe(200);
    expect((await put(t, path('3201'), { status: 'levert', submissionText: 'Bærums kartlegging er levert.' }, as(kari))).status).toBe(200);
    expect((await put(t, path('3201'), { status: 'tilbakemelding-gitt', feedback: 'Godt arbeid, Bærum.' }, as(ingrid))).status).toBe(200);
    // Asker delivers too; Kari must not see it.
    expect((await put(t, path('3203'), { status: 'pabegynt' }, as(ola))).status).toBe(200);
    expect((await put(t, path('3203'), { status: 'levert', submissionText: 'Askers hemmelige tekst.' }, as(ola))).status).toBe(200);

    const page = await overview();
    const work = page.work.filter((w: Json) => w.networkId === networkId);
    expect(work.every((w: Json) => w.municipalityName === 'Bærum')).toBe(true);
    expect(work.find((w: Json) => w.assignmentId === assignment.id)).toMatchObject({
      status: 'tilbakemelding-gitt',
      submissionText: 'Bærums kartlegging er levert.',
      feedback: 'Godt arbeid, Bærum.',
    });
    expect(JSON.stringify(page)).not.toContain('Askers hemmelige tekst.');
    expect(JSON.stringify(await overview(ola))).not.toContain('Bærums kartlegging');
  });

  it.skipIf(skipKind(kind))('turns her reminders off and on, the same switch as «stopp påminnelser»', async () => {
    expect((await overview()).remindersOn).toBe(true);
    const off = await put(t, '/api/me/reminders', { enabled: false }, as(kari));
    expect(off.status).toBe(200);
    expect((await overview()).remindersOn).toBe(false);
    const stopped = await t.app.db.query<{ at: Date | null }>(`SELECT reminders_stopped_at AS at FROM member WHERE aad_object_id = $1`, [kari.aadObjectId]);
    expect(stopped.rows[0]!.at).not.toBeNull();
    expect((await put(t, '/api/me/reminders', { enabled: true }, as(kari))).json.remindersOn).toBe(true);
    const bad = await put(t, '/api/me/reminders', { enabled: 'ja' }, as(kari));
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('Påminnelser');
    expect((await overview()).remindersOn).toBe(true);
  });
});
