import { checkedRoute, type ApiRoute } from './context.js';
import { focusRoutes } from './focus.js';
import { mellomarbeidRoutes } from './mellomarbeid.js';
import { memberRoutes } from './members.js';
import { networkRoutes } from './networks.js';
import { planItemRoutes } from './plan-items.js';
import { pollRoutes } from './polls.js';
import { privacyRoutes } from './privacy.js';
import { reflectionRoutes } from './reflections.js';
import { reminderRoutes } from './reminders.js';

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
