import { planCard } from '../cards/plan.js';
import { planForNetwork } from '../sql/plan.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { Command, CommandContext } from '../../shared/bot/routes.js';

/** «plan»: the network's activity plan. */
async function showPlan(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const items = await planForNetwork(ctx.deps.db, network.id);
  await sendCard(ctx, planCard(network, items, ctx.deps.now()));
}

export const planCommands: readonly Command[] = [
  {
    verb: 'plan',
    aliases: ['plan', 'aktivitetsplan', 'aktivitetsplanen', 'activity plan'],
    description: 'Vis aktivitetsplanen for nettverket',
    audience: 'network',
    run: showPlan,
  },
];
