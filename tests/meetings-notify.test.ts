/**
 * A samling's poll in its Teams meeting (issue 14, items 4 and 5), replayed over /api/messages
 * with the fake Bot Connector: the meeting's start opens the polls set to open then and posts
 * them to the meeting chat with Teams' in-meeting notification (the content bubble pointing at
 * the tab's answer page); the per-meeting limit holds the alert back for a second poll inside the
 * window and lets it through after (time injected, no waiting); a retried start does nothing
 * twice; a meeting the app does not know gets nothing. The limit itself is checked against the
 * database, also with two claims at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL_OPEN_QUEUE } from '../src/polls/jobs.js';
import { NOTIFICATION_LIMITS, BUBBLE, LOCAL_APP_ID } from '../src/meetings/notify.js';
import { claimNotificationSlot } from '../src/meetings/sql/notifications.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { testClock } from './helpers/clock.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { jobsOf, startJobNow } from './helpers/jobs.js';
import { meetingStart, newMeeting, type MeetingRef } from './helpers/meeting-events.js';
import { as, ingrid } from './helpers/people.js';
import { cardOf, type Json } from './helpers/polls.js';

const MINUTE = 60_000;

describe.each(databaseKinds)('a samling poll in its Teams meeting on %s', (kind) => {
  let t: TestApp;
  // From the real now: pg-boss waits by the database's clock, so a planned open must be ahead of it.
  const clock = testClock();
  let networkId = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, { JOB_POLL_SECONDS: '1' }, { now: clock.now });
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  const count = async (sql: string, params: unknown[]) => (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  /** A demo session held in Teams (a samling, or a veiledning once the samlinger are used) with no polls yet, starting in ten minutes, with this meeting's Teams link (setup, not under test). */
  async function samling(meeting: MeetingRef): Promise<{ id: string; title: string; startsAt: Date }> {
    const startsAt = new Date(clock.now().getTime() + 10 * MINUTE);
    const { rows } = await t.app.db.query<{ id: string; title: string }>(
      `UPDATE plan_item SET starts_at = $3, ends_at = $3::timestamptz + interval '2 hours', meeting_url = $2
        WHERE id = (SELECT p.id FROM plan_item p WHERE p.network_id = $1 AND p.kind IN ('samling', 'veiledning')
                       AND NOT EXISTS (SELECT 1 FROM poll WHERE poll.plan_item_id = p.id) ORDER BY p.kind = 'samling' DESC, p.id LIMIT 1)
        RETURNING id, title`,
      [networkId, meeting.joinUrl, startsAt.toISOString()],
    );
    if (!rows[0]) throw new Error('the demo has no session without polls left for this test');
    return { ...rows[0], startsAt };
  }

  async function createPoll(body: Record<string, unknown>): Promise<{ status: number; json: any }> {
    return t.post(`/api/networks/${networkId}/polls`, { kind: 'enkeltvalg', options: ['Lite', 'Noe', 'Mye'], ...body }, as(ingrid));
  }

  const pollIdOf = (activity: Json): string => cardOf(activity).actions.find((a: Json) => a.verb === 'maling.svar').data.pollId;
  const notificationOf = (activity: Json): Json | undefined => (activity.channelData as Json | undefined)?.notification;

  /** The poll's scheduled open comes: the app's clock moves there, and pg-boss sees the job due. */
  async function openByJob(pollId: string, at: Date): Promise<void> {
    clock.set(at);
    const [job] = await jobsOf(t.app.db, t.schedulerSchema, POLL_OPEN_QUEUE, 'pollId', pollId);
    await startJobNow(t.app.db, t.schedulerSchema, POLL_OPEN_QUEUE, job!.id);
  }

  it.skipIf(skipKind(kind))('opens the polls set to open at the start, posts them to the meeting chat with one in-meeting notification, and again after the limit', async () => {
    const meeting = newMeeting(t.connector.url, ingrid.aadObjectId);
    const item = await samling(meeting);
    const before = await createPoll({ question: 'Hvor godt kjenner du reformen?', planItemId: item.id, opensAtMeetingStart: true });
    expect(before.status).toBe(201);
    // Planned: opens at the meeting's start, or at the samling's start should Teams send none.
    expect(before.json.poll).toMatchObject({ status: 'planlagt', opensAtMeetingStart: true, opensAt: item.startsAt.toISOString() });
    const second = await createPoll({ question: 'Hvem i kommunen har du med deg?', planItemId: item.id, opensAtMeetingStart: true });
    const later = await createPoll({ question: 'Hva tar du med deg hjem?', planItemId: item.id, opensAt: new Date(clock.now().getTime() + 3 * MINUTE).toISOString() });
    const soonAfter = await createPoll({ question: 'Hva var mest nyttig?', planItemId: item.id, opensAt: new Date(clock.now().getTime() + 4 * MINUTE).toISOString() });
    expect(t.connector.sentActivities(meeting.chatId)).toHaveLength(0);

    expect((await t.post('/api/messages', meetingStart(meeting, item.title, clock.now()))).status).toBe(200);
    const sent = await t.connector.waitForActivities(2, meeting.chatId);
    expect(sent.map(pollIdOf)).toEqual([before.json.poll.id, second.json.poll.id]);
    for (const activity of sent) expect(adaptiveCardProblems(cardOf(activity))).toEqual([]);

    // The first one with Teams' content bubble, pointing at the answer page for that poll.
    const alert = notificationOf(sent[0]!);
    expect(alert?.alertInMeeting).toBe(true);
    const bubble = new URL(alert!.externalResourceUrl);
    expect(`${bubble.origin}${bubble.pathname}`).toBe(`https://teams.microsoft.com/l/bubble/${LOCAL_APP_ID}`);
    expect(bubble.searchParams.get('url')).toBe(`${t.url}/tab/?view=answer&network=${networkId}&poll=${before.json.poll.id}`);
    expect(bubble.searchParams.get('width')).toBe(String(BUBBLE.width));
    expect(bubble.searchParams.get('height')).toBe(String(BUBBLE.height));
    expect(bubble.searchParams.get('title')).toBe('Hvor godt kjenner du reformen?');
    // The second within the limit's window: the card, without the alert («begrenset»).
    expect(notificationOf(sent[1]!)).toBeUndefined();
    expect(await count('meeting_notification WHERE meeting_id = $1', [meeting.meetingId])).toBe(1);

    // Opened under the organiser, as the end closes them.
    const audit = await t.app.db.query<{ actor_name: string; target: string }>(
      `SELECT actor_name, target FROM audit_log WHERE action = 'maling.apnet' AND details->>'pollId' = ANY($1::text[]) ORDER BY target`,
      [[before.json.poll.id, second.json.poll.id]],
    );
    expect(audit.rows).toEqual([
      { actor_name: 'Ingrid Haugen', target: 'Hvem i kommunen har du med deg?' },
      { actor_name: 'Ingrid Haugen', target: 'Hvor godt kjenner du reformen?' },
    ]);

    // Teams retries the start: nothing opens, posts or alerts twice.
    expect((await t.post('/api/messages', meetingStart(meeting, item.title, clock.now()))).status).toBe(200);
    expect(t.connector.sentActivities(meeting.chatId)).toHaveLength(2);
    expect(await count('meeting_notification WHERE meeting_id = $1', [meeting.meetingId])).toBe(1);
    expect(await count(`audit_log WHERE action = 'maling.apnet' AND details->>'pollId' = ANY($1::text[])`, [[before.json.poll.id, second.json.poll.id]])).toBe(2);

    // Three minutes on, the scheduled open of the next poll: past the window, the alert goes again.
    await openByJob(later.json.poll.id, new Date(clock.now().getTime() + 3 * MINUTE));
    const third = (await t.connector.waitForActivities(3, meeting.chatId))[2]!;
    expect(pollIdOf(third)).toBe(later.json.poll.id);
    expect(notificationOf(third)?.alertInMeeting).toBe(true);
    expect(new URL(notificationOf(third)!.externalResourceUrl).searchParams.get('url')).toContain(`poll=${later.json.poll.id}`);

    // One minute after that one: inside the window again.
    await openByJob(soonAfter.json.poll.id, new Date(clock.now().getTime() + MINUTE));
    const fourth = (await t.connector.waitForActivities(4, meeting.chatId))[3]!;
    expect(pollIdOf(fourth)).toBe(soonAfter.json.poll.id);
    expect(notificationOf(fourth)).toBeUndefined();
    expect(await count('meeting_notification WHERE meeting_id = $1', [meeting.meetingId])).toBe(2);
  });

  it.skipIf(skipKind(kind))('announces a samling poll made open at once in its running meeting, and its after-poll, with one alert', async () => {
    const meeting = newMeeting(t.connector.url, ingrid.aadObjectId);
    const item = await samling(meeting);
    expect((await t.post('/api/messages', meetingStart(meeting, item.title, clock.now()))).status).toBe(200);
    expect(t.connector.sentActivities(meeting.chatId)).toHaveLength(0);

    const open = await createPoll({ question: 'Hva håper du å få ut av dagen?', planItemId: item.id });
    expect(open.status).toBe(201);
    expect(open.json.poll.status).toBe('apen');
    const [first] = await t.connector.waitForActivities(1, meeting.chatId);
    expect(pollIdOf(first!)).toBe(open.json.poll.id);
    expect(notificationOf(first!)?.alertInMeeting).toBe(true);

    // «Gjenta som etter-måling» a minute later: the after-poll's card too, inside the window without the alert.
    clock.set(new Date(clock.now().getTime() + MINUTE));
    const after = await t.post(`/api/networks/${networkId}/polls/${open.json.poll.id}/repeat`, {}, as(ingrid));
    expect(after.status).toBe(201);
    const second = (await t.connector.waitForActivities(2, meeting.chatId))[1]!;
    expect(pollIdOf(second)).toBe(after.json.poll.id);
    expect(notificationOf(second)).toBeUndefined();
    expect(await count('meeting_notification WHERE meeting_id = $1', [meeting.meetingId])).toBe(1);
  });

  it.skipIf(skipKind(kind))('gives a meeting it does not know nothing, and keeps nothing of it', async () => {
    const known = newMeeting(t.connector.url, ingrid.aadObjectId);
    const item = await samling(known);
    const waiting = await createPoll({ question: 'Venter på riktig møte?', planItemId: item.id, opensAtMeetingStart: true });
    expect(waiting.status).toBe(201);

    const other = newMeeting(t.connector.url, ingrid.aadObjectId);
    expect((await t.post('/api/messages', meetingStart(other, 'Avdelingsmøte', clock.now()))).status).toBe(200);
    expect(t.connector.sentActivities(other.chatId)).toHaveLength(0);
    expect(await count('meeting WHERE meeting_id = $1', [other.meetingId])).toBe(0);
    expect(await count('conversation_ref WHERE conversation_id = $1', [other.chatId])).toBe(0);
    expect(await count('poll WHERE id = $1 AND opens_at > $2', [waiting.json.poll.id, clock.now().toISOString()])).toBe(1);
  });

  it.skipIf(skipKind(kind))('refuses «open at the meeting start» without a plan item, naming the field as the form does', async () => {
    const res = await createPoll({ question: 'Uten samling?', opensAtMeetingStart: true });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('opensAtMeetingStart');
    expect(res.json.error.message).toContain('«Åpne når Teams-møtet starter»');
    const en = await t.post(`/api/networks/${networkId}/polls`, { question: 'No session?', kind: 'fritekst', opensAtMeetingStart: true }, { ...as(ingrid), 'x-samlingspunkt-locale': 'en' });
    expect(en.status).toBe(400);
    expect(en.json.error.message).toContain('“Open when the Teams meeting starts”');
    const wrongType = await createPoll({ question: 'Feil type?', opensAtMeetingStart: 'ja' });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.json.error)).toContain('Åpne når Teams-møtet starter');
  });

  it.skipIf(skipKind(kind))('holds the limit in the database: one in the window, six an hour, and one of two claims at the same moment', async () => {
    const meeting = newMeeting(t.connector.url, ingrid.aadObjectId);
    const item = (await t.app.db.query<{ id: string }>(`SELECT id FROM plan_item WHERE network_id = $1 ORDER BY id LIMIT 1`, [networkId])).rows[0]!;
    await t.app.db.query(`INSERT INTO meeting (meeting_id, plan_item_id, network_id, chat_id) VALUES ($1, $2, $3, $4)`, [meeting.meetingId, item.id, networkId, meeting.chatId]);
    // Not tied to the samling: an open poll of it would be announced, and take a slot, at the real now.
    const poll = (await createPoll({ question: 'Grense?' })).json.poll.id as string;
    const start = Date.parse('2026-12-03T12:00:00Z');
    const at = (minutes: number) => new Date(start + minutes * MINUTE);
    const claim = (minutes: number) => claimNotificationSlot(t.app.db, meeting.meetingId, poll, at(minutes), NOTIFICATION_LIMITS);

    expect((await Promise.all([claim(0), claim(0)])).sort()).toEqual([false, true]);
    expect(await claim(1)).toBe(false);
    // Every 2.5 minutes: past the gap each time, until the hour holds six.
    const results = [];
    for (const m of [2.5, 5, 7.5, 10, 12.5, 15]) results.push(await claim(m));
    expect(results).toEqual([true, true, true, true, true, false]);
    // An hour after the first, its slot is free again.
    expect(await claim(60.5)).toBe(true);
  });
});
