import { listNetworks } from '../sql/networks.js';
import { planForNetwork } from '../../plan/sql/plan.js';
import { policy } from '../../shared/policy.js';
import { OSLO } from '../../shared/time.js';
import type { Network, PlanItem } from '../../shared/types.js';
import { authorizedNetwork, type ApiRoute } from '../../shared/api/context.js';
import { ok } from '../../shared/result.js';

export function planItemDto(i: PlanItem) {
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    agenda: i.agenda,
    startsAt: i.startsAt.toISOString(),
    endsAt: i.endsAt.toISOString(),
    format: i.format,
    responsibleBody: i.responsibleBody,
    meetingUrl: i.meetingUrl,
  };
}

function networkDto(n: Network) {
  return { id: n.id, slug: n.slug, name: n.name, regionId: n.regionId, regionName: n.regionName };
}

export const networkRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks',
    async handle(ctx) {
      const visible = (await listNetworks(ctx.db)).filter((n) => policy.viewNetwork(ctx.actor, n).allowed);
      return ok({ networks: visible.map(networkDto) });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/plan',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const items = await planForNetwork(ctx.db, network.value.id);
      return ok({
        network: { ...networkDto(network.value), bodies: network.value.bodies },
        timeZone: OSLO,
        canEdit: policy.editNetwork(ctx.actor, network.value).allowed,
        items: items.map(planItemDto),
      });
    },
  },
];
