import { auditForRegion, recordAudit } from '../../shared/sql/audit.js';
import { networkRetention, setNetworkRetention } from '../../network/sql/networks.js';
import { deletePerson, exportPerson } from '../sql/privacy.js';
import { exportPollAnswers } from '../../polls/sql/privacy.js';
import { exportReminders } from '../../reminders/sql/reminders.js';
import { exportReflections } from '../../mellomarbeid/sql/privacy.js';
import { policy } from '../../shared/policy.js';
import { z } from '../../shared/validation.js';
import { authorizedNetwork, decide, idFromPath, parse, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok } from '../../shared/result.js';

export const retentionSchema = z.object({
  months: z
    .number({ error: 'må være et tall' })
    .int('må være et helt antall måneder')
    .min(1, 'må være minst 1 måned')
    .max(120, 'kan være maks 120 måneder'),
});

export const deleteSchema = z.object({
  confirm: z.literal('SLETT', { error: 'skriv SLETT for å bekrefte at alt om deg skal slettes' }),
});

export const privacyRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/me',
    async handle(ctx) {
      return ok({
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
      if (!ctx.actor.memberId) return ok({ person: null, merknad: 'Samlingspunkt har ingen opplysninger om deg.' });
      return ok({
        eksportert: ctx.now.toISOString(),
        ...(await exportPerson(ctx.db, ctx.actor.memberId)),
        ...(await exportReflections(ctx.db, ctx.actor.memberId)),
        ...(await exportPollAnswers(ctx.db, ctx.actor.memberId)),
        ...(await exportReminders(ctx.db, ctx.actor.memberId)),
      });
    },
  },
  {
    method: 'post',
    path: '/api/me/delete',
    async handle(ctx, { body }) {
      const input = parse(deleteSchema, body, 'Ikke bekreftet');
      if (!input.ok) return input;
      if (!ctx.actor.memberId) return fail('finnes-ikke', 'Samlingspunkt har ingen opplysninger om deg.');
      await ctx.db.transaction((tx) => deletePerson(tx, ctx.actor.memberId));
      return ok({ deleted: true });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/retention',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      return ok({ months: await networkRetention(ctx.db, network.value.id) });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/retention',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.changeRetention);
      if (!network.ok) return network;
      const input = parse(retentionSchema, body, 'Ugyldig lagringstid');
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
      return ok({ months: input.value.months });
    },
  },
  {
    method: 'get',
    path: '/api/regions/:regionId/audit',
    async handle(ctx, { params }) {
      const regionId = idFromPath(params.regionId, 'region-id');
      if (!regionId.ok) return regionId;
      const allowed = decide(policy.readAuditLog(ctx.actor, regionId.value));
      if (!allowed.ok) return allowed;
      return ok({ entries: await auditForRegion(ctx.db, regionId.value, 500) });
    },
  },
];
