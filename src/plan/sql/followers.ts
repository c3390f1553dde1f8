/**
 * What is tied to a plan item and follows it when it moves or goes: polls (their planned close),
 * reflection tasks and mellomarbeid (their due time). The tables are the other capabilities',
 * but the tie is the plan item's (plan_item_id), and so is the rule of what happens to them;
 * their reminders are re-synced through the hooks the composition root gives (plan-items.ts).
 */
import type { Queryable } from '../../platform/db/port.js';

export interface LinkedPoll {
  id: string;
  question: string;
  opensAt: Date;
  closesAt: Date | null;
  closed: boolean;
}

export interface LinkedReflection {
  id: string;
  title: string;
  dueAt: Date;
}

export interface LinkedAssignment {
  id: string;
  title: string;
  dueAt: Date;
  /** Municipalities it is for (status rows), and those whose status has moved on from «ikke startet». */
  municipalities: number;
  updatedMunicipalities: number;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

export async function pollsOfItem(db: Queryable, itemId: string): Promise<LinkedPoll[]> {
  const { rows } = await db.query<{ id: string; question: string; opensAt: Date; closesAt: Date | null; closed: boolean }>(
    `SELECT id, question, opens_at AS "opensAt", closes_at AS "closesAt", closed_at IS NOT NULL AS closed
       FROM poll WHERE plan_item_id = $1 ORDER BY opens_at, id`,
    [itemId],
  );
  return rows.map((r) => ({ ...r, opensAt: new Date(r.opensAt), closesAt: date(r.closesAt) }));
}

export async function reflectionsOfItem(db: Queryable, itemId: string): Promise<LinkedReflection[]> {
  const { rows } = await db.query<LinkedReflection>(
    `SELECT id, title, due_at AS "dueAt" FROM reflection_task WHERE plan_item_id = $1 ORDER BY due_at, id`,
    [itemId],
  );
  return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
}

export async function assignmentsOfItem(db: Queryable, itemId: string): Promise<LinkedAssignment[]> {
  const { rows } = await db.query<{ id: string; title: string; dueAt: Date; municipalities: string; updatedMunicipalities: string }>(
    `SELECT a.id, a.title, a.due_at AS "dueAt",
            count(s.municipality_number) AS municipalities,
            count(s.municipality_number) FILTER (WHERE s.status <> 'ikke-startet') AS "updatedMunicipalities"
       FROM mellomarbeid_assignment a LEFT JOIN mellomarbeid_status s ON s.assignment_id = a.id
      WHERE a.plan_item_id = $1 GROUP BY a.id ORDER BY a.due_at, a.id`,
    [itemId],
  );
  return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt), municipalities: Number(r.municipalities), updatedMunicipalities: Number(r.updatedMunicipalities) }));
}

export async function movePollClose(db: Queryable, pollId: string, closesAt: Date): Promise<void> {
  await db.query(`UPDATE poll SET closes_at = $2 WHERE id = $1 AND closed_at IS NULL`, [pollId, closesAt.toISOString()]);
}

export async function moveReflectionDue(db: Queryable, taskId: string, dueAt: Date): Promise<void> {
  await db.query(`UPDATE reflection_task SET due_at = $2, calendar_sequence = calendar_sequence + 1 WHERE id = $1 AND due_at IS DISTINCT FROM $2`, [taskId, dueAt.toISOString()]);
}

export async function moveAssignmentDue(db: Queryable, assignmentId: string, dueAt: Date): Promise<void> {
  await db.query(`UPDATE mellomarbeid_assignment SET due_at = $2, calendar_sequence = calendar_sequence + 1 WHERE id = $1 AND due_at IS DISTINCT FROM $2`, [assignmentId, dueAt.toISOString()]);
}
