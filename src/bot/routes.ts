import type { TurnContext } from 'botbuilder';
import type { BotDeps } from './deps.js';

export interface CommandContext {
  turn: TurnContext;
  deps: BotDeps;
  /** What followed the command word, as typed. */
  args: string;
}

export interface Command {
  verb: string;
  /** Lower-case words that invoke it; Norwegian first, English aliases after. */
  aliases: readonly string[];
  description: string;
  run(ctx: CommandContext): Promise<void>;
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
