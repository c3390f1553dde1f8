/**
 * Card buttons of a poll: answer, own view (also the automatic refresh), close, reopen, send
 * 1:1, repeat, and the two forms. Every payload is signed by the server (verb + poll or
 * network id), so a forged or altered card is refused before anything is read or written.
 */
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

const INVALID_CARD = messageCard(
  'Kortet er ikke gyldig',
  'Dette kortet kommer ikke fra Samlingspunkt, eller det er endret. Ingenting ble lagret.',
  'attention',
);
const GONE = messageCard('Målingen finnes ikke', 'Målingen er slettet. Ingenting ble lagret.', 'attention');

const pollData = z.object({ pollId: z.uuid({ error: 'ukjent måling' }), sig: z.string({ error: 'mangler signatur' }).max(100) });

async function networkOf(ctx: PollTurn, poll: Poll): Promise<Network | undefined> {
  return ctx.network?.id === poll.networkId ? ctx.network : findNetworkById(ctx.deps.db, poll.networkId);
}

export function voterOf(ctx: PollTurn, networkId: string): Voter {
  const membership = ctx.actor.memberships.find((m) => m.networkId === networkId);
  return {
    memberId: ctx.actor.memberId,
    tenantId: ctx.actor.tenantId,
    aadObjectId: ctx.actor.aadObjectId,
    municipalityNumber: membership?.municipalityNumber ?? null,
    isFacilitator: membership?.role === 'fasilitator',
  };
}

/** Verifies the signature and loads the poll and its network; a card to show instead when that fails. */
async function signedPoll(ctx: PollTurn, verb: string, data: z.infer<typeof pollData>): Promise<{ poll: Poll; network: Network } | AdaptiveCard> {
  const keys = await ctx.deps.polls.keys();
  if (!keys.verify(verb, data.pollId, data.sig)) return INVALID_CARD;
  const poll = await ctx.deps.polls.poll(data.pollId);
  if (!poll) return GONE;
  const network = await networkOf(ctx, poll);
  return network ? { poll, network } : GONE;
}

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
      ? (await ctx.deps.sender.sendToMember(tenantId, aadObjectId, cardMessage(card), { purpose: 'måling' })).status === 'sent'
      : false;
  return messageCard(
    notice,
    sent
      ? 'Ditt eget svar og resultatene har jeg sendt deg i en personlig chat.'
      : 'Trykk «Vis mitt svar / resultater» på kortet, eller skriv «målinger» til meg i en personlig chat, for å se ditt svar.',
  );
}

/** Someone in the chat who is not in the network yet: the same registration as everywhere else. */
async function notMemberCard(ctx: PollTurn, network: Network, message: string): Promise<AdaptiveCard> {
  if (ctx.actor.coordinatorRegionIds.includes(network.regionId)) return messageCard('Kan ikke svare', message, 'attention');
  const municipalities = await networkMunicipalities(ctx.deps.db, network.id);
  return onboardingCard(network, municipalities, 'Du må registrere deg i nettverket før du kan svare. Svaret ditt ble ikke lagret.');
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
    if (!checked.ok) return polls.card(poll, { ...view, notice: { text: `${checked.error.message} Svaret ble ikke lagret.`, tone: 'attention' } });
    if (conversationTypeOf(ctx) !== 'personal') await ensureAudience(polls, ctx.turn, poll.id);
    const { outcome, seq } = await polls.vote(poll, voter, checked.value);
    if (outcome === 'ikke-apen') {
      polls.changed(poll.id);
      const fresh = (await polls.poll(poll.id)) ?? poll;
      const text =
        pollStatus(fresh, polls.now()) === 'planlagt'
          ? 'Målingen er ikke åpnet ennå. Svaret ditt ble ikke lagret.'
          : 'Målingen er lukket. Svaret ditt ble ikke lagret.';
      return polls.card(fresh, { ...view, notice: { text, tone: 'attention' } });
    }
    const text =
      outcome === 'ny' ? 'Takk! Svaret ditt er lagret.' : outcome === 'endret' ? 'Svaret ditt er endret.' : 'Svaret ditt var allerede registrert.';
    return ownCard(ctx, await polls.card(poll, { ...view, answer: checked.value, minSeq: seq, notice: { text, tone: 'good' } }), text);
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
    return ownCard(ctx, await polls.card(poll, { viewer: voterOf(ctx, network.id), conversationId }), 'Ditt svar');
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
      if (!decision.allowed) return messageCard('Ikke tillatt', decision.message, 'attention');
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
  return ownView(ctx, fresh, network, closed ? 'Målingen er lukket. Resultatene vises nå på kortet for alle.' : 'Målingen var allerede lukket.');
});

