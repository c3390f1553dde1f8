import type { AdaptiveCard } from '../shared/cards/card.js';
import { messageCard } from '../shared/cards/notice.js';
import { describeInputProblem, describeIssues, findInputProblem } from '../shared/validation.js';
import { mellomarbeidActions } from '../mellomarbeid/bot/commands.js';
import { registerAction } from '../network/bot/onboarding.js';
import { pollActions } from '../polls/bot/actions.js';
import { reflectionActions } from '../reflections/bot/actions.js';
import { reminderActions } from '../reminders/bot/commands.js';
import { setupActions } from '../network/setup/bot.js';
import type { BotTurn, CardAction } from '../shared/bot/routes.js';
import type { AppBotDeps } from './bot-deps.js';
import { t } from './messages.js';

/** verb → handler for every card button; payloads are validated here, at the edge. */
export const cardActions: ReadonlyMap<string, CardAction<any, AppBotDeps>> = new Map([
  [registerAction.verb, registerAction],
  ...[...reflectionActions, ...mellomarbeidActions, ...reminderActions, ...pollActions, ...setupActions].map((a): [string, CardAction<any, AppBotDeps>] => [a.verb, a]),
]);

export async function runCardAction(ctx: BotTurn<AppBotDeps>, verb: unknown, data: unknown): Promise<AdaptiveCard> {
  const action = typeof verb === 'string' ? cardActions.get(verb) : undefined;
  if (!action) return messageCard(t('action.unknownTitle'), t('action.unknownBody'), 'attention');
  // The same text rule as the tab API, over everything the card sent, before any handler reads it.
  const problem = findInputProblem(data);
  if (problem) return messageCard(t('action.failedTitle'), describeInputProblem(problem, t('action.checkForm'), t('action.theCard')), 'attention');
  const parsed = action.schema.safeParse(data);
  if (!parsed.success) return messageCard(t('action.failedTitle'), describeIssues(parsed.error, t('action.checkForm')), 'attention');
  return action.run(ctx, parsed.data);
}
