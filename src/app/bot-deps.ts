import type { PollBotDeps } from '../polls/bot/deps.js';
import type { BotDeps } from '../shared/bot/deps.js';
import type { SetupBotDeps } from '../network/setup/bot.js';
import type { PlanBotDeps } from '../plan/bot/deps.js';

/** The one deps object behind every bot handler: the shared floor plus what each capability asks for. */
export type AppBotDeps = BotDeps & PollBotDeps & SetupBotDeps & PlanBotDeps;
