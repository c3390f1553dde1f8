import type { BotDeps } from '../../shared/bot/deps.js';

/** What the plan's bot handlers need besides the shared floor. */
export interface PlanBotDeps extends BotDeps {
  /** The Teams app's manifest id (`TEAMS_APP_ID`): without it the card has no «Åpne i fanen». */
  teamsAppId?: string;
}
