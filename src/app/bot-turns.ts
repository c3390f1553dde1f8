/**
 * The bot's dispatcher: each kind of activity to its handler (typed commands and command
 * buttons to the command table, card buttons to the card actions, install and uninstall to
 * conversation storage and the welcome). It sees the neutral turn only (src/shared/bot/turn.ts);
 * src/platform/teams makes that from the SDK's.
 */
import { helpCard, welcomeCard } from '../network/cards/welcome.js';
import { loadActor } from '../identity/sql/actors.js';
import { loadTurnContext } from './sql/turn-context.js';
import type { Network } from '../shared/types.js';
import { markConversationUninstalled, upsertConversation } from '../shared/sql/conversations.js';
import { policy, type Actor } from '../shared/policy.js';
import { runCardAction } from './card-actions.js';
import { commandTable, helpEntries } from './bot-commands.js';
import type { AppBotDeps } from './bot-deps.js';
import { networkOfTurn } from '../network/bot/network-of-turn.js';
import { sendOnboarding } from '../network/bot/onboarding.js';
import { recordTeamMembershipChange } from '../network/bot/roster.js';
import { sendCard } from '../shared/bot/reply.js';
import { routeCommand, type BotTurn } from '../shared/bot/routes.js';
import type { BotTurnIO } from '../shared/bot/turn.js';
import { inLocale } from '../platform/i18n/context.js';
import { localeOfActor } from '../identity/locale.js';
import { saveTeamsLocale } from '../identity/sql/locale.js';
import { t } from './messages.js';
import { noNetworkReply, offerSetupOnInstall } from '../network/setup/bot.js';
import { MEETING_EVENTS, onMeetingEvent } from '../meetings/bot/events.js';

/** What a turn reads before its handler runs: who is asking, and (in a team) the team's network. */
interface TurnStart {
  actor: Actor;
  /** Read with the actor in a team (null: none bound); undefined outside teams. */
  teamNetwork?: Network | null;
}

type ActivityHandler = (turn: BotTurnIO, deps: AppBotDeps, start: TurnStart) => Promise<void>;

// Conversations already stored by this process; a message in a known conversation then
// costs no write. After a restart the first message stores it again (an upsert).
const knownConversations = new Set<string>();

async function rememberConversation(turn: BotTurnIO, deps: AppBotDeps, force: boolean): Promise<void> {
  const id = turn.activity.conversation.id;
  if (!force && knownConversations.has(id)) return;
  await upsertConversation(deps.db, turn.storedConversation());
  knownConversations.add(id);
}

async function turnStart(turn: BotTurnIO, deps: AppBotDeps): Promise<TurnStart> {
  const tenantId = turn.activity.conversation.tenantId ?? '';
  const aadObjectId = turn.activity.from.aadObjectId?.toLowerCase() ?? '';
  const { teamId } = turn.activity.conversation;
  const nobody = (): Actor => ({ memberId: '', tenantId, aadObjectId, displayName: turn.activity.from.name ?? '', memberships: [], coordinatorRegionIds: [] });
  if (teamId) {
    // One round trip for both: on the vote path these were two of a vote's three statements.
    const context = await loadTurnContext(deps.db, tenantId, aadObjectId, teamId);
    return { actor: (tenantId && aadObjectId ? context.actor : undefined) ?? nobody(), teamNetwork: context.teamNetwork ?? null };
  }
  const actor = tenantId && aadObjectId ? await loadActor(deps.db, tenantId, aadObjectId) : undefined;
  return { actor: actor ?? nobody() };
}

async function botTurn(turn: BotTurnIO, deps: AppBotDeps, { actor, teamNetwork }: TurnStart): Promise<BotTurn<AppBotDeps>> {
  return { turn, deps, actor, network: await networkOfTurn(turn, deps, actor, teamNetwork) };
}

const onMessage: ActivityHandler = async (turn, deps, start) => {
  await rememberConversation(turn, deps, false);
  const ctx = await botTurn(turn, deps, start);
  const submitted = turn.activity.value as { verb?: unknown; command?: unknown } | undefined;
  if (submitted && typeof submitted === 'object' && 'verb' in submitted) {
    // Action.Submit fallback from clients without Action.Execute: same table, new message.
    await sendCard(ctx, await runCardAction(ctx, submitted.verb, submitted));
    return;
  }
  // A command button sends its command as plain submit data: typing and pressing share one route.
  const input =
    submitted && typeof submitted === 'object' && typeof submitted.command === 'string'
      ? submitted.command.slice(0, 200)
      : turn.activity.text;
  const routed = routeCommand(commandTable, input);
  if (!routed) {
    await sendCard(ctx, helpCard(helpEntries(), input || undefined));
    return;
  }
  if (routed.command.audience === 'network') {
    if (!ctx.network) {
      // How to set one up, with the form's button for whoever may create one in an unbound team.
      await noNetworkReply(ctx);
      return;
    }
    if (!policy.viewNetwork(ctx.actor, ctx.network).allowed) {
      await sendOnboarding(ctx, ctx.network);
      return;
    }
  }
  await routed.command.run({ ...ctx, args: routed.args });
};

const onConversationUpdate: ActivityHandler = async (turn, deps, start) => {
  const conversationId = turn.activity.conversation.id;
  if (turn.activity.botRemoved) {
    await markConversationUninstalled(deps.db, conversationId);
    knownConversations.delete(conversationId);
    return;
  }
  await rememberConversation(turn, deps, true);
  // People joining or leaving a team: the roster the admin view invites from.
  await recordTeamMembershipChange(deps, turn.activity, deps.now());
  if (turn.activity.botAdded) {
    const ctx = await botTurn(turn, deps, start);
    // A team with no network: the person who added the app gets the set-up form instead.
    if (await offerSetupOnInstall(ctx)) return;
    await sendCard(ctx, welcomeCard(ctx.network?.name));
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

const onInvoke: ActivityHandler = async (turn, deps, start) => {
  if (turn.activity.name !== 'adaptiveCard/action') {
    await turn.invokeResponse({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: t('turn.unsupportedInvoke'),
    });
    return;
  }
  const action = (turn.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const card = await runCardAction(await botTurn(turn, deps, start), action?.verb, action?.data ?? {});
  await turn.invokeResponse({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
};

/** Events: a samling's Teams meeting starting, ending, people joining and leaving (src/meetings). */
const onEvent: ActivityHandler = async (turn, deps, { actor }) => {
  if (!(MEETING_EVENTS as readonly string[]).includes(turn.activity.name ?? '')) return;
  await onMeetingEvent({ turn, deps, actor, network: undefined });
};

const activityHandlers: Partial<Record<string, ActivityHandler>> = {
  message: onMessage,
  conversationUpdate: onConversationUpdate,
  installationUpdate: onInstallationUpdate,
  invoke: onInvoke,
  event: onEvent,
};

/** The turn handler src/platform/teams runs for every authenticated activity. */
export function createTurnLogic(deps: AppBotDeps): (turn: BotTurnIO) => Promise<void> {
  return async (turn) => {
    const handler = activityHandlers[turn.activity.type];
    if (!handler) return;
    const start = await turnStart(turn, deps);
    const { actor } = start;
    const teamsLocale = turn.activity.locale;
    // Remembered for proactive messages, which have no activity to read the language from.
    if (actor.memberId && teamsLocale && teamsLocale !== actor.teamsLocale) await saveTeamsLocale(deps.db, actor.memberId, teamsLocale);
    await inLocale(localeOfActor(actor, teamsLocale), () => handler(turn, deps, start));
  };
}
