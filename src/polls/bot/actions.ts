/**
 * Card buttons of a poll: answer, own view (also the automatic refresh), close, reopen, send
 * 1:1, repeat, and the two forms. Every payload is signed by the server (verb + poll or
 * network id), so a forged or altered card is refused before anything is read or written.
 */
import { voterOf } from '../voter.js';
import type { AdaptiveCard } from '../../shared/cards/card.js';
import { onboardingCard } from '../../network/cards/onboarding.js';
import { messageCard, refusalCard } from '../../shared/cards/notice.js';
import { POLL_VERBS } from '../cards/poll.js';
import { CREATE_POLL_VERB, pollFormCard, REPEAT_PICK_VERB, type PollFormValues } from '../cards/form.js';
import { networkMunicipalities } from '../../network/sql/members.js';
import { findNetworkById } from '../../network/sql/networks.js';
import { networkParticipants } from '../sql/polls.js';
import { pollPolicy } from '../../shared/policy.js';
import { checkAnswer, pollStatus, type Poll } from '../domain/polls.js';
import type { Network } from '../../shared/types.js';
import { fromForm } from '../input.js';
import { createPoll, closePollNow, reopenPollNow } from '../lifecycle.js';
import { ok, type Result } from '../../shared/result.js';
import { ensureAudience } from '../posting.js';
import type { Voter } from '../service.js';
import { z } from '../../shared/validation.js';
import { cardMessage } from '../../shared/cards/message.js';
import { planItemsForForm } from './commands.js';
import type { CardAction } from '../../shared/bot/routes.js';
import type { PollBotDeps, PollTurn } from './deps.js';
import { t } from '../messages.js';

// Functions, not constants: each is built in the reader's language.
const invalidCard = () => messageCard(t('bot.invalidCardTitle'), t('bot.invalidCardBody'), 'attention');
const gone = () => messageCard(t('bot.goneTitle'), t('bot.goneBody'), 'attention');

const pollData = z.object({
  pollId: z.uuid({ error: () => t('bot.unknownPoll') }),
  sig: z.string({ error: () => t('bot.missingSignature') }).max(100),
});

async function networkOf(ctx: PollTurn, poll: Poll): Promise<Network | undefined> {
  return ctx.network?.id === poll.networkId ? ctx.network : findNetworkById(ctx.deps.db, poll.networkId);
}

/** Verifies the signature and loads the poll and its network; a card to show instead when that fails. */
async function signedPoll(ctx: PollTurn, verb: string, data: z.infer<typeof pollData>): Promise<{ poll: Poll; network: Network } | AdaptiveCard> {
  const keys = await ctx.deps.polls.keys();
  if (!keys.verify(verb, data.pollId, data.sig)) return invalidCard();
  const poll = await ctx.deps.polls.poll(data.pollId);
  if (!poll) return gone();
  const network = await networkOf(ctx, poll);
  return network ? { poll, network } : gone();
}

/** Sentences of a notice, the empty ones left out. */
const sentences = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

const isCard = (v: unknown): v is AdaptiveCard => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'AdaptiveCard';
const conversationIdOf = (ctx: PollTurn) => ctx.turn.activity.conversation.id;
const conversationTypeOf = (ctx: PollTurn) => ctx.turn.activity.conversation.type;

/**
 * The Action.Submit fallback answers with a new message, which everyone in a channel or group
 * chat would see: someone's own answer goes to their 1:1 chat instead, the chat gets a note.
 */
async function ownCard(ctx: PollTurn, card: AdaptiveCard, notice: string): Promise<AdaptiveCard> {
  const { type, conversation, from } = ctx.turn.activity;
  if (type !== 'message' || conversation.type === 'personal') return card;
  const { tenantId } = conversation;
  const { aadObjectId } = from;
  const sent =
    tenantId && aadObjectId
      ? (await ctx.deps.sender.sendToMember(tenantId, aadObjectId, cardMessage(card), { purpose: 'måling' /* i18n-ignore */ })).status === 'sent'
      : false;
  return messageCard(
    notice,
    sent ? t('bot.sentPrivately') : t('bot.askPrivately'),
  );
}

/** Someone in the chat who is not in the network yet: the same registration as everywhere else. */
async function notMemberCard(ctx: PollTurn, network: Network, message: string): Promise<AdaptiveCard> {
  if (ctx.actor.coordinatorRegionIds.includes(network.regionId)) return messageCard(t('bot.cannotAnswer'), message, 'attention');
  const municipalities = await networkMunicipalities(ctx.deps.db, network.id);
  return onboardingCard(network, municipalities, t('bot.registerFirst'));
}

