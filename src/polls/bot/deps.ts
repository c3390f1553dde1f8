import type { BotDeps } from '../../shared/bot/deps.js';
import type { BotTurn, CommandContext } from '../../shared/bot/routes.js';
import type { PollService } from '../service.js';

/** The polls' bot handlers need their PollService (keys, caches, coalesced card updates) too; the composition root supplies it. */
export interface PollBotDeps extends BotDeps {
  polls: PollService;
}

export type PollTurn = BotTurn<PollBotDeps>;
export type PollCommandContext = CommandContext<PollBotDeps>;
