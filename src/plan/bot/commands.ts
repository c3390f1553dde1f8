import { planCard } from '../cards/plan.js';
import { planForNetwork } from '../sql/plan.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { Command, CommandContext } from '../../shared/bot/routes.js';
import { t } from '../messages.js';

/** «plan»: the network's activity plan. */
async function showPlan(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const items = await planForNetwork(ctx.deps.db, network.id);
  // In a channel or group chat everyone sees it in the asker's language (the turn's scope).
  await sendCard(ctx, planCard(network, items, ctx.deps.now()));
}

export const planCommands: readonly Command[] = [
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