const voteAction: CardAction<z.infer<typeof pollData> & { svar?: unknown }, PollBotDeps> = {
  verb: POLL_VERBS.vote,
  schema: pollData.extend({ svar: z.unknown().optional() }),
  async run(ctx, data) {
    const found = await signedPoll(ctx, POLL_VERBS.vote, data);
    if (isCard(found)) return found;
    const { poll, network } = found;
    const polls = ctx.deps.polls;
    const decision = pollPolicy.vote(ctx.actor, network);
    if (!decision.allowed) return notMemberCard(ctx, network, decision.message);
    const voter = voterOf(ctx, network.id);
    const view = { viewer: voter, conversationId: conversationIdOf(ctx) };
    const checked = checkAnswer(poll, data.svar);
    if (!checked.ok) return polls.card(poll, { ...view, notice: { text: t('bot.answerRefused', { reason: checked.error.message }), tone: 'attention' } });
    if (conversationTypeOf(ctx) !== 'personal') await ensureAudience(polls, ctx.turn, poll.id);
    const { outcome, tally } = await polls.vote(poll, voter, checked.value);
    if (outcome === 'ikke-apen') {
      polls.changed(poll.id);
      const fresh = (await polls.poll(poll.id)) ?? poll;
      const text =
        pollStatus(fresh, polls.now()) === 'planlagt'
          ? t('bot.notOpenYet')
          : t('bot.closedNotSaved');
      return polls.card(fresh, { ...view, notice: { text, tone: 'attention' } });
    }
    const text =
      outcome === 'ny' ? t('bot.saved') : outcome === 'endret' ? t('bot.changed') : t('bot.unchanged');
    return ownCard(ctx, await polls.card(poll, { ...view, answer: checked.value, tally, notice: { text, tone: 'good' } }), text);
  },
};

