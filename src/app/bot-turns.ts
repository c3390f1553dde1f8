import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../shared/cards/card.js';
import { helpCard, welcomeCard } from '../network/cards/welcome.js';
import { loadActor } from '../identity/sql/actors.js';
import { markConversationUninstalled, upsertConversation } from '../shared/sql/conversations.js';
import { policy, type Actor } from '../shared/policy.js';
import { runCardAction } from './card-actions.js';
import { commandTable, helpEntries, NO_NETWORK } from './bot-commands.js';
import { commandTextOf, storedConversationOf, tenantIdOf } from '../platform/teams/conversation.js';
import type { BotDeps } from '../shared/bot/deps.js';
import { networkOfTurn } from '../network/bot/network-of-turn.js';
import { sendOnboarding } from '../network/bot/onboarding.js';
import { routeCommand, type BotTurn } from '../shared/bot/routes.js';

type ActivityHandler = (turn: TurnContext, deps: BotDeps) => Promise<void>;

// Conversations already stored by this process; a message in a known conversation then
// costs no write. After a restart the first message stores it again (an upsert).
const knownConversations = new Set<string>();

async function rememberConversation(turn: TurnContext, deps: BotDeps, force: boolean): Promise<void> {
  const id = turn.activity.conversation.id;
  if (!force && knownConversations.has(id)) return;
  await upsertConversation(deps.db, storedConversationOf(turn.activity as Activity));
  knownConversations.add(id);
}

async function actorOf(turn: TurnContext, deps: BotDeps): Promise<Actor> {
  const tenantId = tenantIdOf(turn.activity) ?? '';
  const aadObjectId = turn.activity.from?.aadObjectId?.toLowerCase() ?? '';
  const actor = tenantId && aadObjectId ? await loadActor(deps.db, tenantId, aadObjectId) : undefined;
  return actor ?? { memberId: '', tenantId, aadObjectId, displayName: turn.activity.from?.name ?? '', memberships: [], coordinatorRegionIds: [] };
}

async function botTurn(turn: TurnContext, deps: BotDeps): Promise<BotTurn> {
  const actor = await actorOf(turn, deps);
  return { turn, deps, actor, network: await networkOfTurn(turn, deps, actor) };
}

const sendCard = (turn: TurnContext, card: AdaptiveCard) =>
  turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));

const onMessage: ActivityHandler = async (turn, deps) => {
  await rememberConversation(turn, deps, false);
  const ctx = await botTurn(turn, deps);
  const submitted = turn.activity.value as { verb?: unknown; command?: unknown } | undefined;
  if (submitted && typeof submitted === 'object' && 'verb' in submitted) {
    // Action.Submit fallback from clients without Action.Execute: same table, new message.
    await sendCard(turn, await runCardAction(ctx, submitted.verb, submitted));
    return;
  }
  // A command button sends its command as plain submit data: typing and pressing share one route.
  const input =
    submitted && typeof submitted === 'object' && typeof submitted.command === 'string'
      ? submitted.command.slice(0, 200)
      : commandTextOf(turn.activity as Activity);
  const routed = routeCommand(commandTable, input);
  if (!routed) {
    await sendCard(turn, helpCard(helpEntries(), input || undefined));
    return;
  }
  if (routed.command.audience === 'network') {
    if (!ctx.network) {
      await turn.sendActivity(NO_NETWORK);
      return;
    }
    if (!policy.viewNetwork(ctx.actor, ctx.network).allowed) {
      await sendOnboarding(ctx, ctx.network);
      return;
    }
  }
  await routed.command.run({ ...ctx, args: routed.args });
};

const onConversationUpdate: ActivityHandler = async (turn, deps) => {
  const botId = turn.activity.recipient.id;
  const added = turn.activity.membersAdded ?? [];
  const removed = turn.activity.membersRemoved ?? [];
  if (removed.some((m) => m.id === botId)) {
    await markConversationUninstalled(deps.db, turn.activity.conversation.id);
    knownConversations.delete(turn.activity.conversation.id);
    return;
  }
  await rememberConversation(turn, deps, true);
  if (added.some((m) => m.id === botId)) {
    const ctx = await botTurn(turn, deps);
    await sendCard(turn, welcomeCard(ctx.network?.name));
  }
};

const onInstallationUpdate: ActivityHandler = async (turn, deps) => {
  const action = turn.activity.action ?? '';
  if (action.startsWith('remove')) {
    await markConversationUninstalled(deps.db, turn.activity.conversation.id);
    knownConversations.delete(turn.activity.conversation.id);
    return;
  }
  // Teams also sends conversationUpdate on install; the welcome goes out there only.
  await rememberConversation(turn, deps, true);
};

const invokeResponse = (turn: TurnContext, body: unknown) =>
  turn.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });

const onInvoke: ActivityHandler = async (turn, deps) => {
  if (turn.activity.name !== 'adaptiveCard/action') {
    await invokeResponse(turn, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Denne handlingen støttes ikke.',
    });
    return;
  }
  const action = (turn.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const card = await runCardAction(await botTurn(turn, deps), action?.verb, action?.data ?? {});
  await invokeResponse(turn, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
};

const activityHandlers: Partial<Record<string, ActivityHandler>> = {
  message: onMessage,
  conversationUpdate: onConversationUpdate,
  installationUpdate: onInstallationUpdate,
  invoke: onInvoke,
};

export function createTurnLogic(deps: BotDeps): (turn: TurnContext) => Promise<void> {
  return async (turn) => {
    const handler = activityHandlers[turn.activity.type];
    if (handler) await handler(turn, deps);
  };
}
