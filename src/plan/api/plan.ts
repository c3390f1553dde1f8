import { authorizedNetwork } from '../../network/api/access.js';
import { networkDto } from '../../network/api/networks.js';
import type { ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { ok } from '../../shared/result.js';
import { OSLO } from '../../shared/time.js';
import type { PlanItem } from '../../shared/types.js';
import { planForNetwork } from '../sql/plan.js';
import type { PlanItemView, PlanResponse } from '../contract.js';

export function planItemDto(i: PlanItem): PlanItemView {
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

export const planRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/plan',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const items = await planForNetwork(ctx.db, network.value.id);
      return ok<PlanResponse>({
        network: { ...networkDto(network.value), bodies: network.value.bodies },
        timeZone: OSLO,
        canEdit: policy.editNetwork(ctx.actor, network.value).allowed,
        items: items.map(planItemDto),
      });
    },
  },
];
