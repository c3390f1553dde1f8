import { recordAudit } from '../../shared/sql/audit.js';
import { ensureMember, membersOfNetwork, networkMunicipalities, removeNetworkMember, setNetworkMember } from '../sql/members.js';
import { policy } from '../../shared/policy.js';
import { networkRoles, sectors } from '../../shared/types.js';
import { z } from '../../shared/validation.js';
import { authorizedNetwork, idFromPath, parse, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok } from '../../shared/result.js';

/**
 * Adds a person to the facilitator's own network or changes their role there. `displayName` and
 * `sector` are used only for someone Samlingspunkt does not know yet (a placeholder until Teams
 * names them); a known person keeps the name from Teams and the sector they chose.
 */
export const addMemberSchema = z
  .object({
    aadObjectId: z.uuid({ error: 'må være personens Entra-objekt-id (UUID)' }),
    displayName: z.string({ error: 'må være tekst' }).trim().min(1, 'kan ikke være tom').max(200, 'kan være maks 200 tegn'),
    role: z.enum(networkRoles, { error: 'må være deltaker eller fasilitator' }),
    municipalityNumber: z.string().regex(/^\d{4}$/, 'må være et kommunenummer med fire sifre').nullish(),
    sector: z.enum(sectors, { error: `må være en av ${sectors.join(', ')}` }).default('annet'),
  })
  .refine((v) => v.role !== 'deltaker' || !!v.municipalityNumber, {
    message: 'en deltaker må høre til en kommune',
    path: ['municipalityNumber'],
  });

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
      return ok({ members, municipalities });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/members',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMembers);
      if (!network.ok) return network;
      const input = parse(addMemberSchema, body, 'Ugyldig medlem');
      if (!input.ok) return input;
      const m = input.value;
      const municipality = m.role === 'deltaker' ? (m.municipalityNumber ?? null) : null;
      if (municipality) {
        const inNetwork = (await networkMunicipalities(ctx.db, network.value.id)).some((x) => x.number === municipality);
        if (!inNetwork) return fail('ugyldig-forespørsel', `Kommune ${municipality} er ikke med i dette nettverket.`);
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
      return ok({ memberId });
    },
  },
  {
    method: 'del',
    path: '/api/networks/:networkId/members/:memberId',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMembers);
      if (!network.ok) return network;
      const memberId = idFromPath(params.memberId, 'medlems-id');
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
      return removed ? ok({ removed: true }) : fail('finnes-ikke', 'Personen er ikke medlem av nettverket.');
    },
  },
];
