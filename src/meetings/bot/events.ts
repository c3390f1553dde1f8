/**
 * The samling's Teams meeting as the bot hears it: start, end, and who joins and leaves.
 * Events for meetings the app cannot tie to a plan item are ignored quietly: the app may be in
 * many meetings that are not samlinger. Teams retries an event it got no answer to in time, so
 * every step here can run twice without doing anything twice.
 */
import type { z } from 'zod';
import { recordMeetingAttendance } from '../../attendance/record.js';
import { attendanceOfItem } from '../../attendance/sql/attendance.js';
import { findNetworkById } from '../../network/sql/networks.js';
import { findPlanItem } from '../../plan/sql/plan.js';
import { closePollsOfMeeting, openPollsOfMeetingStart } from '../../polls/lifecycle.js';
import { upsertConversation } from '../../shared/sql/conversations.js';
import type { PollTurn } from '../../polls/bot/deps.js';
import { sendCard } from '../../shared/bot/reply.js';
import { sectors, type Sector } from '../../shared/types.js';
import { meetingSummaryCard } from '../cards/summary.js';
import { meetingThreadOf } from '../domain/join-url.js';
import { MEETING_END, MEETING_START, PARTICIPANT_JOIN, PARTICIPANT_LEAVE, meetingEndValue, meetingStartValue, participantsValue } from '../input.js';
import { findMeeting, forgetParticipants, itemsWithLinksAround, participantsJoined, participantsLeft, rememberMeeting, staysUntil, type KnownMeeting } from '../sql/meetings.js';

export const MEETING_EVENTS = [MEETING_START, MEETING_END, PARTICIPANT_JOIN, PARTICIPANT_LEAVE] as const;

/** The plan item whose Teams link names this meeting's chat thread (the nearest in time). */
async function linkedMeeting(ctx: PollTurn, meetingId: string, joinUrl: string | undefined, at: Date, startedAt?: Date): Promise<KnownMeeting | undefined> {
  const known = await findMeeting(ctx.deps.db, meetingId);
  if (known) return known.startedAt || !startedAt ? known : remembered(ctx, { ...known, startedAt });
  const chatId = ctx.turn.activity.conversation.id;
  const thread = meetingThreadOf(joinUrl) ?? meetingThreadOf(chatId);
  if (!thread) return undefined;
  const item = (await itemsWithLinksAround(ctx.deps.db, at)).find((i) => meetingThreadOf(i.meetingUrl) === thread);
  if (!item) return undefined;
  return remembered(ctx, { meetingId, planItemId: item.planItemId, networkId: item.networkId, chatId, startedAt });
}

/**
 * The meeting as first seen or started, and its chat as a conversation the app can post in later
 * (a poll opened from the tab or by a job has no turn in it). Only a samling's chat is stored:
 * the app keeps nothing of meetings that are none of its business.
 */
async function remembered(ctx: PollTurn, m: Parameters<typeof rememberMeeting>[1]): Promise<KnownMeeting> {
  const meeting = await rememberMeeting(ctx.deps.db, m);
  if (ctx.turn.activity.conversation.id === meeting.chatId) await upsertConversation(ctx.deps.db, ctx.turn.storedConversation());
  return meeting;
}

function parsed<T extends z.ZodType>(schema: T, value: unknown, ctx: PollTurn): z.infer<T> | undefined {
  const checked = schema.safeParse(value);
  if (!checked.success) ctx.deps.log.warn({ name: ctx.turn.activity.name, issues: checked.error.issues.map((i) => i.path.join('.')) }, 'Møtehendelse med ukjent innhold');
  return checked.success ? checked.data : undefined;
}