const reopenAction = managed(POLL_VERBS.reopen, async (ctx, poll, network) => {
  const polls = ctx.deps.polls;
  if (pollStatus(poll, polls.now()) !== 'lukket') return ownView(ctx, poll, network, 'Målingen er allerede åpen.');
  await reopenPollNow(polls, polls.jobs, network, ctx.actor, poll);
  const fresh = (await polls.poll(poll.id)) ?? poll;
  return ownView(ctx, fresh, network, 'Målingen er åpnet igjen. Svar kan endres til du lukker den.');
});

const sendAllAction = managed(POLL_VERBS.sendAll, async (ctx, poll, network) => {
  const polls = ctx.deps.polls;
  if (pollStatus(poll, polls.now()) === 'lukket') return ownView(ctx, poll, network, 'Målingen er lukket; den sendes ikke ut.', 'attention');
  const people = await networkParticipants(ctx.deps.db, network.id);
  if (!polls.jobs) return ownView(ctx, poll, network, 'Utsending er ikke tilgjengelig akkurat nå. Prøv igjen om litt.', 'attention');
  await polls.jobs.sendToAll(poll);
  return ownView(ctx, poll, network, `Sender målingen 1:1 til ${people.length} deltakere. De som allerede har fått den, får den ikke på nytt.`);
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
    `Ettermålingen er publisert i denne samtalen.${result.value.closedBefore ? ' Førmålingen er lukket, så svarene ikke blandes.' : ''}`,
  );
});

const networkData = z.object({ networkId: z.uuid({ error: 'ukjent nettverk' }), sig: z.string({ error: 'mangler signatur' }).max(100) });

async function signedNetwork(ctx: PollTurn, verb: string, data: z.infer<typeof networkData>): Promise<Network | AdaptiveCard> {
  const keys = await ctx.deps.polls.keys();
  if (!keys.verify(verb, data.networkId, data.sig)) return INVALID_CARD;
  const network = ctx.network?.id === data.networkId ? ctx.network : await findNetworkById(ctx.deps.db, data.networkId);
  if (!network) return messageCard('Fant ikke nettverket', 'Læringsnettverket finnes ikke lenger.', 'attention');
  const decision = pollPolicy.managePolls(ctx.actor, network);
  return decision.allowed ? network : messageCard('Ikke tillatt', decision.message, 'attention');
}

const repeatPickedAction: CardAction<z.infer<typeof networkData> & { pollId?: unknown }, PollBotDeps> = {
  verb: REPEAT_PICK_VERB,
  schema: networkData.extend({ pollId: z.unknown().optional() }),
  async run(ctx, data) {
    const network = await signedNetwork(ctx, REPEAT_PICK_VERB, data);
    if (isCard(network)) return network;
    const pollId = z.uuid().safeParse(data.pollId);
    const before = pollId.success ? await ctx.deps.polls.poll(pollId.data) : undefined;
    if (!before || before.networkId !== network.id) return messageCard('Velg en måling', 'Velg førmålingen fra listen.', 'attention');
    const result = await repeatInto(ctx, before, network);
    if (!result.ok) return refusalCard(result.error, 'Kan ikke gjenta');
    return messageCard(
      'Ettermålingen er publisert',
      `«${before.question}» er publisert på nytt i denne samtalen.${result.value.closedBefore ? ' Førmålingen er lukket.' : ''} Fanen «Målinger» viser før og etter side om side.`,
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
    if (!result.ok) return refusalCard(result.error, 'Kan ikke lage målingen');
    const created = result.value;
    const when = pollStatus(created.poll, polls.now()) === 'planlagt' ? 'Den publiseres her når den åpner.' : 'Den er publisert i denne samtalen.';
    return messageCard(
      'Målingen er opprettet',
      `«${created.poll.question}». ${when}${input.value.sendToAll ? ' Den sendes også 1:1 til alle deltakerne.' : ''} Skriv «gjenta måling» for å spørre det samme igjen senere.`,
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
