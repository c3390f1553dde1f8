import { authorizedNetwork } from '../../network/api/access.js';
import { networkDto } from '../../network/api/networks.js';
import type { ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { ok } from '../../shared/result.js';
import { OSLO } from '../../shared/time.js';
import type { PlanItem } from '../../shared/types.js';
import { planForNetwork } from '../sql/plan.js';
import { networkMunicipalityNames, slotsForNetwork, type PlanItemSlot } from '../sql/slots.js';
import type { PlanItemView, PlanResponse } from '../contract.js';

type NamedSlot = PlanItemSlot & { municipalityName: string };

/** The item as the tab sees it; `namedSlots` with the municipalities' names (none: no slots). */
export function planItemDto(i: PlanItem & { namedSlots?: readonly NamedSlot[] }): PlanItemView {
  const slots = i.namedSlots ?? [];
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
    slots: slots.map((s) => ({
      municipalityNumber: s.municipalityNumber,
      municipalityName: s.municipalityName,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
  };
}

export const planRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/plan',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const [items, slots] = await Promise.all([planForNetwork(ctx.db, network.value.id), slotsForNetwork(ctx.db, network.value.id)]);
      const own = ctx.actor.memberships.find((m) => m.networkId === network.value.id);
      const canEdit = policy.editNetwork(ctx.actor, network.value).allowed;
      const names = canEdit ? await networkMunicipalityNames(ctx.db, network.value.id) : new Map<string, string>();
      return ok<PlanResponse>({
        network: { ...networkDto(network.value), bodies: network.value.bodies },
        timeZone: OSLO,
        canEdit,
        myMunicipalityNumber: own?.municipalityNumber ?? null,
        municipalities: [...names].map(([number, name]) => ({ number, name })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
        items: items.map((i) => planItemDto({ ...i, namedSlots: slots.filter((s) => s.planItemId === i.id) })),
      });
    },
  },
];
