import { assignmentsOfNetwork, workOfNetwork } from '../sql/mellomarbeid.js';
import { networkMunicipalities } from '../../network/sql/members.js';
import { planForNetwork } from '../../plan/sql/plan.js';
import { isDelivered, isOverdue, nextMoves, submissionEditable, type MunicipalityWork } from '../domain/mellomarbeid.js';
import { isFacilitator, policy } from '../../shared/policy.js';
import { createAssignment, updateWork, workRoleOf } from '../use-cases.js';
import { networkHolidayNotice } from '../../reminders/holiday-notice.js';
import { municipalityNumber, newAssignmentSchema, workUpdateSchema } from '../input.js';
import type { MatrixResponse, NewAssignmentResponse, WorkCell, WorkUpdateResponse } from '../contract.js';
import { idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { invalid, ok } from '../../shared/result.js';
import { t } from '../messages.js';
import type { Network } from '../../shared/types.js';

function cellDto(ctx: ApiContext, network: Network, w: MunicipalityWork, dueAt: Date): WorkCell {
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
      return ok<MatrixResponse>({
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
      const input = parse(newAssignmentSchema, body, t('api.invalidAssignment'));
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
      return ok<NewAssignmentResponse>({
        assignment: { id: a.id, title: a.title, description: a.description, dueAt: a.dueAt.toISOString(), planItemId: a.planItemId },
        municipalityNumbers: created.value.municipalityNumbers,
        holidayNotice: await networkHolidayNotice(ctx.db, network.value.id, a.dueAt),
      });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/mellomarbeid/:assignmentId/:municipalityNumber',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const assignmentId = idFromPath(params.assignmentId, t('api.assignmentIdName'));
      if (!assignmentId.ok) return assignmentId;
      const number = municipalityNumber.safeParse(params.municipalityNumber);
      if (!number.success) return invalid(t('api.badMunicipalityNumber'));
      const input = parse(workUpdateSchema, body, t('api.invalidUpdate'));
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
      return ok<WorkUpdateResponse>({ cell: cellDto(ctx, network.value, result.value.work, result.value.assignment.dueAt) });
    },
  },
];