/** «Vis mitt svar / resultater», and the automatic refresh (trigger 'automatic') of a user-specific view. */
const showAction: CardAction<z.infer<typeof pollData>, PollBotDeps> = {
  verb: POLL_VERBS.show,
  schema: pollData,
  async run(ctx, data) {
    const found = await signedPoll(ctx, POLL_VERBS.show, data);
    if (isCard(found)) return found;
    const { poll, network } = found;
    const polls = ctx.deps.polls;
    const conversationId = conversationIdOf(ctx);
    if (conversationTypeOf(ctx) !== 'personal') await ensureAudience(polls, ctx.turn, poll.id);
    const decision = pollPolicy.readResults(ctx.actor, network);
    if (!decision.allowed) {
      // Someone outside the network sees the shared card, never anyone's answer.
      const automatic = (ctx.turn.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
      if (automatic) return polls.card(poll, { conversationId });
      return notMemberCard(ctx, network, decision.message);
    }
    return ownCard(ctx, await polls.card(poll, { viewer: voterOf(ctx, network.id), conversationId }), t('bot.yourAnswer'));
  },
};

function managed(verb: string, run: (ctx: PollTurn, poll: Poll, network: Network) => Promise<AdaptiveCard>): CardAction<z.infer<typeof pollData>, PollBotDeps> {
  return {
    verb,
    schema: pollData,
    async run(ctx, data) {
      const found = await signedPoll(ctx, verb, data);
      if (isCard(found)) return found;
      const decision = pollPolicy.managePolls(ctx.actor, found.network);
      if (!decision.allowed) return messageCard(t('bot.notAllowed'), decision.message, 'attention');
      return run(ctx, found.poll, found.network);
    },
  };
}

const ownView = (ctx: PollTurn, poll: Poll, network: Network, text: string, tone: 'good' | 'attention' = 'good') =>
  ctx.deps.polls.card(poll, { viewer: voterOf(ctx, network.id), conversationId: conversationIdOf(ctx), notice: { text, tone } });

const closeAction = managed(POLL_VERBS.close, async (ctx, poll, network) => {
  const polls = ctx.deps.polls;
  const closed = pollStatus(poll, polls.now()) !== 'lukket' && (await closePollNow(polls, network, ctx.actor, poll));
  const fresh = (await polls.poll(poll.id)) ?? poll;
  return ownView(ctx, fresh, network, closed ? t('bot.closed') : t('bot.alreadyClosed'));
});

const reopenAction = managed(POLL_VERBS.reopen, async (ctx, poll, network) => {
  const polls = ctx.deps.polls;
  if (pollStatus(poll, polls.now()) !== 'lukket') return ownView(ctx, poll, network, t('bot.alreadyOpen'));
  await reopenPollNow(polls, polls.jobs, network, ctx.actor, poll);
  const fresh = (await polls.poll(poll.id)) ?? poll;
  return ownView(ctx, fresh, network, t('bot.reopened'));
});

const sendAllAction = managed(POLL_VERBS.sendAll, async (ctx, poll, network) => {
  const polls = ctx.deps.polls;
  if (pollStatus(poll, polls.now()) === 'lukket') return ownView(ctx, poll, network, t('bot.closedNotSent'), 'attention');
  const people = await networkParticipants(ctx.deps.db, network.id);
  if (!polls.jobs) return ownView(ctx, poll, network, t('bot.sendUnavailable'), 'attention');
  await polls.jobs.sendToAll(poll);
  return ownView(ctx, poll, network, t('bot.sending', { participants: t('participants', { count: people.length }) }));
});

async function repeatInto(ctx: PollTurn, before: Poll, network: Network): Promise<Result<{ closedBefore: boolean }>> {
  const created = await createPoll(ctx.deps.polls, ctx.deps.polls.jobs, {
      network,
      actor: ctx.actor,
      definition: before,
      planItemId: null,
      repeatOf: before,
      opensAt: null,
      closesAt: null,
      sendToAll: false,
      targets: [{ conversationId: conversationIdOf(ctx), conversationType: conversationTypeOf(ctx), turn: ctx.turn, viewer: voterOf(ctx, network.id) }],
    });
  return created.ok ? ok({ closedBefore: created.value.closedBefore }) : created;
}

const repeatAction = managed(POLL_VERBS.repeat, async (ctx, poll, network) => {
  const result = await repeatInto(ctx, poll, network);
  const fresh = (await ctx.deps.polls.poll(poll.id)) ?? poll;
  if (!result.ok) return ownView(ctx, fresh, network, result.error.message, 'attention');
  return ownView(
    ctx,
    fresh,
    network,
    sentences(t('bot.repeatedHere'), result.value.closedBefore ? t('bot.beforeClosedNotMixed') : ''),
  );
});

const networkData = z.object({
  networkId: z.uuid({ error: () => t('bot.unknownNetwork') }),
  sig: z.string({ error: () => t('bot.missingSignature') }).max(100),
});

async function signedNetwork(ctx: PollTurn, verb: string, data: z.infer<typeof networkData>): Promise<Network | AdaptiveCard> {
  const keys = await ctx.deps.polls.keys();
  if (!keys.verify(verb, data.networkId, data.sig)) return invalidCard();
  const network = ctx.network?.id === data.networkId ? ctx.network : await findNetworkById(ctx.deps.db, data.networkId);
  if (!network) return messageCard(t('bot.networkGoneTitle'), t('bot.networkGoneBody'), 'attention');
  const decision = pollPolicy.managePolls(ctx.actor, network);
  return decision.allowed ? network : messageCard(t('bot.notAllowed'), decision.message, 'attention');
}

const repeatPickedAction: CardAction<z.infer<typeof networkData> & { pollId?: unknown }, PollBotDeps> = {
  verb: REPEAT_PICK_VERB,
  schema: networkData.extend({ pollId: z.unknown().optional() }),
  async run(ctx, data) {
    const network = await signedNetwork(ctx, REPEAT_PICK_VERB, data);
    if (isCard(network)) return network;
    const pollId = z.uuid().safeParse(data.pollId);
    const before = pollId.success ? await ctx.deps.polls.poll(pollId.data) : undefined;
    if (!before || before.networkId !== network.id) return messageCard(t('bot.pickPollTitle'), t('bot.pickPollBody'), 'attention');
    const result = await repeatInto(ctx, before, network);
    if (!result.ok) return refusalCard(result.error, t('bot.cannotRepeat'));
    return messageCard(
      t('bot.repeatPublishedTitle'),
      sentences(t('bot.repeatPublishedBody', { question: before.question }), result.value.closedBefore ? t('bot.beforeClosed') : '', t('bot.compareInTab')),
    );
  },
};

const formFields = [
  'question',
  'kind',
  'options',
  'maxChoices',
  'scaleMinLabel',
  'scaleMaxLabel',
  'anonymous',
  'breakdown',
  'planItemId',
  'opensDate',
  'opensTime',
  'closesDate',
  'closesTime',
  'sendToAll',
] as const;

const createAction: CardAction<z.infer<typeof networkData> & Record<string, unknown>, PollBotDeps> = {
  verb: CREATE_POLL_VERB,
  schema: networkData.catchall(z.unknown()),
  async run(ctx, data) {
    const network = await signedNetwork(ctx, CREATE_POLL_VERB, data);
    if (isCard(network)) return network;
    const values: PollFormValues = {};
    for (const field of formFields) {
      const v = data[field];
      if (typeof v === 'string' || typeof v === 'number') values[field] = String(v).slice(0, 2000);
    }
    const polls = ctx.deps.polls;
    const input = fromForm(values, polls.now());
    const sig = (await polls.keys()).sign(CREATE_POLL_VERB, network.id);
    if (!input.ok) return pollFormCard(network, sig, await planItemsForForm(ctx, network), values, input.error.message);
    const target = { conversationId: conversationIdOf(ctx), conversationType: conversationTypeOf(ctx), turn: ctx.turn, viewer: voterOf(ctx, network.id) };
    const result = await createPoll(polls, polls.jobs, { network, actor: ctx.actor, ...input.value, repeatOf: null, targets: [target] });
    if (!result.ok) return refusalCard(result.error, t('bot.cannotCreate'));
    const created = result.value;
    const when = pollStatus(created.poll, polls.now()) === 'planlagt' ? t('bot.publishedWhenOpen') : t('bot.publishedHere');
    return messageCard(
      t('bot.createdTitle'),
      sentences(t('bot.createdQuestion', { question: created.poll.question }), when, input.value.sendToAll ? t('bot.alsoSentToAll') : '', t('bot.repeatHint')),
    );
  },
};

export const pollActions: CardAction<any, PollBotDeps>[] = [
  voteAction,
  showAction,
  closeAction,
  reopenAction,
  sendAllAction,
  repeatAction,
  repeatPickedAction,
  createAction,
];
