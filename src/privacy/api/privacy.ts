import { auditForRegion, recordAudit } from '../../shared/sql/audit.js';
import { networkRetention, setNetworkRetention } from '../../network/sql/networks.js';
import { deletePerson, exportPerson } from '../sql/privacy.js';
import { exportPollAnswers } from '../../polls/sql/privacy.js';
import { exportReminders } from '../../reminders/sql/reminders.js';
import { exportReflections } from '../../mellomarbeid/sql/privacy.js';
import { exportAttendance } from '../../attendance/sql/privacy.js';
import { policy } from '../../shared/policy.js';
import { deleteSchema, retentionSchema } from '../input.js';
import type { AuditResponse, DeleteMeResponse, MeExportResponse, MeResponse, RetentionResponse } from '../contract.js';
import { decide, idFromPath, parse, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { fail, ok } from '../../shared/result.js';
import { t } from '../messages.js';

export const privacyRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/me',
    async handle(ctx) {
      return ok<MeResponse>({
        registered: ctx.actor.memberId !== '',
        displayName: ctx.actor.displayName,
        memberships: ctx.actor.memberships,
        coordinatorRegionIds: ctx.actor.coordinatorRegionIds,
      });
    },
  },
  {
    method: 'get',
    path: '/api/me/export',
    async handle(ctx) {
      // The section keys are data (Norwegian, the same for everyone); the note is for the reader.
      if (!ctx.actor.memberId) return ok<MeExportResponse>({ person: null, merknad: t('export.nothingStored') });
      return ok<MeExportResponse>({
        eksportert: ctx.now.toISOString(),
        merknad: t('export.note'),
        ...(await exportPerson(ctx.db, ctx.actor.memberId)),
        ...(await exportReflections(ctx.db, ctx.actor.memberId)),
        ...(await exportPollAnswers(ctx.db, ctx.actor.memberId)),
        ...(await exportReminders(ctx.db, ctx.actor.memberId)),
        ...(await exportAttendance(ctx.db, ctx.actor.memberId)),
      });
    },
  },
  {
    method: 'post',
    path: '/api/me/delete',
    async handle(ctx, { body }) {
      const input = parse(deleteSchema, body, t('api.notConfirmed'));
      if (!input.ok) return input;
      if (!ctx.actor.memberId) return fail('finnes-ikke', t('export.nothingStored'));
      await ctx.db.transaction((tx) => deletePerson(tx, ctx.actor.memberId));
      return ok<DeleteMeResponse>({ deleted: true });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/retention',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      return ok<RetentionResponse>({ months: await networkRetention(ctx.db, network.value.id) });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/retention',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.changeRetention);
      if (!network.ok) return network;
      const input = parse(retentionSchema, body, t('api.invalidRetention'));
      if (!input.ok) return input;
      await ctx.db.transaction(async (tx) => {
        const before = await networkRetention(tx, network.value.id);
        await setNetworkRetention(tx, network.value.id, input.value.months);
        await recordAudit(tx, {
          actorMemberId: ctx.actor.memberId,
          actorName: ctx.actor.displayName,
          regionId: network.value.regionId,
          networkId: network.value.id,
          action: 'lagringstid.endret',
          target: network.value.name,
          details: { fra: before, til: input.value.months },
        });
      });
      return ok<RetentionResponse>({ months: input.value.months });
    },
  },
  {
    method: 'get',
    path: '/api/regions/:regionId/audit',
    async handle(ctx, { params }) {
      const regionId = idFromPath(params.regionId, t('api.regionIdName'));
      if (!regionId.ok) return regionId;
      const allowed = decide(policy.readAuditLog(ctx.actor, regionId.value));
      if (!allowed.ok) return allowed;
      return ok<AuditResponse>({ entries: await auditForRegion(ctx.db, regionId.value, 500) });
    },
  },
];
