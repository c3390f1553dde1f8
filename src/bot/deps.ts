import type { AppMode } from '../config/config.js';
import type { Database } from '../db/port.js';
import type { Logger } from '../logging.js';
import type { PollService } from '../polls/service.js';
import type { ProactiveSender } from './sender.js';

export interface BotDeps {
  db: Database;
  log: Logger;
  mode: AppMode;
  now(): Date;
  sender: ProactiveSender;
  /** Polls: keys, caches and the coalesced card updates shared by bot, tab API and jobs. */
  polls: PollService;
}
