import type { ApiRoute } from './context.js';
import { memberRoutes } from './members.js';
import { networkRoutes } from './networks.js';
import { planItemRoutes } from './plan-items.js';
import { privacyRoutes } from './privacy.js';

/** Every tab API route. Each one authenticates, then asks the policy module before acting. */
export const apiRoutes: readonly ApiRoute[] = [...networkRoutes, ...planItemRoutes, ...memberRoutes, ...privacyRoutes];
