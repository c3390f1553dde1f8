/**
 * What the samling's side panel in the Teams meeting shows (issue 14): the plan item the meeting
 * belongs to, its polls with the caller's own answer, and the caller's reflection task for it.
 * The meeting is found by what the bot has seen of it (its id, its chat), else by the thread id in
 * a plan item's Teams link. A meeting in a network the caller may not see is «not found», the
 * same as a meeting that is no samling: the panel says so, and learns nothing about the network.
 */
import type { Queryable } from '../platform/db/port.js';
import { findNetworkById } from '../network/sql/networks.js';
import { networkMunicipalities } from '../network/sql/members.js';
import { findPlanItem } from '../plan/sql/plan.js';
import { slotsForNetwork } from '../plan/sql/slots.js';
import { planItemDto } from '../plan/api/plan.js';
import { listPolls, type PollSummary } from '../polls/sql/polls.js';
import { pollDto } from '../polls/api/polls.js';
import { voterOf } from '../polls/voter.js';
import type { PollService } from '../polls/service.js';
import { reflectionTasksOfNetwork } from '../reflections/sql/reflections.js';
import { personalReflections } from '../personal/overview.js';
import { policy, pollPolicy, type Actor } from '../shared/policy.js';
import type { Network } from '../shared/types.js';
import { OSLO } from '../shared/time.js';
import type { MeetingPanelResponse, MeetingPoll } from './contract.js';
import { meetingThreadOf } from './domain/join-url.js';
import { findMeeting, type KnownMeeting } from './sql/meetings.js';
import { itemsWithLinkContaining, latestMeetingOfItem, meetingsInChat } from './sql/panel.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

interface Found {
  network: Network;
  planItemId: string;
  meeting: KnownMeeting | null;
}

/** A network the caller may see (archived ones are not found at all). */
async function visibleNetwork(db: Queryable, actor: Actor, networkId: string): Promise<Network | undefined> {
  const network = await findNetworkById(db, networkId);
  return network && policy.viewNetwork(actor, network).allowed ? network : undefined;
}

/** The meeting by its id, else by its chat, else the plan item whose Teams link names the chat's thread. */
async function findSamling(db: Queryable, actor: Actor, chat: string, meetingId: string | null, now: Date): Promise<Found | undefined> {
  const known = meetingId ? await findMeeting(db, meetingId) : undefined;
  const thread = meetingThreadOf(chat);
  const seen = [...(known ? [known] : []), ...(await meetingsInChat(db, thread && thread !== chat ? [chat, thread] : [chat], now))];
  for (const m of seen) {
    const network = await visibleNetwork(db, actor, m.networkId);
    if (network) return { network, planItemId: m.planItemId, meeting: m };
  }
  if (!thread) return undefined;
  // «19:meeting_…@thread.v2»: the «meeting_…» part reads the same in every encoding of a link.
  const needle = thread.slice(thread.indexOf(':') + 1, thread.indexOf('@'));
  for (const item of await itemsWithLinkContaining(db, needle, now)) {
    if (meetingThreadOf(item.meetingUrl) !== thread) continue;
    const network = await visibleNetwork(db, actor, item.networkId);
    if (network) return { network, planItemId: item.planItemId, meeting: (await latestMeetingOfItem(db, item.planItemId)) ?? null };
  }
  return undefined;
}

/** Before-polls in the order they open, each followed by the after-poll that repeats it. */
function inPairs(polls: PollSummary[], planItemId: string): PollSummary[] {
  const own = polls.filter((p) => p.planItemId === planItemId);
  const ids = new Set(own.map((p) => p.id));
  const byOpening = (a: PollSummary, b: PollSummary) => a.opensAt.getTime() - b.opensAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime();
  const firsts = own.filter((p) => !p.repeatOf || !ids.has(p.repeatOf)).sort(byOpening);
  return firsts.flatMap((p) => [p, ...own.filter((a) => a.repeatOf === p.id).sort(byOpening)]);
}

export async function meetingPanel(db: Queryable, polls: PollService, actor: Actor, query: { chat: string; meeting: string | null }, now: Date): Promise<MeetingPanelResponse> {
  const found = await findSamling(db, actor, query.chat, query.meeting, now);
  if (!found) return { found: false };
  const { network, meeting } = found;
  const item = await findPlanItem(db, network.id, found.planItemId);
  if (!item) return { found: false };
  const membership = actor.memberships.find((m) => m.networkId === network.id);

  const namedSlots = (await slotsForNetwork(db, network.id)).filter((s) => s.planItemId === item.id);
  // The caller's own answer: members answer (a coordinator follows from outside and has none).
  const voter = membership ? voterOf({ actor }, network.id) : null;
  const meetingPolls: MeetingPoll[] = [];
  for (const p of inPairs(await listPolls(db, network.id), item.id)) {
    meetingPolls.push({
      poll: pollDto(p, now, { respondents: p.respondents, repeatedBy: p.repeatedBy }),
      myAnswer: voter ? ((await polls.myAnswer(p, voter)) ?? null) : null,
      opensAtMeetingStart: p.opensAtMeetingStart,
      phase: p.repeatOf ? 'etter' : 'for',
    });
  }

  let reflection = null;
  if (policy.answerReflection(actor, network).allowed) {
    const tasks = (await reflectionTasksOfNetwork(db, network.id)).filter((task) => task.planItemId === item.id);
    const municipalityName = (await networkMunicipalities(db, network.id)).find((m) => m.number === membership?.municipalityNumber)?.name ?? null;
    reflection = (await personalReflections(db, actor, network, tasks, municipalityName, now))[0]?.value ?? null;
  }

  return {
    found: true,
    timeZone: OSLO,
    networkId: network.id,
    networkName: network.name,
    role: membership?.role ?? 'koordinator',
    canManage: pollPolicy.managePolls(actor, network).allowed,
    item: planItemDto({ ...item, namedSlots }),
    meeting: meeting ? { meetingId: meeting.meetingId, startedAt: iso(meeting.startedAt), endedAt: iso(meeting.endedAt) } : null,
    polls: meetingPolls,
    reflection,
  };
}
