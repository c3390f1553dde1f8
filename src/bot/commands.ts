import { CardFactory, MessageFactory } from 'botbuilder';
import { helpCard } from '../cards/welcome.js';
import { planCard } from '../cards/plan.js';
import type { AdaptiveCard } from '../cards/card.js';
import { planForNetwork } from '../db/sql/plan.js';
import { networkOfTurn } from './network-of-turn.js';
import type { Command, CommandContext } from './routes.js';

export async function sendCard(ctx: CommandContext, card: AdaptiveCard): Promise<void> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) message.summary = card.fallbackText.split('\n')[0];
  await ctx.turn.sendActivity(message);
}

const NO_NETWORK =
  'Denne samtalen er ikke koblet til et læringsnettverk ennå. Be en fasilitator legge deg til i nettverket, eller bruk meg i nettverkets team.';

async function showPlan(ctx: CommandContext): Promise<void> {
  const network = await networkOfTurn(ctx.turn, ctx.deps);
  if (!network) {
    await ctx.turn.sendActivity(NO_NETWORK);
    return;
  }
  const items = await planForNetwork(ctx.deps.db, network.id);
  await sendCard(ctx, planCard(network, items, ctx.deps.now()));
}

async function showHelp(ctx: CommandContext): Promise<void> {
  await sendCard(ctx, helpCard(helpEntries()));
}

export const commandTable: readonly Command[] = [
  {
    verb: 'hjelp',
    aliases: ['hjelp', 'help', '?'],
    description: 'Vis hva jeg kan hjelpe med',
    run: showHelp,
  },
  {
    verb: 'plan',
    aliases: ['plan', 'aktivitetsplan', 'aktivitetsplanen', 'activity plan'],
    description: 'Vis aktivitetsplanen for nettverket',
    run: showPlan,
  },
];

export function helpEntries(): { command: string; description: string }[] {
  return commandTable.map((c) => ({ command: c.verb, description: c.description }));
}
