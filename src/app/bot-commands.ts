import { helpCard } from '../network/cards/welcome.js';
import { teamCommands } from '../network/bot/team-commands.js';
import { languageCommands } from '../identity/bot/language.js';
import { planCommands } from '../plan/bot/commands.js';
import { focusCommands } from '../reflections/bot/focus-commands.js';
import { mellomarbeidCommands } from '../mellomarbeid/bot/commands.js';
import { pollCommands } from '../polls/bot/commands.js';
import { reflectionCommands } from '../reflections/bot/commands.js';
import { reminderCommands } from '../reminders/bot/commands.js';
import { sendCard } from '../shared/bot/reply.js';
import type { Command, CommandContext } from '../shared/bot/routes.js';
import type { AppBotDeps } from './bot-deps.js';
import { t } from './messages.js';

async function showHelp(ctx: CommandContext): Promise<void> {
  await sendCard(ctx, helpCard(helpEntries()));
}

const help: Command<AppBotDeps> = {
  verb: 'hjelp',
  aliases: ['hjelp', 'help', '?'],
  get description() {
    return t('help.description');
  },
  get word() {
    return t('help.word');
  },
  audience: 'anyone',
  run: showHelp,
};

/** Every typed command, in the order help lists them. */
export const commandTable: readonly Command<AppBotDeps>[] = [
  help,
  ...planCommands,
  ...teamCommands,
  ...reflectionCommands,
  ...mellomarbeidCommands,
  ...focusCommands,
  ...reminderCommands,
  ...pollCommands,
  ...languageCommands,
];

export function helpEntries(): { command: string; description: string }[] {
  return commandTable.map((c) => ({ command: c.word ?? c.verb, description: c.description }));
}
