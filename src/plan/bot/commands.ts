import { planCard } from '../cards/plan.js';
import { planForNetwork } from '../sql/plan.js';
import { networkChannelId } from '../sql/channel.js';
import { planItemTabLink } from '../deep-link.js';
import { policy } from '../../shared/policy.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { Command, CommandContext } from '../../shared/bot/routes.js';
import type { PlanBotDeps } from './deps.js';
import { t } from '../messages.js';

/** The channel for a deep link: this one, when «plan» was asked in a channel; else the network's. */
async function channelOf(ctx: CommandContext<PlanBotDeps>): Promise<string | undefined> {
  const { conversation } = ctx.turn.activity;
  // A channel conversation's id carries the thread («19:…@thread.tacv2;messageid=…»): the channel is before «;».
  if (conversation.type === 'channel') return conversation.id.split(';')[0];
  return networkChannelId(ctx.deps.db, ctx.network!.id);
}

/** «plan»: the network's activity plan; a facilitator also gets «Åpne i fanen» on each item. */
async function showPlan(ctx: CommandContext<PlanBotDeps>): Promise<void> {
  const network = ctx.network!;
  const items = await planForNetwork(ctx.deps.db, network.id);
  const appId = ctx.deps.teamsAppId;
  let openInTab: ((itemId: string) => string) | undefined;
  if (appId && policy.editNetwork(ctx.actor, network).allowed) {
    const channelId = await channelOf(ctx);
    openInTab = (itemId) => planItemTabLink(appId, network.id, itemId, channelId);
  }
  // In a channel or group chat everyone sees it in the asker's language (the turn's scope).
  await sendCard(ctx, planCard(network, items, ctx.deps.now(), { openInTab }));
}

export const planCommands: readonly Command<PlanBotDeps>[] = [
  {
    verb: 'plan',
    // «plan», «aktivitetsplan(en)» are the same in bokmål and nynorsk.
    aliases: ['plan', 'aktivitetsplan', 'aktivitetsplanen', 'activity plan', 'schedule'],
    get description() {
      return t('command.description');
    },
    audience: 'network',
    run: showPlan,
  },
];
