/** A region's coordinators: listed, appointed and removed by its coordinators (the first comes from REGION_COORDINATORS). */
import { decide, idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { policy, type Actor, type Decision } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { AddCoordinatorResponse, RegionCoordinatorsResponse, RemoveCoordinatorResponse } from '../contract.js';
import { addCoordinatorSchema } from '../input.js';
import { deleteRegionCoordinator, findRegion, insertRegionCoordinator, lockRegion, regionCoordinators, type RegionRow } from '../sql/coordinators.js';
import { ensureMember } from '../sql/members.js';
import { t } from '../messages.js';
import { auditChange } from './audit.js';

async function authorizedRegion(ctx: ApiContext, rawId: string | undefined, rule: (actor: Actor, regionId: string) => Decision): Promise<Result<RegionRow>> {
  const id = idFromPath(rawId, t('api.regionId'));
  if (!id.ok) return id;
  // Asked before the lookup: whether a region exists is not told to someone who may not see it.
  const allowed = decide(rule(ctx.actor, id.value));
  if (!allowed.ok) return allowed;
  const region = await findRegion(ctx.db, id.value);
  return region ? ok(region) : fail('finnes-ikke', t('api.regionNotFound'));
}

export const coordinatorRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/regions/:regionId/coordinators',
    async handle(ctx, { params }) {
      const region = await authorizedRegion(ctx, params.regionId, policy.viewRegionCoordinators);
      if (!region.ok) return region;
      return ok<RegionCoordinatorsResponse>({
        region: { id: region.value.id, name: region.value.name },
        coordinators: await regionCoordinators(ctx.db, region.value.id),
      });
    },
  },
  {
    method: 'post',
    path: '/api/regions/:regionId/coordinators',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const region = await authorizedRegion(ctx, params.regionId, policy.manageRegionCoordinators);
      if (!region.ok) return region;
      const input = parse(addCoordinatorSchema, body, t('api.badCoordinator'));
      if (!input.ok) return input;
      return ctx.db.transaction(async (tx): Promise<Result<AddCoordinatorResponse>> => {
        // In the appointing coordinator's tenant, like members; a known person keeps their Teams name.
        const person = await ensureMember(tx, {
          tenantId: ctx.actor.tenantId,
          aadObjectId: input.value.aadObjectId.toLowerCase(),
          displayName: input.value.displayName,
        });
        if (!(await insertRegionCoordinator(tx, region.value.id, person.id))) {
          return fail('konflikt', t('api.alreadyCoordinator', { name: person.displayName }), 'aadObjectId');
        }
        await auditChange(tx, ctx, { regionId: region.value.id, networkId: null }, 'koordinator.utnevnt', person.displayName);
        return ok({ memberId: person.id });
      });
    },
  },
  {
    method: 'del',
    path: '/api/regions/:regionId/coordinators/:memberId',
    async handle(ctx, { params }) {
      const region = await authorizedRegion(ctx, params.regionId, policy.manageRegionCoordinators);
      if (!region.ok) return region;
      const memberId = idFromPath(params.memberId, t('api.memberId'));
      if (!memberId.ok) return memberId;
      return ctx.db.transaction(async (tx): Promise<Result<RemoveCoordinatorResponse>> => {
        await lockRegion(tx, region.value.id);
        const all = await regionCoordinators(tx, region.value.id);
        const target = all.find((c) => c.memberId === memberId.value);
        if (!target) return fail('finnes-ikke', t('api.notCoordinator'));
        // A region without a coordinator has nobody to appoint the next one in the app.
        if (all.length === 1) return fail('konflikt', t('api.lastCoordinator'));
        await deleteRegionCoordinator(tx, region.value.id, memberId.value);
        await auditChange(tx, ctx, { regionId: region.value.id, networkId: null }, 'koordinator.fjernet', target.displayName);
        return ok({ removed: true });
      });
    },
  },
];
