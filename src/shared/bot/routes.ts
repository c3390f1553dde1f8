import type { AdaptiveCard } from '../cards/card.js';
import type { Actor } from '../policy.js';
import type { Network } from '../types.js';
import type { z } from '../validation.js';
import type { BotDeps } from './deps.js';
import type { BotTurnIO } from './turn.js';

/**
 * What every command and card action gets: the turn, who is asking, and about which network.
 * `D` is the deps a capability needs beyond BotDeps (see PollBotDeps).
 */
export interface BotTurn<D extends BotDeps = BotDeps> {
  turn: BotTurnIO;
  deps: D;
  actor: Actor;
  network: Network | undefined;
}

export interface CommandContext<D extends BotDeps = BotDeps> extends BotTurn<D> {
  /** What followed the command word, as typed. */
  args: string;
}

export interface Command<D extends BotDeps = BotDeps> {
  verb: string;
  /** Lower-case words that invoke it; Norwegian first, English aliases after. */
  aliases: readonly string[];
  description: string;
  /**
   * How help names it for the reader («help», «mål»), when that differs from `verb`. Read it
   * (and `description`) through a getter, so it is in the language of whoever asks; never
   * spread a command, which would freeze them in the language of the moment.
   */
  readonly word?: string;
  /** Open to anyone (help), or only to people who belong to the turn's network. */
  audience: 'anyone' | 'network';
  run(ctx: CommandContext<D>): Promise<void>;
}

/** A card button's handler: validated data in, the card to show in its place out. */
export interface CardAction<Data, D extends BotDeps = BotDeps> {
  verb: string;
  schema: z.ZodType<Data>;
  run(ctx: BotTurn<D>, data: Data): Promise<AdaptiveCard>;
}

export interface RoutedCommand<C extends Command<any> = Command> {
  command: C;
  args: string;
}

/** Longest alias wins, so a later «ny måling» is not taken for a shorter word. */
export function routeCommand<C extends Command<any>>(table: readonly C[], input: string): RoutedCommand<C> | undefined {
  const normalised = input.toLocaleLowerCase('nb-NO').trim();
  let best: { command: C; alias: string } | undefined;
  for (const command of table) {
    for (const alias of command.aliases) {
      const matches = normalised === alias || normalised.startsWith(`${alias} `);
      if (matches && (!best || alias.length > best.alias.length)) best = { command, alias };
    }
  }
  if (!best) return undefined;
  return { command: best.command, args: input.trim().slice(best.alias.length).trim() };
}
