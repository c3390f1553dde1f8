import { checkedRoute, type ApiRoute } from '../shared/api/context.js';
import { focusRoutes } from '../focus/api/focus.js';
import { mellomarbeidRoutes } from '../mellomarbeid/api/mellomarbeid.js';
import { memberRoutes } from '../network/api/members.js';
import { networkRoutes } from '../network/api/networks.js';
import { planRoutes } from '../plan/api/plan.js';
import { planItemRoutes } from '../plan/api/plan-items.js';
import { pollRoutes } from '../polls/api/polls.js';
import type { PollService } from '../polls/service.js';
import { privacyRoutes } from '../privacy/api/privacy.js';
import { languageRoutes } from '../identity/api/language.js';
import { reflectionRoutes } from '../reflections/api/reflections.js';
import { notifyRemindersChanged, syncSubjectReminders } from '../reminders/engine.js';
import { reminderRoutes } from '../reminders/api/reminders.js';

export interface ApiServices {
  polls: PollService;
}

/**
 * Every tab API route. Each one authenticates, then asks the policy module before acting; the
 * text rule (src/shared/validation.ts) checks its raw path, query and body first. Capabilities
 * lower in the map get what they need from higher ones here (a plan item's reminders).
 */
export function createApiRoutes(services: ApiServices): readonly ApiRoute[] {
  return [
    ...networkRoutes,
    ...planRoutes,
    ...planItemRoutes({
      inTransaction: (tx, itemId, now) => syncSubjectReminders(tx, 'plan-item', itemId, now),
      afterCommit: notifyRemindersChanged,
    }),
    ...memberRoutes,
    ...privacyRoutes,
    ...languageRoutes,
    ...reflectionRoutes,
    ...mellomarbeidRoutes,
    ...focusRoutes,
    ...reminderRoutes,
    ...pollRoutes(services.polls),
  ].map(checkedRoute);
}
