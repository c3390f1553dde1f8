/**
 * The region overview for coordinators (issue 13): every network of the region × municipality,
 * and one municipality read across the region's networks. Only the region's coordinators: the
 * rule is asked before the region is looked up, so anyone else learns not even its name.
 */
import { decide, idFromPath, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { policy } from '../../shared/policy.js';
import { fail, invalid, ok, type Result } from '../../shared/result.js';
import { OSLO } from '../../shared/time.js';
import { findRegion, type RegionRow } from '../../network/sql/coordinators.js';
import type { MyRegionsResponse, MunicipalityDetailResponse, RegionOverviewResponse } from '../contract.js';
import { municipalityNumberSchema, overviewFilters } from '../input.js';
import { loadNetworks, networksOfRegion } from '../load.js';
import { detailOf, overviewOf } from '../rows.js';
import { regionsByIds } from '../sql/regions.js';
import { t } from '../messages.js';

export async function coordinatedRegion(ctx: ApiContext, rawId: string | undefined): Promise<Result<RegionRow>> {
  const id = idFromPath(rawId, t('api.regionId'));
  if (!id.ok) return id;
  const allowed = decide(policy.viewRegionOverview(ctx.actor, id.value));
  if (!allowed.ok) return allowed;
  const region = await findRegion(ctx.db, id.value);
  return region ? ok(region) : fail('finnes-ikke', t('api.regionNotFound'));
}

export const regionRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/regions',
    async handle(ctx) {
      return ok<MyRegionsResponse>({ regions: await regionsByIds(ctx.db, ctx.actor.coordinatorRegionIds) });
    },
  },
  {
    method: 'get',
    path: '/api/regions/:regionId/overview',
    async handle(ctx, { params, query }) {
      const region = await coordinatedRegion(ctx, params.regionId);
      if (!region.ok) return region;
      const filters = overviewFilters(query);
      if (!filters.ok) return filters;
      const networks = await networksOfRegion(ctx.db, region.value.id);
      if (filters.value.network && !networks.some((n) => n.id === filters.value.network)) return invalid(t('api.badNetwork'), 'network');
      const data = await loadNetworks(ctx.db, networks, ctx.now);
      const overview = overviewOf({ id: region.value.id, name: region.value.name }, data, filters.value, ctx.now, OSLO);
      if (filters.value.county && !overview.options.counties.some((c) => c.number === filters.value.county)) return invalid(t('api.badCounty'), 'county');
      return ok<RegionOverviewResponse>(overview);
    },
  },
  {
    method: 'get',
    path: '/api/regions/:regionId/municipalities/:number',
    async handle(ctx, { params }) {
      const region = await coordinatedRegion(ctx, params.regionId);
      if (!region.ok) return region;
      const number = municipalityNumberSchema.safeParse(params.number);
      if (!number.success) return invalid(t('api.badMunicipality'), 'number');
      const data = await loadNetworks(ctx.db, await networksOfRegion(ctx.db, region.value.id), ctx.now);
      const detail = detailOf({ id: region.value.id, name: region.value.name }, data, number.data, ctx.now, OSLO);
      return detail ? ok<MunicipalityDetailResponse>(detail) : fail('finnes-ikke', t('api.municipalityNotInRegion'));
    },
  },
];
