/**
 * The samling's Teams meeting, replayed over /api/messages in the shapes Teams sends (issue 14):
 * start ties the meeting to the plan item whose Teams link names it; joins and leaves are kept
 * while it runs; the end closes the item's open polls, records the deltakere present as
 * attendance (source «meeting») and posts a summary in the meeting chat. Unknown meetings are
 * ignored, and a retried end does nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { ingrid, kari, ola, stranger } from './helpers/people.js';
import { cardOf, channel, createViaBot } from './helpers/polls.js';
import { meetingEnd, meetingStart, newMeeting, participantsJoin, participantsLeave } from './helpers/meeting-events.js';

describe.each(databaseKinds)('Teams meeting events on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  const count = async (sql: string, params: unknown[]) => (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
  const texts = (activity: Record<string, any>) => JSON.stringify(cardOf(activity));

  /** A demo samling happening now, with this meeting's Teams link (setup, not under test). */
  async function samlingNow(joinUrl: string): Promise<{ id: string; title: string }> {
    const { rows } = await t.app.db.query<{ id: string; title: string }>(
      `UPDATE plan_item SET starts_at = now() - interval '90 minutes', ends_at = now() + interval '30 minutes', meeting_url = $2
        WHERE id = (SELECT id FROM plan_item WHERE network_id = $1 AND kind = 'samling' ORDER BY starts_at LIMIT 1)
        RETURNING id, title`,
      [networkId, joinUrl],
    );
    return rows[0]!;
  }

  it.skipIf(skipKind(kind))('ties the meeting to its samling, records who was there at the end, closes its poll and posts a summary', async () => {
    const meeting = newMeeting(t.connector.url, ingrid.aadObjectId);
    const item = await samlingNow(meeting.joinUrl);
    const poll = await createViaBot(t, channel(t, `meeting-poll-${kind}`), { question: 'Hvor trygg er du på velferdsteknologi?', kind: 'enkeltvalg', options: 'Lite\nNoe\nMye', planItemId: item.id });

    expect((await t.post('/api/messages', meetingStart(meeting, item.title, new Date()))).status).toBe(200);
    const started = await t.app.db.query<{ plan_item_id: string; chat_id: string }>(`SELECT plan_item_id, chat_id FROM meeting WHERE meeting_id = $1`, [meeting.meetingId]);
    expect(started.rows).toEqual([{ plan_item_id: item.id, chat_id: meeting.chatId }]);

    const people = [kari, ola, ingrid, stranger].map((p) => ({ aadObjectId: p.aadObjectId.toUpperCase(), name: p.displayName }));
    expect((await t.post('/api/messages', participantsJoin(meeting, people))).status).toBe(200);
    expect((await t.post('/api/messages', participantsLeave(meeting, people.slice(1, 2)))).status).toBe(200);
    expect(await count('meeting_participant WHERE meeting_id = $1', [meeting.meetingId])).toBe(4);

    const before = t.connector.sentActivities(meeting.chatId).length;
    expect((await t.post('/api/messages', meetingEnd(meeting, item.title, new Date()))).status).toBe(200);
    const sent = await t.connector.waitForActivities(before + 1, meeting.chatId);
    const summary = texts(sent[before]!);
    expect(summary).toContain(`${item.title} er ferdig`);
    expect(summary).toContain('2 deltakere er registrert som til stede.');
    expect(summary).toContain('Per sektor: Helse og omsorg 1, Plan 1.');
    // The stranger; Ingrid is the facilitator, not counted and not «unknown».
    expect(summary).toContain('1 person i møtet er ikke med i nettverket og ble ikke registrert.');
    // With the demo's «før» poll of Samling 1, which was set to open when the meeting started.
    expect(summary).toContain('2 målinger er lukket: «Hvor trygg er du på velferdsteknologi?», «Hvordan vil Leve hele livet bidra til forandring i din kommune?».');

    const attendance = await t.app.db.query<{ name: string; source: string }>(
      `SELECT m.display_name AS name, a.source FROM attendance a JOIN member m ON m.id = a.member_id WHERE a.plan_item_id = $1 ORDER BY 1`,
      [item.id],
    );
    expect(attendance.rows).toEqual([
      { name: 'Kari Nordmann', source: 'meeting' },
      { name: 'Ola Berg', source: 'meeting' },
    ]);
    expect(await count('poll WHERE id = $1 AND closed_at IS NOT NULL', [poll.pollId])).toBe(1);
    // Who was in the meeting is not kept once it is attendance.
    expect(await count('meeting_participant WHERE meeting_id = $1', [meeting.meetingId])).toBe(0);

    // Teams retries an event it thinks went unanswered: nothing happens twice.
    expect((await t.post('/api/messages', meetingEnd(meeting, item.title, new Date()))).status).toBe(200);
    expect((await t.post('/api/messages', participantsJoin(meeting, people))).status).toBe(200);
    expect(t.connector.sentActivities(meeting.chatId)).toHaveLength(before + 1);
    expect(await count('attendance WHERE plan_item_id = $1', [item.id])).toBe(2);
    expect(await count('meeting_participant WHERE meeting_id = $1', [meeting.meetingId])).toBe(0);
  });

  it.skipIf(skipKind(kind))('ignores the events of a meeting that is no samling, and events it cannot read', async () => {
    const meeting = newMeeting(t.connector.url, ingrid.aadObjectId);
    const events = [
      meetingStart(meeting, 'Avdelingsmøte', new Date()),
      participantsJoin(meeting, [{ aadObjectId: kari.aadObjectId, name: kari.displayName }]),
      meetingEnd(meeting, 'Avdelingsmøte', new Date()),
      { ...meetingEnd(meeting, 'Avdelingsmøte', new Date()), value: { Id: 42 } },
      { ...meetingStart(meeting, 'Ukjent', new Date()), name: `application/vnd.microsoft.${randomUUID()}` },
    ];
    for (const e of events) expect((await t.post('/api/messages', e)).status).toBe(200);
    expect(await count('meeting WHERE meeting_id = $1', [meeting.meetingId])).toBe(0);
    expect(t.connector.sentActivities(meeting.chatId)).toHaveLength(0);
  });
});
