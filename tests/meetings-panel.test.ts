/**
 * The samling's side panel in the Teams meeting (issue 14), through the tab API on both
 * databases: the demo's Samling 1 is found by its meeting chat's thread id (however its Teams
 * link is encoded, and by what a replayed meeting event left in the meeting table), with its
 * seeded «før» poll; a facilitator opens it with «Åpne nå», once; a deltaker sees their own
 * answer and reflection task and may not open; someone of another region finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMeetingThread, demoMeetingUrl } from '../src/demo/demo.js';
import { otherDemoPeople } from '../src/demo/more-networks.js';
import { LOCALE_HEADER } from '../src/platform/http/server.js';
import { SEED_000_TEMPLATE } from '../src/reflections/domain/reflections.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { meetingStart, type MeetingRef } from './helpers/meeting-events.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';
import { put, testClock, type Json } from './helpers/work.js';

const QUESTION = 'Hvordan vil Leve hele livet bidra til forandring i din kommune?';
const torbjorn = otherDemoPeople.find((p) => p.displayName === 'Torbjørn Vik')!;
const SAMLING_1 = demoMeetingThread('samling-1');

describe.each(databaseKinds)('the meeting side panel on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  let samling1 = { id: '', title: '', startsAt: new Date() };
  const clock = testClock();

  const panel = async (who: { aadObjectId: string }, query: string, headers: Record<string, string> = {}) => {
    const res = await t.get(`/api/meetings/panel?${query}`, { ...as(who), ...headers });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json as Json;
  };
  const ofChat = (thread: string) => `chat=${encodeURIComponent(thread)}`;
  const forPoll = (p: Json) => p.polls.find((x: Json) => x.poll.question === QUESTION && x.poll.planItemId === samling1.id);
  const open = (pollId: string, who: { aadObjectId: string }, headers: Record<string, string> = {}) =>
    t.post(`/api/networks/${networkId}/polls/${pollId}/open`, {}, { ...as(who), ...headers });

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { POLL_CARD_UPDATE_MS: '0' }, { now: clock.now });
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
    const row = (
      await t.app.db.query<{ id: string; title: string; starts_at: Date }>(`SELECT id, title, starts_at FROM plan_item WHERE network_id = $1 AND seed_key = 'samling-1'`, [networkId])
    ).rows[0]!;
    samling1 = { id: row.id, title: row.title, startsAt: new Date(row.starts_at) };
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('finds the demo’s Samling 1 by its meeting chat, with its planned «før» poll, for the facilitator', async () => {
    const p = await panel(ingrid, ofChat(SAMLING_1));
    expect(p).toMatchObject({
      found: true,
      timeZone: 'Europe/Oslo',
      networkId,
      networkName: 'USHT Viken – læringsnettverk Leve hele livet',
      role: 'fasilitator',
      canManage: true,
      meeting: null,
      reflection: null,
      item: { id: samling1.id, title: samling1.title, kind: 'samling', meetingUrl: demoMeetingUrl('samling-1', ingrid.aadObjectId) },
    });
    const before = forPoll(p);
    expect(before).toMatchObject({ phase: 'for', opensAtMeetingStart: true, myAnswer: null, poll: { status: 'planlagt', anonymous: false, options: ['I stor grad', 'I noen grad', 'I liten grad', 'Vet ikke ennå'] } });
    expect(before.poll.opensAt).toBe(p.item.startsAt);
    expect(before.poll.closesAt).toBe(p.item.endsAt);
    // Only Samling 1's polls: not the seeded pair of an earlier seminar, which has no plan item.
    expect(p.polls.every((x: Json) => x.poll.planItemId === samling1.id)).toBe(true);
    // The tab's list of polls (newest first) still opens on the earlier seminar's finished pair.
    const list = (await t.get(`/api/networks/${networkId}/polls`, as(ingrid))).json.polls;
    expect(list[0]).toMatchObject({ question: QUESTION, status: 'lukket', planItemId: null });
    expect(list[0].repeatOf).not.toBeNull();
    expect(list.map((x: Json) => x.id)).toContain(before.poll.id);
    // Another samling's chat is another samling.
    expect((await panel(ingrid, ofChat(demoMeetingThread('samling-2')))).item.title).not.toBe(samling1.title);
  });

  it.skipIf(skipKind(kind))('finds it however the link and the chat id are encoded, and nothing for a chat that is no samling', async () => {
    const link = (await t.app.db.query<{ meeting_url: string }>(`SELECT meeting_url FROM plan_item WHERE id = $1`, [samling1.id])).rows[0]!.meeting_url;
    const variants = [
      link.replace(/%[0-9a-f]{2}/g, (e) => e.toUpperCase()), // upper-case escapes, as Outlook on the web writes them
      link.replace(/%/g, '%25'), // encoded twice, as pasted from some mail clients
      `https://teams.microsoft.com/l/meetup-join/${SAMLING_1}/0`, // not encoded at all
    ];
    try {
      for (const variant of variants) {
        await t.app.db.query(`UPDATE plan_item SET meeting_url = $2 WHERE id = $1`, [samling1.id, variant]);
        expect((await panel(ingrid, ofChat(SAMLING_1))).item?.id, variant).toBe(samling1.id);
      }
      // The chat id itself sent encoded once more (a tab that encoded what it passed on).
      expect((await panel(ingrid, `chat=${encodeURIComponent(encodeURIComponent(SAMLING_1))}`)).item?.id).toBe(samling1.id);
    } finally {
      await t.app.db.query(`UPDATE plan_item SET meeting_url = $2 WHERE id = $1`, [samling1.id, link]);
    }
    expect(await panel(ingrid, ofChat('19:meeting_ZmFrZS1tZWV0aW5nLW5vdC1hLXNhbWxpbmc@thread.v2'))).toEqual({ found: false });
    // A thread whose id is only the start of Samling 1's, or longer, is another meeting.
    expect(await panel(ingrid, ofChat(SAMLING_1.replace(/.@thread/, '@thread')))).toEqual({ found: false });
    expect(await panel(ingrid, ofChat(SAMLING_1.replace('@thread', 'x@thread')))).toEqual({ found: false });
    expect(await panel(ingrid, ofChat('19:abc@thread.tacv2'))).toEqual({ found: false });
  });

  it.skipIf(skipKind(kind))('shows the deltaker her own answer and her reflection task, and no managing', async () => {
    const p = await panel(kari, ofChat(SAMLING_1));
    expect(p).toMatchObject({ found: true, role: 'deltaker', canManage: false });
    expect(forPoll(p).myAnswer).toBeNull();
    // Seed 000's reflection after Samling 1, as her personal page shows it.
    expect(p.reflection).toMatchObject({ networkId, state: 'ubesvart', answers: [], baseVersion: null, municipalityName: 'Bærum', task: { title: SEED_000_TEMPLATE.title, planItemId: samling1.id } });
    const own = (await t.get('/api/me/overview', as(kari))).json.reflections.find((r: Json) => r.task.id === p.reflection.task.id);
    expect(p.reflection).toEqual(own);
    // The coordinator of the region follows from outside: no answer, no task, no managing.
    expect(await panel(per, ofChat(SAMLING_1))).toMatchObject({ found: true, role: 'koordinator', canManage: false, reflection: null });
  });

  it.skipIf(skipKind(kind))('opens the «før» poll for the facilitator, once; the panel then shows it open', async () => {
    const pollId = forPoll(await panel(ingrid, ofChat(SAMLING_1))).poll.id as string;
    const refused = await open(pollId, kari);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('ingen-tilgang');

    const opened = await open(pollId, ingrid);
    expect(opened.status, JSON.stringify(opened.json)).toBe(200);
    // No meeting seen yet for the samling: no meeting chat, no notification.
    expect(opened.json).toMatchObject({ poll: { id: pollId, status: 'apen' }, notification: 'ingen-mote', message: 'Målingen er åpnet.' });
    expect(new Date(opened.json.poll.opensAt).getTime()).toBeLessThanOrEqual(clock.now().getTime());
    expect(forPoll(await panel(ingrid, ofChat(SAMLING_1))).poll.status).toBe('apen');
    const audit = await t.app.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE network_id = $1 AND details->>'pollId' = $2`, [networkId, pollId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['maling.apnet']);

    const again = await open(pollId, ingrid);
    expect(again.status).toBe(409);
    expect(again.json.error).toEqual({ code: 'konflikt', message: 'Målingen er allerede åpen.' });
    expect((await open(pollId, ingrid, { [LOCALE_HEADER]: 'en' })).json.error.message).toBe('The poll is already open.');
    expect((await open(pollId, ingrid, { [LOCALE_HEADER]: 'nn' })).json.error.message).toBe('Målinga er allereie open.');

    // Kari answers it; the panel shows her own answer.
    const voted = await put(t, `/api/networks/${networkId}/polls/${pollId}/vote`, { answer: 1 }, as(kari));
    expect(voted.status, JSON.stringify(voted.json)).toBe(200);
    const hers = forPoll(await panel(kari, ofChat(SAMLING_1)));
    expect(hers.myAnswer).toEqual({ kind: 'valg', choices: [1] });
    expect(hers.poll.respondents).toBe(1);
    expect(forPoll(await panel(ingrid, ofChat(SAMLING_1))).myAnswer).toBeNull();

    // Closed: not to be opened «as planned» again.
    expect((await t.post(`/api/networks/${networkId}/polls/${pollId}/close`, {}, as(ingrid))).status).toBe(200);
    const closed = await open(pollId, ingrid);
    expect(closed.status).toBe(409);
    expect(closed.json.error.message).toMatch(/^Målingen er lukket/);
  });

  it.skipIf(skipKind(kind))('lists an after-poll right after its before-poll, as «etter»', async () => {
    const before = forPoll(await panel(ingrid, ofChat(SAMLING_1)));
    const repeated = await t.post(`/api/networks/${networkId}/polls/${before.poll.id}/repeat`, {}, as(ingrid));
    expect(repeated.status, JSON.stringify(repeated.json)).toBe(201);
    const p = await panel(ingrid, ofChat(SAMLING_1));
    const at = p.polls.findIndex((x: Json) => x.poll.id === before.poll.id);
    expect(p.polls[at + 1]).toMatchObject({ phase: 'etter', poll: { id: repeated.json.poll.id, repeatOf: before.poll.id, status: 'apen' } });
    expect(p.polls[at].poll.repeatedBy).toBe(repeated.json.poll.id);
  });

  it.skipIf(skipKind(kind))('finds the samling by the meeting id and chat a replayed start left, with the meeting’s start', async () => {
    const thread = demoMeetingThread('samling-2');
    const item = (await t.app.db.query<{ id: string; starts_at: Date }>(`SELECT id, starts_at FROM plan_item WHERE network_id = $1 AND seed_key = 'samling-2'`, [networkId])).rows[0]!;
    const meeting: MeetingRef = {
      serviceUrl: t.connector.url,
      chatId: thread,
      meetingId: Buffer.from(`0#${thread}#0`).toString('base64'),
      joinUrl: demoMeetingUrl('samling-2', ingrid.aadObjectId),
      organizerAadObjectId: ingrid.aadObjectId,
    };
    expect((await t.post('/api/messages', meetingStart(meeting, 'Samling 2', new Date(item.starts_at)))).status).toBe(200);
    const started = (await t.app.db.query<{ plan_item_id: string }>(`SELECT plan_item_id FROM meeting WHERE meeting_id = $1`, [meeting.meetingId])).rows;
    expect(started).toEqual([{ plan_item_id: item.id }]);

    // Teams' context of a channel meeting names no «19:meeting_» thread: the meeting id finds it.
    const byId = await panel(kari, `chat=${encodeURIComponent('19:kanal@thread.tacv2')}&meeting=${encodeURIComponent(meeting.meetingId)}`);
    expect(byId).toMatchObject({ found: true, item: { id: item.id }, meeting: { meetingId: meeting.meetingId, endedAt: null } });
    expect(new Date(byId.meeting.startedAt).getTime()).toBe(new Date(item.starts_at).getTime());
    // By the chat alone (no meeting id), and with its Teams link gone from the plan item.
    await t.app.db.query(`UPDATE plan_item SET meeting_url = NULL WHERE id = $1`, [item.id]);
    try {
      expect(await panel(kari, `${ofChat(thread)}&meeting=`)).toMatchObject({ found: true, item: { id: item.id }, meeting: { meetingId: meeting.meetingId } });
    } finally {
      await t.app.db.query(`UPDATE plan_item SET meeting_url = $2 WHERE id = $1`, [item.id, meeting.joinUrl]);
    }
    // The meeting table answers only within what the caller may see.
    expect(await panel(torbjorn, `${ofChat(thread)}&meeting=${encodeURIComponent(meeting.meetingId)}`)).toEqual({ found: false });
  });

  it.skipIf(skipKind(kind))('is «not found» for someone who may not see the network', async () => {
    for (const who of [torbjorn, stranger]) expect(await panel(who, ofChat(SAMLING_1))).toEqual({ found: false });
  });

  it.skipIf(skipKind(kind))('refuses a bad query with a 400 naming the field, in the reader’s language', async () => {
    const missing = await t.get('/api/meetings/panel', as(ingrid));
    expect(missing.status).toBe(400);
    expect(missing.json.error).toEqual({ code: 'ugyldig-forespørsel', field: 'chat', message: 'Møtet kunne ikke slås opp. Møtechatten: mangler.' });
    const long = `chat=${'19:meeting_'.padEnd(1001, 'a')}`;
    for (const [locale, text] of [
      ['nb', 'Møtet kunne ikke slås opp. Møtechatten: kan være maks 1000 tegn.'],
      ['nn', 'Møtet kunne ikkje slåast opp. Møtechatten:'],
      ['en', 'The meeting could not be looked up. Meeting chat:'],
    ] as const) {
      const res = await t.get(`/api/meetings/panel?${long}`, { ...as(ingrid), [LOCALE_HEADER]: locale });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'ugyldig-forespørsel', field: 'chat' });
      expect(res.json.error.message.startsWith(text), res.json.error.message).toBe(true);
    }
    const longMeeting = await t.get(`/api/meetings/panel?${ofChat(SAMLING_1)}&meeting=${'M'.repeat(1001)}`, as(ingrid));
    expect(longMeeting.status).toBe(400);
    expect(longMeeting.json.error).toMatchObject({ field: 'meeting', message: expect.stringContaining('Teams-møtet: kan være maks 1000 tegn.') });
    const twice = await t.get(`/api/meetings/panel?chat=a&chat=b`, as(ingrid));
    expect(twice.status).toBe(400);
    expect(twice.json.error.field).toBe('chat');
  });
});
