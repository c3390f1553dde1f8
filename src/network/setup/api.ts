import type { ApiRoute } from '../../shared/api/context.js';
import { ok } from '../../shared/result.js';
import type { NewNetworkResponse, SetupOptionsResponse } from './contract.js';
import { createNetwork } from './create.js';
import type { NetworkCreatorCheck } from './creators.js';
import { setupOptions } from './options.js';

/**
 * The tab's set-up form. There is no network yet to ask the policy module about: the rule for
 * who may create one is NETWORK_CREATORS (creators.ts), checked on every request.
 */
export function setupRoutes(creators: NetworkCreatorCheck): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/api/setup/options',
      async handle(ctx) {
        const [allowed, options] = await Promise.all([creators.check(ctx.caller), setupOptions(ctx.db)]);
        return ok<SetupOptionsResponse>({ mayCreate: allowed.ok, ...(allowed.ok ? {} : { refusal: allowed.error.message }), ...options });
      },
    },
    {
      method: 'post',
      path: '/api/networks',
      okStatus: 201,
      async handle(ctx, { body }) {
        const allowed = await creators.check(ctx.caller);
        if (!allowed.ok) return allowed;
        const teamId = typeof body === 'object' && body !== null && typeof (body as { teamId?: unknown }).teamId === 'string' ? (body as { teamId: string }).teamId : undefined;
        const created = await createNetwork(
          ctx.db,
          { tenantId: ctx.caller.tenantId, aadObjectId: ctx.caller.aadObjectId, displayName: ctx.actor.displayName || undefined },
          body,
          teamId,
        );
        if (!created.ok) return created;
        const { input: _input, ...response } = created.value;
        return ok<NewNetworkResponse>(response);
      },
    },
  ];
}
