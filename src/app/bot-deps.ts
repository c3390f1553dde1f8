import type { PollBotDeps } from '../polls/bot/deps.js';
import type { BotDeps } from '../shared/bot/deps.js';

/** The one deps object behind every bot handler: the shared floor plus what each capability asks for. */
export type AppBotDeps = BotDeps & PollBotDeps;
