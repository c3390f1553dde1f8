import { listNetworks } from '../sql/networks.js';
import { policy } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import { type ApiRoute } from '../../shared/api/context.js';
import { ok } from '../../shared/result.js';
import type { NetworkView, NetworksResponse } from '../contract.js';

export function networkDto(n: Network): NetworkView {
  return { id: n.id, slug: n.slug, name: n.name, regionId: n.regionId, regionName: n.regionName, endedAt: n.endedAt ?? null };
}

export const networkRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks',
    async handle(ctx) {
      const visible = (await listNetworks(ctx.db)).filter((n) => policy.viewNetwork(ctx.actor, n).allowed);
      return ok<NetworksResponse>({ networks: visible.map(networkDto) });
    },
  },
];
