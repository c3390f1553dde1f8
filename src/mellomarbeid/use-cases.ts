import { fail, invalid, ok, type Result } from '../shared/result.js';
import { t } from './messages.js';
import type { Database } from '../platform/db/port.js';
import { recordAudit } from '../shared/sql/audit.js';
import { applyWorkChange, findAssignment, findWork, insertAssignment } from './sql/mellomarbeid.js';
import { networkMunicipalities } from '../network/sql/members.js';
import { findPlanItem } from '../plan/sql/plan.js';
import {
  checkWorkTexts,
  planChange,
  workStatusWord,
  type Assignment,
  type MunicipalityWork,
  type WorkChange,
  type WorkRole,
  type WorkStatus,
} from './domain/mellomarbeid.js';
import { isFacilitator, policy, type Actor } from '../shared/policy.js';
import type { Network } from '../shared/types.js';

export interface NewAssignmentInput {
  planItemId: string;
  title: string | null;
  description: string;
  dueAt: Date;
  /** Null: every municipality in the network. */
  municipalityNumbers: string[] | null;
}

/** A facilitator gives mellomarbeid from a plan item of kind mellomarbeid to all or chosen municipalities. */
export async function createAssignment(
  db: Database,
  actor: Actor,
  network: Network,
  input: NewAssignmentInput,
  now: Date,
): Promise<Result<{ assignment: Assignment; municipalityNumbers: string[] }>> {
  const allowed = policy.createTasks(actor, network);
  if (!allowed.allowed) return fail('ingen-tilgang', allowed.message);
  const item = await findPlanItem(db, network.id, input.planItemId);
  if (!item) return invalid(t('create.planItemMissing'));
  if (item.kind !== 'mellomarbeid') {
    return invalid(t('create.wrongKind'));
  }
  if (input.dueAt.getTime() <= now.getTime()) return invalid(t('create.dueInPast'));
  const members = (await networkMunicipalities(db, network.id)).map((m) => m.number);
  const chosen = input.municipalityNumbers ?? members;
  const outside = chosen.filter((n) => !members.includes(n));
  if (outside.length > 0) return invalid(t('create.outside', { count: outside.length, numbers: outside.join(', ') }));
  if (chosen.length === 0) return invalid(t('create.noMunicipality'));
  const title = input.title?.trim() || item.title;
  const id = await db.transaction(async (tx) => {
    const newId = (await insertAssignment(tx, network.id, {
      planItemId: item.id,
      title,
      description: input.description,
      dueAt: input.dueAt,
      municipalityNumbers: [...new Set(chosen)],
      createdBy: actor.memberId || null,
    }))!;
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorName: actor.displayName,
      regionId: network.regionId,
      networkId: network.id,
      action: 'mellomarbeid.opprettet',
      target: title,
      details: { assignmentId: newId, kommuner: chosen },
    });
    return newId;
  });
  return ok({ assignment: (await findAssignment(db, network.id, id))!, municipalityNumbers: chosen });
}

export interface WorkUpdate extends WorkChange {
  /** The status the caller saw; if it has moved since, nothing is written. */
  expectedStatus?: WorkStatus;
}

/** The role the actor acts in for this municipality's work, or why they may not. */
export function workRoleOf(actor: Actor, network: Network, municipalityNumber: string): Result<WorkRole> {
  if (isFacilitator(actor, network)) return ok('fasilitator');
  const decision = policy.updateMunicipalityWork(actor, network, municipalityNumber);
  return decision.allowed ? ok('kommune') : fail('ingen-tilgang', decision.message);
}

/**
 * One step on a municipality's mellomarbeid: the status machine, the texts' limits and the
 * compare-and-set write. Facilitators' feedback and reopening go to the audit log.
 */
export async function updateWork(
  db: Database,
  actor: Actor,
  network: Network,
  assignmentId: string,
  municipalityNumber: string,
  update: WorkUpdate,
  now: Date,
): Promise<Result<{ assignment: Assignment; work: MunicipalityWork }>> {
  const assignment = await findAssignment(db, network.id, assignmentId);
  if (!assignment) return fail('finnes-ikke', t('update.notFound'));
  const role = workRoleOf(actor, network, municipalityNumber);
  if (!role.ok) return role;
  const work = await findWork(db, assignmentId, municipalityNumber);
  if (!work) return fail('finnes-ikke', t('update.notGiven'));
  const texts = checkWorkTexts(update);
  if (!texts.ok) return texts;
  if (update.expectedStatus && update.expectedStatus !== work.status) {
    return fail('konflikt', t('update.statusMoved', { status: workStatusWord(work.status) }));
  }
  const planned = planChange(work, update, role.value);
  if (!planned.ok) return fail('konflikt', t('update.refused', { reason: planned.error.message }));
  const change = planned.value;
  const written = await db.transaction(async (tx) => {
    const applied = await applyWorkChange(tx, {
      assignmentId,
      municipalityNumber,
      expected: work.status,
      to: change.to,
      submissionText: change.submissionText?.trim() ? change.submissionText : null,
      submissionUrl: change.submissionUrl?.trim() ? change.submissionUrl.trim() : null,
      feedback: change.feedback?.trim() ? change.feedback : null,
      memberId: actor.memberId,
      now,
    });
    if (!applied) return false;
    const reviewed = change.to === 'tilbakemelding-gitt' || (change.to === 'pabegynt' && work.status !== 'ikke-startet');
    if (reviewed && role.value === 'fasilitator') {
      await recordAudit(tx, {
        actorMemberId: actor.memberId,
        actorName: actor.displayName,
        regionId: network.regionId,
        networkId: network.id,
        action: change.to === 'pabegynt' ? 'mellomarbeid.gjenapnet' : 'mellomarbeid.tilbakemelding',
        target: `${assignment.title} – ${work.municipalityName}`,
        details: { assignmentId, kommune: municipalityNumber, fra: work.status, til: change.to },
      });
    }
    return true;
  });
  if (!written) {
    return fail('utdatert', t('update.concurrent'));
  }
  return ok({ assignment, work: (await findWork(db, assignmentId, municipalityNumber))! });
}
