/**
 * Meeting events as Teams sends them to a bot (Teams platform docs, «Get real-time Teams meeting
 * events»: meetingStart / meetingEnd with PascalCase value; participant join/leave with
 * value.members). The docs' start example lacks a comma after JoinUrl; otherwise as printed.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../src/demo/demo.js';
import { BOT_ID } from './activities.js';

export interface MeetingRef {
  serviceUrl: string;
  /** The meeting chat: «19:meeting_…@thread.v2». */
  chatId: string;
  /** channelData.meeting.id, base64 as Teams gives it. */
  meetingId: string;
  joinUrl: string;
  organizerAadObjectId: string;
}

export function newMeeting(serviceUrl: string, organizerAadObjectId: string): MeetingRef {
  const thread = `19:meeting_${randomUUID().replace(/-/g, '').slice(0, 24)}@thread.v2`;
  const context = encodeURIComponent(JSON.stringify({ Tid: DEMO_TENANT_ID, Oid: organizerAadObjectId }));
  return {
    serviceUrl,
    chatId: thread,
    meetingId: Buffer.from(`0#${thread}#0`).toString('base64'),
    // As Outlook writes the link: the thread id percent-encoded, in lower-case escapes.
    joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}/0?context=${context}`,
    organizerAadObjectId,
  };
}

function event(m: MeetingRef, name: string, value: unknown, from = m.organizerAadObjectId) {
  return {
    name,
    type: 'event',
    timestamp: new Date().toISOString(),
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: m.serviceUrl,
    from: { id: `29:${from}`, aadObjectId: from },
    conversation: { isGroup: true, tenantId: DEMO_TENANT_ID, id: m.chatId },
    recipient: { id: BOT_ID, name: 'Samlingspunkt' },
    entities: [{ locale: 'nb-NO', country: 'NO', type: 'clientInfo' }],
    channelData: { tenant: { id: DEMO_TENANT_ID }, source: null, meeting: { id: m.meetingId } },
    value,
    locale: 'nb-NO',
  };
}

export function meetingStart(m: MeetingRef, title: string, at: Date) {
  return event(m, 'application/vnd.microsoft.meetingStart', { MeetingType: 'Scheduled', Title: title, Id: m.meetingId, JoinUrl: m.joinUrl, StartTime: at.toISOString().replace('Z', '1234Z') });
}

export function meetingEnd(m: MeetingRef, title: string, at: Date) {
  return event(m, 'application/vnd.microsoft.meetingEnd', { MeetingType: 'Scheduled', Title: title, Id: m.chatId, JoinUrl: m.joinUrl, EndTime: at.toISOString().replace('Z', '1234Z') });
}

function participants(m: MeetingRef, name: string, people: { aadObjectId: string; name: string }[], inMeeting: boolean) {
  return event(m, name, {
    members: people.map((p) => ({
      user: { tenantId: DEMO_TENANT_ID, objectId: p.aadObjectId, id: `29:${p.aadObjectId}`, name: p.name, aadObjectId: p.aadObjectId, role: 'user' },
      meeting: { inMeeting, role: 'Attendee' },
    })),
  });
}

export const participantsJoin = (m: MeetingRef, people: { aadObjectId: string; name: string }[]) =>
  participants(m, 'application/vnd.microsoft.meetingParticipantJoin', people, true);
export const participantsLeave = (m: MeetingRef, people: { aadObjectId: string; name: string }[]) =>
  participants(m, 'application/vnd.microsoft.meetingParticipantLeave', people, false);
