import { focusCard } from '../cards/focus.js';
import { standingOfNetwork } from '../../focus/sql/focus.js';
import { reflectionTasksOfNetwork } from '../sql/reflections.js';
import { isOpen } from '../domain/reflections.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { Command, CommandContext } from '../../shared/bot/routes.js';
import { t } from '../messages.js';

/**
 * «fokusområde»: phase and focus areas. A deltaker sees their own municipality (and the open
 * focus-area task, if any); facilitators and coordinators see every municipality.
 */
async function focusAreas(ctx: CommandContext): Promise<void> {
  const network = ctx.network!;
  const own = ctx.actor.memberships.find((m) => m.networkId === network.id);
  const mine = own?.role === 'deltaker' ? own.municipalityNumber : null;
  const standings = (await standingOfNetwork(ctx.deps.db, network.id)).filter((s) => !mine || s.number === mine);
  const now = ctx.deps.now();
  const open = mine
    ? (await reflectionTasksOfNetwork(ctx.deps.db, network.id)).filter((t) => t.kind === 'fokusomrade' && isOpen(t, now)).at(-1)
    : undefined;
  await sendCard(ctx, focusCard(standings, open ? { id: open.id, title: open.title } : null));
}

export const focusCommands: readonly Command[] = [
  {
    verb: 'fokusområde', // i18n-ignore: the command word, not a text
    // Bokmål, nynorsk («fokusområda»), English.
    aliases: ['fokusområde', 'fokusområder', 'fokusområda', 'fase', 'focus areas', 'focus area', 'phase'], // i18n-ignore: command words
    get description() {
      return t('command.focus');
    },
    audience: 'network',
    run: focusAreas,
  },
];
