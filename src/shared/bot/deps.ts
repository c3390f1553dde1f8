import type { AppMode } from '../../platform/config.js';
import type { Database } from '../../platform/db/port.js';
import type { Logger } from '../../platform/logging.js';
import type { PollService } from '../../polls/service.js';
import type { ProactiveSender } from '../../platform/teams/sender.js';

export interface BotDeps {
  db: Database;
  log: Logger;
  mode: AppMode;
  now(): Date;
  sender: ProactiveSender;
  /** Polls: keys, caches and the coalesced card updates shared by bot, tab API and jobs. */
  polls: PollService;
}
