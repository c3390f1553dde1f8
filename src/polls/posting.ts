/**
 * Getting a poll's card into Teams: into the conversation a command was typed in, into a
 * stored channel (from the tab or when a scheduled poll opens), and 1:1 to every deltaker.
 */
import { findPersonalTarget } from '../shared/sql/proactive.js';
import { postsOf, savePost, setPostAudience, type PollPost, type PostAudience } from './sql/posts.js';
import { networkParticipants } from './sql/polls.js';
import { findConversation } from '../shared/sql/conversations.js';
import type { Poll } from './domain/polls.js';
import { MAX_REFRESH_USERS } from './cards/poll.js';
import { cardMessage } from '../shared/cards/message.js';
import type { BotTurnIO } from '../shared/bot/turn.js';
import type { PollService, Voter } from './service.js';
import { localesOfMembers } from '../identity/locale.js';
import { currentLocale, inLocale } from '../platform/i18n/context.js';
import { DEFAULT_LOCALE } from '../platform/i18n/locale.js';

export interface PostTarget {
  conversationId: string;
  conversationType: PollPost['conversationType'];
  /** Present when posting from a bot turn in that very conversation. */
  turn?: BotTurnIO;
  /** In a personal chat: the person the card is for. */
  viewer?: Voter;
  /** Sent with the card as is: the meeting's in-meeting notification (src/meetings/notify.ts). */
  channelData?: Record<string, unknown>;
}

/**
 * Who is in the conversation: up to 60 people get automatic refresh (their own view), more get
 * the «Vis mitt svar / resultater» button. Read once per post, from a turn in that conversation.
 */
