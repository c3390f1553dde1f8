import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card.js';
import type { Actor } from '../policy.js';
import type { Network } from '../types.js';
import type { z } from '../validation.js';
import type { BotDeps } from './deps.js';

/** What every command and card action gets: who is asking, and about which network. */
export interface BotTurn {
  turn: TurnContext;
  deps: BotDeps;
  actor: Actor;
  network: Network | undefined;
}

export interface CommandContext extends BotTurn {
  /** What followed the command word, as typed. */
  args: string;
}

export interface Command {
  verb: string;
  /** Lower-case words that invoke it; Norwegian first, English aliases after. */
  aliases: readonly string[];
  description: string;
  /** Open to anyone (help), or only to people who belong to the turn's network. */
  audience: 'anyone' | 'network';
  run(ctx: CommandContext): Promise<void>;
}

/** A card button's handler: validated data in, the card to show in its place out. */
export interface CardAction<Data> {
  verb: string;
  schema: z.ZodType<Data>;
  run(ctx: BotTurn, data: Data): Promise<AdaptiveCard>;
}

export interface RoutedCommand {
  command: Command;
  args: string;
}

/** Longest alias wins, so a later «ny måling» is not taken for a shorter word. */
export function routeCommand(table: readonly Command[], input: string): RoutedCommand | undefined {
  const normalised = input.toLocaleLowerCase('nb-NO').trim();
  let best: { command: Command; alias: string } | undefined;
  for (const command of table) {
    for (const alias of command.aliases) {
      const matches = normalised === alias || normalised.startsWith(`${alias} `);
      if (matches && (!best || alias.length > best.alias.length)) best = { command, alias };
    }
  }
  if (!best) return undefined;
  return { command: best.command, args: input.trim().slice(best.alias.length).trim() };
}
