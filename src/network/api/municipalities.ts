/** A network's municipalities: listed for those who see its members, added and removed by its facilitators. */
import { parse, type ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { fail, invalid, ok } from '../../shared/result.js';
import type {
  AddMunicipalitiesResponse,
  MunicipalityOptionsResponse,
  NetworkAdminResponse,
  RemoveMunicipalityResponse,
} from '../contract.js';
import { addMunicipalitiesSchema } from '../input.js';
import {
  allMunicipalities,
  deleteNetworkMunicipality,
  insertNetworkMunicipalities,
  knownMunicipalityNumbers,
  lockNetwork,
  networkMunicipalityUse,
} from '../sql/municipalities.js';
import { formatCount } from '../../platform/i18n/format.js';
import { t } from '../messages.js';
import { authorizedNetwork } from './access.js';
import { auditChange } from './audit.js';
import { adminAccess } from './admin-access.js';
import { networkDto } from './networks.js';

export const municipalityRoutes: ApiRoute[] = [
  {
    method: 'get',
    // Reference data (public statistics), for the picker: anyone signed in; the tab is sign-in only.
    path: '/api/municipalities',
    async handle(ctx) {
      return ok<MunicipalityOptionsResponse>({ municipalities: await allMunicipalities(ctx.db) });
    },
  },
  {
    method: 'get',
    // The admin view's overview (GET …/municipalities is the focus view's, src/focus/api).
    path: '/api/networks/:networkId/admin',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewMembers);
      if (!network.ok) return network;
      return ok<NetworkAdminResponse>({
        network: networkDto(network.value),
        municipalities: await networkMunicipalityUse(ctx.db, network.value.id),
        access: adminAccess(ctx.actor, network.value),
      });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/municipalities',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMunicipalities);
      if (!network.ok) return network;
      const input = parse(addMunicipalitiesSchema, body, t('api.badMunicipalities'));
      if (!input.ok) return input;
      const numbers = [...new Set(input.value.municipalityNumbers)];
      const known = await knownMunicipalityNumbers(ctx.db, numbers);
      const unknown = numbers.filter((n) => !known.has(n));
      if (unknown.length > 0) {
        return invalid(t('api.unknownMunicipality', { numbers: unknown.join(', ') }), 'municipalityNumbers');
      }
      const added = await ctx.db.transaction(async (tx) => {
        const fresh = await insertNetworkMunicipalities(tx, network.value.id, numbers);
        if (fresh.length > 0) {
          await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'kommuner.lagt-til', network.value.name, {
            kommuner: fresh,
          });
        }
        return fresh;
      });
      return ok<AddMunicipalitiesResponse>({ added });
    },
  },
  {
    method: 'del',
    path: '/api/networks/:networkId/municipalities/:number',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.manageMunicipalities);
      if (!network.ok) return network;
      const number = params.number ?? '';
      if (!/^\d{4}$/.test(number)) return invalid(t('api.badMunicipalityNumber'), 'municipalityNumber');
      return ctx.db.transaction(async (tx) => {
        // A deltaker added meanwhile must not end up in a municipality that is gone.
        await lockNetwork(tx, network.value.id);
        const use = (await networkMunicipalityUse(tx, network.value.id)).find((m) => m.number === number);
        if (!use) return fail('finnes-ikke', t('api.municipalityNotInNetwork', { municipality: number }));
        // Refused rather than cascaded: the deltakere would lose their place, and the
        // municipality's delivered work and focus choices are its record of the programme.
        if (use.participants > 0) {
          return fail('konflikt', t('api.municipalityHasParticipants', { name: use.name, participants: formatCount(use.participants) }), 'municipalityNumber');
        }
        if (use.workRows > 0) {
          return fail('konflikt', t('api.municipalityHasWork', { name: use.name, work: formatCount(use.workRows) }), 'municipalityNumber');
        }
        await deleteNetworkMunicipality(tx, network.value.id, number);
        await auditChange(tx, ctx, { regionId: network.value.regionId, networkId: network.value.id }, 'kommune.fjernet', use.name, {
          kommune: number,
        });
        return ok<RemoveMunicipalityResponse>({ removed: true });
      });
    },
  },
];

