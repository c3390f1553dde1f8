import { checkedRoute, type ApiRoute } from '../shared/api/context.js';
import { focusRoutes } from '../focus/api/focus.js';
import { mellomarbeidRoutes } from '../mellomarbeid/api/mellomarbeid.js';
import { memberRoutes } from '../network/api/members.js';
import { networkRoutes } from '../network/api/networks.js';
import { planItemRoutes } from '../plan/api/plan-items.js';
import { pollRoutes } from '../polls/api/polls.js';
import { privacyRoutes } from '../privacy/api/privacy.js';
import { reflectionRoutes } from '../reflections/api/reflections.js';
import { reminderRoutes } from '../reminders/api/reminders.js';

/**
 * Every tab API route. Each one authenticates, then asks the policy module before acting; the
 * text rule (src/validation.ts) checks its raw path, query and body first.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...networkRoutes,
  ...planItemRoutes,
  ...memberRoutes,
  ...privacyRoutes,
  ...reflectionRoutes,
  ...mellomarbeidRoutes,
  ...focusRoutes,
  ...reminderRoutes,
  ...pollRoutes,
].map(checkedRoute);
