/**
 * Attendance (issue 13): the counts by sector, a plan item's check-list, and the Teams report
 * import (preview → resolve → commit). Names only for the network's facilitators; counts also
 * for the region's coordinators; deltakere see neither (another region's coordinator is not
 * even told the network exists).
 */
import { idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { membersOfNetwork, networkMunicipalities } from '../../network/sql/members.js';
import { planForNetwork } from '../../plan/sql/plan.js';
import { policy } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { sectorLabel } from '../../shared/labels.js';
import { OSLO } from '../../shared/time.js';
import type { Network, PlanItem } from '../../shared/types.js';
import type { AttendanceSummaryResponse, ChecklistResponse, ImportPreviewResponse, ImportResponse } from '../contract.js';
import { healthShare, tallyByItem, tallyByMunicipality, tallyProgramme } from '../domain/summary.js';
import { commitImport, itemRef, previewImport, sectorChoices } from '../import.js';
import { checklistSchema, importSchema } from '../input.js';
import { t } from '../messages.js';
import { attendableItem, recordAttendance } from '../record.js';
import { attendanceBySector, attendanceOfItem, removeGuest } from '../sql/attendance.js';

async function itemOf(ctx: ApiContext, network: Network, rawItemId: string | undefined, requireStarted: boolean): Promise<Result<PlanItem>> {
  const id = idFromPath(rawItemId, t('api.planItemId'));
  if (!id.ok) return id;
  return attendableItem(ctx.db, network.id, id.value, ctx.now, requireStarted);
}

async function checklist(ctx: ApiContext, network: Network, item: PlanItem): Promise<ChecklistResponse> {
  const [members, rows, municipalities] = await Promise.all([
    membersOfNetwork(ctx.db, network.id),
    attendanceOfItem(ctx.db, network.id, item.id),
    networkMunicipalities(ctx.db, network.id),
  ]);
  const byMember = new Map(rows.filter((r) => r.memberId).map((r) => [r.memberId!, r]));
  return {
    item: itemRef(item),
    timeZone: OSLO,
    canEdit: policy.recordAttendance(ctx.actor, network).allowed && item.startsAt <= ctx.now,
    people: members
      .filter((m) => m.role === 'deltaker')
      .map((m) => {
        const a = byMember.get(m.memberId);
        return {
          memberId: m.memberId,
          name: m.displayName,
          municipalityNumber: m.municipalityNumber?.trim() ?? null,
          municipalityName: m.municipalityName,
          sector: m.sector,
          sectorLabel: sectorLabel[m.sector],
          attended: a !== undefined,
          source: a?.source ?? null,
          minutes: a?.minutes ?? null,
        };
      }),
    guests: rows
      .filter((r) => r.guestName)
      .map((r) => ({ id: r.id, name: r.guestName!, municipalityName: r.municipalityName, sectorLabel: sectorLabel[r.sector], source: r.source, minutes: r.minutes })),
    municipalities: municipalities.map((m) => ({ number: m.number.trim(), name: m.name })),
    sectors: sectorChoices(),
  };
}

export const attendanceRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/attendance',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewAttendanceSummary);
      if (!network.ok) return network;
      const [plan, counts, municipalities] = await Promise.all([
        planForNetwork(ctx.db, network.value.id),
        attendanceBySector(ctx.db, { networkIds: [network.value.id] }),
        networkMunicipalities(ctx.db, network.value.id),
      ]);
      const byItem = tallyByItem(counts);
      const byMunicipality = tallyByMunicipality(counts);
      const programme = tallyProgramme(counts);
      return ok<AttendanceSummaryResponse>({
        timeZone: OSLO,
        canRecord: policy.recordAttendance(ctx.actor, network.value).allowed,
        sectors: sectorChoices(),
        items: plan
          .filter((p) => p.kind !== 'mellomarbeid')
          .map((p) => {
            const tally = byItem.get(p.id);
            return { ...itemRef(p), started: p.startsAt <= ctx.now, bySector: tally?.bySector ?? [], total: tally?.total ?? 0, municipalities: tally?.municipalities ?? 0 };
          }),
        programme: { ...programme, healthShare: healthShare(programme.bySector), itemsWithAttendance: byItem.size },
        municipalities: municipalities.map((m) => {
          const tally = byMunicipality.get(m.number.trim());
          return { number: m.number.trim(), name: m.name, items: tally?.items ?? 0, attendees: tally?.attendees ?? 0, bySector: tally?.bySector ?? [] };
        }),
      });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/plan/:itemId/attendance',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewAttendanceNames);
      if (!network.ok) return network;
      const item = await itemOf(ctx, network.value, params.itemId, false);
      if (!item.ok) return item;
      return ok<ChecklistResponse>(await checklist(ctx, network.value, item.value));
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/plan/:itemId/attendance',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.recordAttendance);
      if (!network.ok) return network;
      const item = await itemOf(ctx, network.value, params.itemId, true);
      if (!item.ok) return item;
      const input = parse(checklistSchema, body, t('api.invalidChecklist'));
      if (!input.ok) return input;
      const written = await ctx.db.transaction((tx) =>
        recordAttendance(tx, {
          networkId: network.value.id,
          planItemId: item.value.id,
          source: 'checklist',
          recordedBy: ctx.actor.memberId,
          members: [...new Set(input.value.memberIds)].map((memberId) => ({ memberId })),
          replaceMembers: true,
          now: ctx.now,
        }),
      );
      if (!written.ok) return written;
      return ok<ChecklistResponse>(await checklist(ctx, network.value, item.value));
    },
  },
  {
    method: 'del',
    path: '/api/networks/:networkId/plan/:itemId/attendance/guests/:attendanceId',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.recordAttendance);
      if (!network.ok) return network;
      const item = await itemOf(ctx, network.value, params.itemId, false);
      if (!item.ok) return item;
      const id = idFromPath(params.attendanceId, t('api.attendanceId'));
      if (!id.ok) return id;
      if (!(await removeGuest(ctx.db, network.value.id, item.value.id, id.value))) return fail('finnes-ikke', t('api.guestNotFound'));
      return ok<ChecklistResponse>(await checklist(ctx, network.value, item.value));
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/plan/:itemId/attendance/import/preview',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.recordAttendance);
      if (!network.ok) return network;
      const id = idFromPath(params.itemId, t('api.planItemId'));
      if (!id.ok) return id;
      const input = parse(importSchema, body, t('api.invalidImport'));
      if (!input.ok) return input;
      return previewImport(ctx.db, network.value, id.value, input.value, ctx.now) as Promise<Result<ImportPreviewResponse>>;
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/plan/:itemId/attendance/import',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.recordAttendance);
      if (!network.ok) return network;
      const id = idFromPath(params.itemId, t('api.planItemId'));
      if (!id.ok) return id;
      const input = parse(importSchema, body, t('api.invalidImport'));
      if (!input.ok) return input;
      return commitImport(ctx.db, network.value, id.value, input.value, ctx.actor.memberId, ctx.now) as Promise<Result<ImportResponse>>;
    },
  },
];
