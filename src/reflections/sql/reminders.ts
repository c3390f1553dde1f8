import type { Queryable } from '../../platform/db/port.js';
import type { AnswerMode } from '../domain/reflections.js';

export interface ReflectionTaskToRemind {
  id: string;
  networkId: string;
  dueAt: Date;
  title: string;
  answerMode: AnswerMode;
  firstPrompt: string | null;
}

/** A reflection task as its due reminder shows it, unless its network is archived. */
export async function reflectionTaskToRemind(db: Queryable, taskId: string): Promise<ReflectionTaskToRemind | undefined> {
  const { rows } = await db.query<ReflectionTaskToRemind>(
    `SELECT t.id, t.network_id AS "networkId", t.due_at AS "dueAt", t.title, t.answer_mode AS "answerMode", t.prompts[1] AS "firstPrompt"
       FROM reflection_task t JOIN network n ON n.id = t.network_id
      WHERE t.id = $1 AND n.archived_at IS NULL`,
    [taskId],
  );
  const r = rows[0];
  return r && { ...r, dueAt: new Date(r.dueAt) };
}

/** Reflection tasks of active networks due after `now`; with `networkId`, only that network's. */
export async function upcomingReflectionTaskIds(db: Queryable, now: Date, networkId?: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT t.id FROM reflection_task t JOIN network n ON n.id = t.network_id
      WHERE t.due_at > $1 AND n.archived_at IS NULL AND ($2::uuid IS NULL OR t.network_id = $2)`,
    [now.toISOString(), networkId ?? null],
  );
  return rows.map((r) => r.id);
}

/**
 * Deltakere who still owe the task an answer: for a group task (kommune) those whose
 * municipality has no version yet; for a personal one those who neither answered nor took
 * part anonymously.
 */
export async function deltakereWithoutAnswer(db: Queryable, networkId: string, taskId: string, answerMode: AnswerMode): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    answerMode === 'kommune'
      ? `SELECT nm.member_id AS id FROM network_member nm
          WHERE nm.network_id = $1 AND nm.role = 'deltaker'
            AND NOT EXISTS (SELECT 1 FROM reflection_group_version v
                             WHERE v.task_id = $2 AND v.municipality_number = nm.municipality_number)`
      : `SELECT nm.member_id AS id FROM network_member nm
          WHERE nm.network_id = $1 AND nm.role = 'deltaker'
            AND NOT EXISTS (SELECT 1 FROM reflection_answer a WHERE a.task_id = $2 AND a.member_id = nm.member_id)
            AND NOT EXISTS (SELECT 1 FROM reflection_participation p WHERE p.task_id = $2 AND p.member_id = nm.member_id)`,
    [networkId, taskId],
  );
  return rows.map((r) => r.id);
}