export async function readAudience(turn: BotTurnIO): Promise<{ audience: Exclude<PostAudience, 'ukjent'>; ids: string[] | null }> {
  try {
    const page = await turn.membersPage(MAX_REFRESH_USERS);
    const ids = (page?.members ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string' && id.length > 0);
    if (page?.continuationToken || ids.length === 0 || ids.length > MAX_REFRESH_USERS) return { audience: 'stor', ids: null };
    return { audience: 'liten', ids };
  } catch {
    // No roster (or no right to read it): the button works for everyone.
    return { audience: 'stor', ids: null };
  }
}

const lookups = new Map<string, Promise<void>>();

/**
 * A card posted from the tab or by a job has no roster yet; the first action taken in its
 * conversation reads it. Only the turn that starts the lookup waits for it.
 */
export async function ensureAudience(service: PollService, turn: BotTurnIO, pollId: string): Promise<void> {
  const conversationId = turn.activity.conversation.id;
  const post = await service.postFor(pollId, conversationId);
  if (!post || post.audience !== 'ukjent' || post.conversationType === 'personal') return;
  const key = `${pollId}\n${conversationId}`;
  if (lookups.has(key)) return;
  const lookup = (async () => {
    service.stats.rosterLookups++;
    const { audience, ids } = await readAudience(turn);
    await setPostAudience(service.db, pollId, conversationId, audience, ids);
    service.postsChanged(pollId, true);
  })().finally(() => lookups.delete(key));
  lookups.set(key, lookup);
  await lookup;
}

/** Posts the card now. Returns false when Teams did not take it (recorded by the sender). */
export async function postCard(service: PollService, poll: Poll, target: PostTarget): Promise<boolean> {
  let audience: PostAudience = 'ukjent';
  let ids: string[] | null = null;
  let personalUserId: string | undefined;
  if (target.conversationType === 'personal') {
    personalUserId = target.turn?.activity.from.id ?? (await personalUserIdOf(service, target.conversationId));
    audience = personalUserId ? 'liten' : 'stor';
    ids = personalUserId ? [personalUserId] : null;
  } else if (target.turn) {
    ({ audience, ids } = await readAudience(target.turn));
  }
  // Saved first, so the card's refresh and later updates find it.
  // Built, and later updated, in the current scope's language: the person who posted it (bot
  // turn or tab request), or for a scheduled post the language saved when it was planned.
  const locale = currentLocale();
  await savePost(service.db, { pollId: poll.id, conversationId: target.conversationId, conversationType: target.conversationType, activityId: null, audience, refreshUserIds: ids, locale });
  service.postsChanged(poll.id);
  const card = await service.card(poll, {
    conversationId: target.conversationId,
    // A shared card never carries anyone's view; a 1:1 card is its reader's own.
    ...(target.viewer && target.conversationType === 'personal' ? { viewer: target.viewer, answer: null } : {}),
    ...(personalUserId ? { personalUserId } : {}),
  });
  let activityId: string | undefined;
  const message = { ...cardMessage(card), ...(target.channelData ? { channelData: target.channelData } : {}) };
  if (target.turn) {
    activityId = (await target.turn.reply(message)).id;
  } else {
    const outcome = await service.sender.send(target.conversationId, message, { purpose: 'måling' /* i18n-ignore */ });
    if (outcome.status === 'sent') activityId = outcome.activityId;
  }
  if (!activityId) return false;
  await savePost(service.db, { pollId: poll.id, conversationId: target.conversationId, conversationType: target.conversationType, activityId, audience, refreshUserIds: ids, locale });
  service.postsChanged(poll.id);
  return true;
}

async function personalUserIdOf(service: PollService, conversationId: string): Promise<string | undefined> {
  const stored = await findConversation(service.db, conversationId);
  const user = (stored?.reference as { user?: { id?: unknown } } | undefined)?.user;
  return typeof user?.id === 'string' && user.id.startsWith('29:') ? user.id : undefined;
}

/** A scheduled poll remembers where its card goes; postPending sends it when the poll opens. */
export async function savePendingPost(service: PollService, poll: Poll, target: PostTarget): Promise<void> {
  await savePost(service.db, {
    pollId: poll.id,
    conversationId: target.conversationId,
    conversationType: target.conversationType,
    activityId: null,
    audience: 'ukjent',
    refreshUserIds: null,
    locale: currentLocale(),
  });
  service.postsChanged(poll.id);
}

/** Scheduled polls: the cards recorded at creation go out when the poll opens. */
export async function postPending(service: PollService, poll: Poll): Promise<number> {
  let posted = 0;
  for (const post of await postsOf(service.db, poll.id)) {
    if (post.activityId) continue;
    // A job has no reader: the language of whoever planned the poll.
    if (await inLocale(post.locale ?? DEFAULT_LOCALE, () => postCard(service, poll, { conversationId: post.conversationId, conversationType: post.conversationType }))) posted++;
  }
  return posted;
}

export interface FanOut {
  sent: number;
  alreadySent: number;
  unreachable: number;
  failed: number;
}

/**
 * 1:1 to every deltaker, each with their own view. People who already got it are skipped, so
 * a second press (or a retried job) does not send twice; the sender's limits pace the rest.
 */
export async function sendToAllParticipants(service: PollService, poll: Poll): Promise<FanOut> {
  const result: FanOut = { sent: 0, alreadySent: 0, unreachable: 0, failed: 0 };
  const done = new Set((await postsOf(service.db, poll.id)).filter((p) => p.conversationType === 'personal' && p.activityId).map((p) => p.conversationId));
  const people = await networkParticipants(service.db, poll.networkId);
  // Each recipient's card in their own language (Teams, their choice, their municipality, bokmål).
  const locales = await localesOfMembers(service.db, people.map((p) => p.memberId), poll.networkId);
  for (const person of people) {
    const existing = await findPersonalTarget(service.db, person.tenantId, person.aadObjectId);
    if (existing && done.has(existing.conversationId)) {
      result.alreadySent++;
      continue;
    }
    const viewer: Voter = { memberId: person.memberId, tenantId: person.tenantId, aadObjectId: person.aadObjectId, municipalityNumber: null, isFacilitator: false };
    const userId = (existing?.reference as { user?: { id?: string } } | undefined)?.user?.id;
    const personalUserId = userId?.startsWith('29:') ? userId : undefined;
    const card = await inLocale(locales.get(person.memberId) ?? currentLocale(), () => service.card(poll, { viewer, ...(personalUserId ? { personalUserId } : {}) }));
    const outcome = await service.sender.sendToMember(person.tenantId, person.aadObjectId, cardMessage(card), { purpose: 'måling' /* i18n-ignore */, priority: 7 });
    if (outcome.status === 'sent') {
      result.sent++;
      await savePost(service.db, {
        pollId: poll.id,
        conversationId: outcome.conversationId,
        conversationType: 'personal',
        activityId: outcome.activityId,
        audience: personalUserId ? 'liten' : 'stor',
        refreshUserIds: personalUserId ? [personalUserId] : null,
        locale: locales.get(person.memberId) ?? currentLocale(),
      });
    } else if (outcome.status === 'unreachable' || outcome.status === 'skipped') result.unreachable++;
    else result.failed++;
  }
  service.postsChanged(poll.id);
  return result;
}
