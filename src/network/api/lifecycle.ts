/**
 * The end of a programme: a facilitator archives the network («avslutt»). It stays readable
 * for everyone who saw it, every write is refused by the policy (src/shared/policy.ts,
 * 'avsluttet'), its reminders stop, and its data stays until retention. Reopening undoes it
 * (a mistake, a prolonged programme); retention's own archived_at is another matter.
 */
import { parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { NetworkStateResponse } from '../contract.js';
import { endNetworkSchema } from '../input.js';
import { findNetworkById, setNetworkEnded } from '../sql/networks.js';
import { t } from '../messages.js';
import { authorizedNetwork } from './access.js';
import { auditChange } from './audit.js';
import { networkDto } from './networks.js';

export interface LifecycleHooks {
  /**
   * After commit: the network's reminders follow its state (the composition root asks the
   * reminder engine to re-plan; an ended network's subjects then count as gone).
   */
  afterChange(ctx: ApiContext, networkId: string): Promise<void>;
}

export function lifecycleRoutes(hooks: LifecycleHooks): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/api/networks/:networkId/archive',
      async handle(ctx, { params, body }) {
        const network = await authorizedNetwork(ctx, params.networkId, policy.endNetwork);
        if (!network.ok) return network;
        const input = parse(endNetworkSchema, body ?? {}, t('api.badEnd'));
        if (!input.ok) return input;
        const changed = await ctx.db.transaction(async (tx): Promise<Result<void>> => {
          if (!(await setNetworkEnded(tx, network.value.id, ctx.now))) return fail('konflikt', t('api.alreadyEnded'));
          await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'nettverk.avsluttet', network.value.name);
          return ok(undefined);
        });
        if (!changed.ok) return changed;
        await hooks.afterChange(ctx, network.value.id);
        return ok<NetworkStateResponse>({ network: networkDto((await findNetworkById(ctx.db, network.value.id))!) });
      },
    },
    {
      method: 'post',
      path: '/api/networks/:networkId/reopen',
      async handle(ctx, { params }) {
        const network = await authorizedNetwork(ctx, params.networkId, policy.reopenNetwork);
        if (!network.ok) return network;
        const changed = await ctx.db.transaction(async (tx): Promise<Result<void>> => {
          if (!(await setNetworkEnded(tx, network.value.id, null))) return fail('konflikt', t('api.notEnded'));
          await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'nettverk.gjenapnet', network.value.name);
          return ok(undefined);
        });
        if (!changed.ok) return changed;
        await hooks.afterChange(ctx, network.value.id);
        return ok<NetworkStateResponse>({ network: networkDto((await findNetworkById(ctx.db, network.value.id))!) });
      },
    },
  ];
}