export async function onMeetingEvent(ctx: PollTurn): Promise<void> {
  const { name, value, meetingId: channelMeetingId } = ctx.turn.activity;
  const now = ctx.deps.now();
  if (name === MEETING_START) {
    const v = parsed(meetingStartValue, value, ctx);
    if (!v) return;
    const startedAt = new Date(v.StartTime);
    const meeting = await linkedMeeting(ctx, channelMeetingId ?? v.Id, v.JoinUrl, startedAt, startedAt);
    if (!meeting || meeting.endedAt) return;
    await startMeeting(ctx, meeting);
    return;
  }
  if (name === MEETING_END) {
    const v = parsed(meetingEndValue, value, ctx);
    if (!v) return;
    const meeting = await linkedMeeting(ctx, channelMeetingId ?? v.Id, v.JoinUrl, new Date(v.EndTime));
    if (!meeting) return;
    // A retried end event finds the meeting ended: nothing is recorded or posted twice.
    if (meeting.endedAt) return;
    await endMeeting(ctx, meeting, new Date(v.EndTime));
    return;
  }
  if (name === PARTICIPANT_JOIN || name === PARTICIPANT_LEAVE) {
    const v = parsed(participantsValue, value, ctx);
    if (!v || !channelMeetingId) return;
    const meeting = await linkedMeeting(ctx, channelMeetingId, undefined, now);
    if (!meeting || meeting.endedAt) return;
    const people = v.members.flatMap((m) => (m.user.aadObjectId ? [{ aadObjectId: m.user.aadObjectId, displayName: m.user.name ?? null }] : []));
    if (name === PARTICIPANT_JOIN) await participantsJoined(ctx.deps.db, meeting.meetingId, people, now);
    else await participantsLeft(ctx.deps.db, meeting.meetingId, people.map((p) => p.aadObjectId), now);
  }
}

/**
 * The polls the facilitator set to open at the start open now, audited under the person whose
 * meeting it is (or «Teams-møtet»), each posted to the meeting chat with the in-meeting
 * notification as the limit allows (src/meetings/notify.ts). A retried start event finds them
 * open already: nothing opens or posts twice.
 */
async function startMeeting(ctx: PollTurn, meeting: KnownMeeting): Promise<void> {
  const network = await findNetworkById(ctx.deps.db, meeting.networkId);
  if (!network) return;
  const polls = ctx.deps.polls;
  const opened = await openPollsOfMeetingStart(polls, polls.jobs, network, ctx.actor.memberId ? ctx.actor : null, meeting.planItemId);
  if (opened.length > 0) ctx.deps.log.info({ meetingId: meeting.meetingId, polls: opened.map((o) => ({ pollId: o.poll.id, ...o.announced })) }, 'Målinger åpnet da møtet startet');
}

async function endMeeting(ctx: PollTurn, meeting: KnownMeeting, endedAt: Date): Promise<void> {
  const { db } = ctx.deps;
  const network = await findNetworkById(db, meeting.networkId);
  if (!network) return;
  // Written in one transaction with the meeting's end, so a retried event finds it done.
  const recorded = await db.transaction(async (tx) => {
    const stays = await staysUntil(tx, meeting.meetingId, endedAt);
    const result = await recordMeetingAttendance(tx, {
      networkId: meeting.networkId,
      planItemId: meeting.planItemId,
      participants: stays,
      now: endedAt,
    });
    await forgetParticipants(tx, meeting.meetingId);
    await rememberMeeting(tx, { ...meeting, endedAt });
    return result;
  });
  const closed = await closePollsOfMeeting(ctx.deps.polls, network, ctx.actor.memberId ? ctx.actor : null, meeting.planItemId);
  const rows = recorded.ok ? await attendanceOfItem(db, meeting.networkId, meeting.planItemId) : [];
  const counts = new Map<Sector, number>();
  for (const r of rows) counts.set(r.sector, (counts.get(r.sector) ?? 0) + 1);
  const item = await findPlanItem(db, meeting.networkId, meeting.planItemId);
  await sendCard(
    ctx,
    meetingSummaryCard({
      title: item?.title ?? network.name,
      attendance: recorded.ok
        ? { bySector: sectors.filter((s) => counts.has(s)).map((s) => ({ sector: s, count: counts.get(s)! })), others: recorded.value.unknown }
        : { refused: recorded.error.message },
      closedPolls: closed.map((p) => p.question),
    }),
  );
}
