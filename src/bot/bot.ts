import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { helpCard, welcomeCard } from '../cards/welcome.js';
import { markConversationUninstalled, upsertConversation } from '../db/sql/conversations.js';
import { commandTable, helpEntries } from './commands.js';
import { commandTextOf, storedConversationOf } from './conversation.js';
import type { BotDeps } from './deps.js';
import { networkOfTurn } from './network-of-turn.js';
import { routeCommand } from './routes.js';

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

async function sendWelcome(turn: TurnContext, deps: BotDeps): Promise<void> {
  const network = await networkOfTurn(turn, deps);
  await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(welcomeCard(network?.name))));
}

const onMessage: ActivityHandler = async (turn, deps) => {
  await rememberConversation(turn, deps, false);
  const input = commandTextOf(turn.activity as Activity);
  const routed = routeCommand(commandTable, input);
  if (!routed) {
    await turn.sendActivity(
      MessageFactory.attachment(CardFactory.adaptiveCard(helpCard(helpEntries(), input || undefined))),
    );
    return;
  }
  await routed.command.run({ turn, deps, args: routed.args });
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
  if (added.some((m) => m.id === botId)) await sendWelcome(turn, deps);
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

const onInvoke: ActivityHandler = async (turn) => {
  await turn.sendActivity({
    type: 'invokeResponse',
    value: {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Denne handlingen støttes ikke ennå.',
      },
    },
  });
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
