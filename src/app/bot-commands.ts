import { helpCard } from '../network/cards/welcome.js';
import { teamCommands } from '../network/bot/team-commands.js';
import { planCommands } from '../plan/bot/commands.js';
import { focusCommands } from '../reflections/bot/focus-commands.js';
import { mellomarbeidCommands } from '../mellomarbeid/bot/commands.js';
import { pollCommands } from '../polls/bot/commands.js';
import { reflectionCommands } from '../reflections/bot/commands.js';
import { reminderCommands } from '../reminders/bot/commands.js';
import { sendCard } from '../shared/bot/reply.js';
import type { Command, CommandContext } from '../shared/bot/routes.js';
import type { AppBotDeps } from './bot-deps.js';

async function showHelp(ctx: CommandContext): Promise<void> {
  await sendCard(ctx, helpCard(helpEntries()));
}

/** Every typed command, in the order help lists them. */
export const commandTable: readonly Command<AppBotDeps>[] = [
  { verb: 'hjelp', aliases: ['hjelp', 'help', '?'], description: 'Vis hva jeg kan hjelpe med', audience: 'anyone', run: showHelp },
  ...planCommands,
  ...teamCommands,
  ...reflectionCommands,
  ...mellomarbeidCommands,
  ...focusCommands,
  ...reminderCommands,
  ...pollCommands,
];

export function helpEntries(): { command: string; description: string }[] {
  return commandTable.map((c) => ({ command: c.verb, description: c.description }));
}
