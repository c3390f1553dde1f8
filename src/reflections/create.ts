import { fail, ok, type Result } from '../shared/result.js';
import type { Database } from '../platform/db/port.js';
import { recordAudit } from '../shared/sql/audit.js';
import { findPlanItem } from '../plan/sql/plan.js';
import { findReflectionTask, insertReflectionTask } from './sql/reflections.js';
import { policy, type Actor } from '../shared/policy.js';
import { checkNewTask, type AnswerMode, type ReflectionKind, type ReflectionTask, type ReflectionVisibility } from './domain/reflections.js';
import type { Network } from '../shared/types.js';
import { t } from './messages.js';

export interface NewTaskInput {
  kind: ReflectionKind;
  title: string;
  prompts: string[];
  answerMode: AnswerMode;
  visibility: ReflectionVisibility;
  dueAt: Date;
  planItemId: string | null;
}

/** A facilitator's new task (from the bot's form or the tab), with its audit entry. */
export async function createReflectionTask(
  db: Database,
  actor: Actor,
  network: Network,
  input: NewTaskInput,
  now: Date,
): Promise<Result<ReflectionTask>> {
  const allowed = policy.createTasks(actor, network);
  if (!allowed.allowed) return fail('ingen-tilgang', allowed.message);
  const checked = checkNewTask(input, now);
  if (!checked.ok) return checked;
  if (input.planItemId && !(await findPlanItem(db, network.id, input.planItemId))) {
    return fail('ugyldig-forespørsel', t('create.planItemMissing')); // i18n-ignore: error code
  }
  const id = await db.transaction(async (tx) => {
    const newId = await insertReflectionTask(tx, network.id, { ...input, createdBy: actor.memberId || null });
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorName: actor.displayName,
      regionId: network.regionId,
      networkId: network.id,
      action: 'refleksjon.opprettet',
      target: input.title,
      details: { taskId: newId, synlighet: input.visibility, svarform: input.answerMode },
    });
    return newId!;
  });
  return ok((await findReflectionTask(db, id))!);
}
