import type { AppMode } from '../../platform/config.js';
import type { Database } from '../../platform/db/port.js';
import type { Logger } from '../../platform/logging.js';
import type { ProactiveSender } from '../proactive.js';

/**
 * What every bot handler may use. A capability that needs more (polls: its PollService) says
 * so in its own deps type extending this one, and the composition root supplies one object
 * that satisfies them all; this floor names no capability.
 */
export interface BotDeps {
  db: Database;
  log: Logger;
  mode: AppMode;
  now(): Date;
  sender: ProactiveSender;
}
