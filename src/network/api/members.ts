import { recordAudit } from '../../shared/sql/audit.js';
import { ensureMember, membersOfNetwork, networkMunicipalities, removeNetworkMember, setNetworkMember } from '../sql/members.js';
import { policy } from '../../shared/policy.js';
import { addMemberSchema } from '../input.js';
import type { AddMemberResponse, MembersResponse, RemoveMemberResponse } from '../contract.js';
import { idFromPath, parse, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from './access.js';
import { fail, ok } from '../../shared/result.js';
import { t } from '../messages.js';

export const memberRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/members',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewMembers);
      if (!network.ok) return network;
      const [members, municipalities] = await Promise.all([
        membersOfNetwork(ctx.db, network.value.id),
        networkMunicipalities(ctx.db, network.value.id),
      ]);
      return ok<MembersResponse>({ members, municipalities });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/members',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMembers);
      if (!network.ok) return network;
      const input = parse(addMemberSchema, body, t('api.badMember'));
      if (!input.ok) return input;
      const m = input.value;
      const municipality = m.role === 'deltaker' ? (m.municipalityNumber ?? null) : null;
      if (municipality) {
        const inNetwork = (await networkMunicipalities(ctx.db, network.value.id)).some((x) => x.number === municipality);
        if (!inNetwork) return fail('ugyldig-forespørsel', t('api.municipalityNotInNetwork', { municipality }), 'municipalityNumber'); // i18n-ignore (the code)
      }
      const memberId = await ctx.db.transaction(async (tx) => {
        // The person is in the facilitator's own tenant: a network never spans organisations.
        // Only their role here is the facilitator's to set; name and sector stay theirs.
        const person = await ensureMember(tx, {
          tenantId: ctx.actor.tenantId,
          aadObjectId: m.aadObjectId.toLowerCase(),
          displayName: m.displayName,
          sector: m.sector,
        });
        await setNetworkMember(tx, network.value.id, person.id, m.role, municipality);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'medlem.lagt-til',
          target: person.displayName,
          details: { rolle: m.role, kommune: municipality },
        });
        return person.id;
      });
      return ok<AddMemberResponse>({ memberId });
    },
  },
  {
    method: 'del',
    path: '/api/networks/:networkId/members/:memberId',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMembers);
      if (!network.ok) return network;
      const memberId = idFromPath(params.memberId, t('api.memberId'));
      if (!memberId.ok) return memberId;
      const removed = await ctx.db.transaction(async (tx) => {
        const name = (await membersOfNetwork(tx, network.value.id)).find((x) => x.memberId === memberId.value)?.displayName;
        if (!name || !(await removeNetworkMember(tx, network.value.id, memberId.value))) return false;
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'medlem.fjernet',
          target: name,
        });
        return true;
      });
      return removed ? ok<RemoveMemberResponse>({ removed: true }) : fail('finnes-ikke', t('api.notMember'));
    },
  },
];
