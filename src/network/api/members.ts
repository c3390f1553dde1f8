import { countFacilitators, ensureMember, membersOfNetwork, networkMemberForUpdate, networkMunicipalities, removeNetworkMember, setMemberSector, setNetworkMember } from '../sql/members.js';
import { lockNetwork } from '../sql/municipalities.js';
import { rosterNotInNetwork } from '../sql/roster.js';
import { policy } from '../../shared/policy.js';
import { addMemberSchema, updateMemberSchema } from '../input.js';
import type { AddMemberResponse, MembersResponse, RemoveMemberResponse, RosterResponse, UpdateMemberResponse } from '../contract.js';
import { idFromPath, parse, type ApiRoute } from '../../shared/api/context.js';
import type { Queryable } from '../../platform/db/port.js';
import type { NetworkRole } from '../../shared/types.js';
import { authorizedNetwork } from './access.js';
import { auditChange } from './audit.js';
import { fail, invalid, ok, type Result } from '../../shared/result.js';
import { t } from '../messages.js';

async function municipalityInNetwork(db: Queryable, networkId: string, municipality: string): Promise<Result<void>> {
  const inNetwork = (await networkMunicipalities(db, networkId)).some((x) => x.number === municipality);
  return inNetwork ? ok(undefined) : invalid(t('api.municipalityNotInNetwork', { municipality }), 'municipalityNumber');
}

/**
 * A network always has someone to run it: taking the fasilitator role from its last
 * fasilitator (removing them, or making them a deltaker) is refused. Call with the network locked.
 */
async function keepsAFacilitator(db: Queryable, networkId: string, currentRole: NetworkRole | undefined, newRole: NetworkRole | null): Promise<Result<void>> {
  if (currentRole !== 'fasilitator' || newRole === 'fasilitator') return ok(undefined);
  return (await countFacilitators(db, networkId)) > 1
    ? ok(undefined)
    : fail('konflikt', newRole === null ? t('api.lastFacilitatorRemove') : t('api.lastFacilitatorDemote'), 'role');
}

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
    method: 'get',
    path: '/api/networks/:networkId/roster',
    async handle(ctx, { params }) {
      // Inviting is managing members: the roster is for the facilitators of a running network.
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMembers);
      if (!network.ok) return network;
      return ok<RosterResponse>({
        teamBound: network.value.teamsTeamId !== null,
        people: await rosterNotInNetwork(ctx.db, network.value.id),
      });
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
        const inNetwork = await municipalityInNetwork(ctx.db, network.value.id, municipality);
        if (!inNetwork.ok) return inNetwork;
      }
      return ctx.db.transaction(async (tx): Promise<Result<AddMemberResponse>> => {
        await lockNetwork(tx, network.value.id);
        // The person is in the facilitator's own tenant: a network never spans organisations.
        // Only their role here is the facilitator's to set; name and sector stay theirs.
        const person = await ensureMember(tx, {
          tenantId: ctx.actor.tenantId,
          aadObjectId: m.aadObjectId.toLowerCase(),
          displayName: m.displayName,
          sector: m.sector,
        });
        // POST upserts the role, so it may demote: the same rule as PATCH.
        const current = await networkMemberForUpdate(tx, network.value.id, person.id);
        const kept = await keepsAFacilitator(tx, network.value.id, current?.role, m.role);
        if (!kept.ok) return kept;
        await setNetworkMember(tx, network.value.id, person.id, m.role, municipality);
        await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'medlem.lagt-til', person.displayName, {
          rolle: m.role,
          kommune: municipality,
        });
        return ok({ memberId: person.id });
      });
    },
  },
  {
    method: 'patch',
    path: '/api/networks/:networkId/members/:memberId',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMembers);
      if (!network.ok) return network;
      const memberId = idFromPath(params.memberId, t('api.memberId'));
      if (!memberId.ok) return memberId;
      const input = parse(updateMemberSchema, body, t('api.badMember'));
      if (!input.ok) return input;
      const change = input.value;
      return ctx.db.transaction(async (tx): Promise<Result<UpdateMemberResponse>> => {
        await lockNetwork(tx, network.value.id);
        const current = await networkMemberForUpdate(tx, network.value.id, memberId.value);
        if (!current) return fail('finnes-ikke', t('api.notMember'));
        const role = change.role ?? current.role;
        const kept = await keepsAFacilitator(tx, network.value.id, current.role, role);
        if (!kept.ok) return kept;
        // A fasilitator belongs to no municipality here; a deltaker always to one of the network's.
        let municipality: string | null = null;
        if (role === 'fasilitator') {
          if (change.municipalityNumber) return invalid(t('api.facilitatorHasNoMunicipality'), 'municipalityNumber');
        } else {
          municipality = change.municipalityNumber !== undefined ? change.municipalityNumber : current.municipalityNumber?.trim() ?? null;
          if (!municipality) return invalid(t('api.participantNeedsMunicipality'), 'municipalityNumber');
          const inNetwork = await municipalityInNetwork(tx, network.value.id, municipality);
          if (!inNetwork.ok) return inNetwork;
        }
        await setNetworkMember(tx, network.value.id, current.memberId, role, municipality);
        // The sector is the person's own (one for all their networks); a facilitator corrects it
        // when it is wrong, and the audit log says who did.
        if (change.sector && change.sector !== current.sector) await setMemberSector(tx, current.memberId, change.sector);
        const after = (await networkMemberForUpdate(tx, network.value.id, current.memberId))!;
        await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'medlem.endret', current.displayName, {
          fra: { rolle: current.role, kommune: current.municipalityNumber?.trim() ?? null, sektor: current.sector },
          til: { rolle: after.role, kommune: after.municipalityNumber?.trim() ?? null, sektor: after.sector },
        });
        return ok({ member: { ...after, municipalityNumber: after.municipalityNumber?.trim() ?? null } });
      });
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
      return ctx.db.transaction(async (tx): Promise<Result<RemoveMemberResponse>> => {
        await lockNetwork(tx, network.value.id);
        const current = await networkMemberForUpdate(tx, network.value.id, memberId.value);
        if (!current) return fail('finnes-ikke', t('api.notMember'));
        const kept = await keepsAFacilitator(tx, network.value.id, current.role, null);
        if (!kept.ok) return kept;
        await removeNetworkMember(tx, network.value.id, memberId.value);
        await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'medlem.fjernet', current.displayName);
        return ok({ removed: true });
      });
    },
  },
];
