import { assignmentsOfNetwork, workOfNetwork } from '../sql/mellomarbeid.js';
import { networkMunicipalities } from '../../network/sql/members.js';
import { planForNetwork } from '../../plan/sql/plan.js';
import {
  DESCRIPTION_MAX_CHARS,
  isDelivered,
  isOverdue,
  nextMoves,
  submissionEditable,
  workStatuses,
  type MunicipalityWork,
} from '../domain/mellomarbeid.js';
import { isFacilitator, policy } from '../../shared/policy.js';
import { createAssignment, updateWork, workRoleOf } from '../use-cases.js';
import { instant, text, z } from '../../shared/validation.js';
import { authorizedNetwork, idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok } from '../../shared/result.js';
import type { Network } from '../../shared/types.js';

const municipalityNumber = z.string().regex(/^\d{4}$/, 'må være et kommunenummer med fire sifre');

export const newAssignmentSchema = z.object({
  planItemId: z.uuid({ error: 'må være id-en til en aktivitet av typen mellomarbeid' }),
  title: text().trim().max(200, 'kan være maks 200 tegn').nullish(),
  description: text()
    .trim()
    .min(1, 'kan ikke være tom')
    .max(DESCRIPTION_MAX_CHARS, `kan være maks ${DESCRIPTION_MAX_CHARS} tegn`),
  dueAt: instant('2026-12-01T16:00:00+01:00'),
  municipalityNumbers: z.array(municipalityNumber, { error: 'må være en liste med kommunenumre' }).max(400).nullish(),
});

// Text lengths are left to the domain, which names the limit in its refusal.
export const workUpdateSchema = z.object({
  status: z.enum(workStatuses, { error: `må være en av ${workStatuses.join(', ')}` }).optional(),
  expectedStatus: z.enum(workStatuses, { error: `må være en av ${workStatuses.join(', ')}` }).optional(),
  submissionText: text().max(100_000, 'er altfor lang').nullish(),
  submissionUrl: text().max(100_000, 'er altfor lang').nullish(),
  feedback: text().max(100_000, 'er altfor lang').nullish(),
});

function cellDto(ctx: ApiContext, network: Network, w: MunicipalityWork, dueAt: Date) {
  const role = workRoleOf(ctx.actor, network, w.municipalityNumber);
  return {
    assignmentId: w.assignmentId,
    municipalityNumber: w.municipalityNumber,
    status: w.status,
    overdue: isOverdue(dueAt, w.status, ctx.now),
    submissionText: w.submissionText,
    submissionUrl: w.submissionUrl,
    feedback: w.feedback,
    deliveredAt: w.deliveredAt?.toISOString() ?? null,
    updatedAt: w.updatedAt.toISOString(),
    canEditSubmission: role.ok && submissionEditable(w.status),
    nextStatuses: role.ok ? nextMoves(w.status, role.value) : [],
  };
}

export const mellomarbeidRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/mellomarbeid',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const [assignments, work, municipalities, plan] = await Promise.all([
        assignmentsOfNetwork(ctx.db, network.value.id),
        workOfNetwork(ctx.db, network.value.id),
        networkMunicipalities(ctx.db, network.value.id),
        planForNetwork(ctx.db, network.value.id),
      ]);
      // A deltaker sees their own municipality's row; progress counts stay network-wide.
      const visible = municipalities.filter((m) => policy.viewMunicipalityWork(ctx.actor, network.value, m.number).allowed);
      return ok({
        canCreate: policy.createTasks(ctx.actor, network.value).allowed,
        canReview: isFacilitator(ctx.actor, network.value),
        municipalities: visible,
        planItems: plan.filter((p) => p.kind === 'mellomarbeid').map((p) => ({ id: p.id, title: p.title, endsAt: p.endsAt.toISOString() })),
        assignments: assignments.map((a) => {
          const rows = work.filter((w) => w.assignmentId === a.id);
          return {
            id: a.id,
            title: a.title,
            description: a.description,
            dueAt: a.dueAt.toISOString(),
            planItemId: a.planItemId,
            planItemTitle: plan.find((p) => p.id === a.planItemId)?.title ?? null,
            progress: { delivered: rows.filter((w) => isDelivered(w.status)).length, total: rows.length },
          };
        }),
        cells: work
          .filter((w) => visible.some((m) => m.number === w.municipalityNumber))
          .map((w) => cellDto(ctx, network.value, w, assignments.find((a) => a.id === w.assignmentId)!.dueAt)),
      });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/mellomarbeid',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.createTasks);
      if (!network.ok) return network;
      const input = parse(newAssignmentSchema, body, 'Ugyldig mellomarbeid');
      if (!input.ok) return input;
      const created = await createAssignment(
        ctx.db,
        ctx.actor,
        network.value,
        {
          planItemId: input.value.planItemId,
          title: input.value.title ?? null,
          description: input.value.description,
          dueAt: new Date(input.value.dueAt),
          municipalityNumbers: input.value.municipalityNumbers ?? null,
        },
        ctx.now,
      );
      if (!created.ok) return created;
      const a = created.value.assignment;
      return ok({
        assignment: { id: a.id, title: a.title, description: a.description, dueAt: a.dueAt.toISOString(), planItemId: a.planItemId },
        municipalityNumbers: created.value.municipalityNumbers,
      });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/mellomarbeid/:assignmentId/:municipalityNumber',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const assignmentId = idFromPath(params.assignmentId, 'mellomarbeid-id');
      if (!assignmentId.ok) return assignmentId;
      const number = municipalityNumber.safeParse(params.municipalityNumber);
      if (!number.success) return fail('ugyldig-forespørsel', 'Ugyldig kommunenummer: det må ha fire sifre.');
      const input = parse(workUpdateSchema, body, 'Ugyldig oppdatering');
      if (!input.ok) return input;
      const b = input.value;
      const result = await updateWork(
        ctx.db,
        ctx.actor,
        network.value,
        assignmentId.value,
        number.data,
        {
          to: b.status,
          expectedStatus: b.expectedStatus,
          ...(b.submissionText !== undefined ? { submissionText: b.submissionText } : {}),
          ...(b.submissionUrl !== undefined ? { submissionUrl: b.submissionUrl?.trim() || null } : {}),
          ...(b.feedback !== undefined ? { feedback: b.feedback } : {}),
        },
        ctx.now,
      );
      if (!result.ok) return result;
      return ok({ cell: cellDto(ctx, network.value, result.value.work, result.value.assignment.dueAt) });
    },
  },
];
