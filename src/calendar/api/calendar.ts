import { authorizedNetwork } from '../../network/api/access.js';
import { decide, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { ok, type Result } from '../../shared/result.js';
import type { CalendarFeedCreated, CalendarFeedRevoked, CalendarFeedState } from '../contract.js';
import { deleteFeed, findFeed, replaceFeed } from '../sql/feeds.js';
import { feedPath, feedTokenHash, newFeedToken } from '../token.js';

/** The feed a route is about: the caller's personal one, or their subscription to a network's plan. */
type Scope = Result<string | null>;

async function personalScope(ctx: ApiContext): Promise<Scope> {
  const allowed = decide(policy.subscribePersonalCalendar(ctx.actor));
  return allowed.ok ? ok(null) : allowed;
}

async function networkScope(ctx: ApiContext, rawId: string | undefined): Promise<Scope> {
  const network = await authorizedNetwork(ctx, rawId, policy.subscribeNetworkCalendar);
  return network.ok ? ok(network.value.id) : network;
}

/** GET, POST (a new address) and DELETE (revoke) for one kind of feed. */
function feedRoutes(path: string, scopeOf: (ctx: ApiContext, params: Record<string, string | undefined>) => Promise<Scope>): ApiRoute[] {
  return [
    {
      method: 'get',
      path,
      async handle(ctx, { params }) {
        const scope = await scopeOf(ctx, params);
        if (!scope.ok) return scope;
        const feed = await findFeed(ctx.db, ctx.actor.memberId, scope.value);
        return ok<CalendarFeedState>({
          exists: feed !== undefined,
          createdAt: feed?.createdAt.toISOString() ?? null,
          lastFetchedAt: feed?.lastFetchedAt?.toISOString() ?? null,
        });
      },
    },
    {
      method: 'post',
      path,
      okStatus: 201,
      async handle(ctx, { params }) {
        const scope = await scopeOf(ctx, params);
        if (!scope.ok) return scope;
        // The secret leaves the server this once; only its hash is kept.
        const token = newFeedToken();
        const createdAt = await replaceFeed(ctx.db, ctx.actor.memberId, scope.value, feedTokenHash(token), ctx.now);
        return ok<CalendarFeedCreated>({ path: feedPath(token), createdAt: createdAt.toISOString() });
      },
    },
    {
      method: 'del',
      path,
      async handle(ctx, { params }) {
        const scope = await scopeOf(ctx, params);
        if (!scope.ok) return scope;
        return ok<CalendarFeedRevoked>({ revoked: await deleteFeed(ctx.db, ctx.actor.memberId, scope.value) });
      },
    },
  ];
}

export const calendarRoutes: ApiRoute[] = [
  ...feedRoutes('/api/calendar/personal', (ctx) => personalScope(ctx)),
  ...feedRoutes('/api/calendar/networks/:networkId', (ctx, params) => networkScope(ctx, params.networkId)),
];
