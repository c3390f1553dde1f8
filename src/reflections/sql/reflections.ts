import { createHash, randomBytes } from 'node:crypto';
import type { AnswerMode, ReflectionKind, ReflectionTask, ReflectionVisibility } from '../domain/reflections.js';
import type { Queryable } from '../../platform/db/port.js';

const taskColumns = `
  t.id, t.network_id AS "networkId", t.plan_item_id AS "planItemId", t.kind, t.title, t.prompts,
  t.answer_mode AS "answerMode", t.visibility, t.due_at AS "dueAt", t.created_at AS "createdAt"`;

const asTask = (r: ReflectionTask): ReflectionTask => ({ ...r, dueAt: new Date(r.dueAt), createdAt: new Date(r.createdAt) });

export interface NewReflectionTask {
  planItemId: string | null;
  kind: ReflectionKind;
  title: string;
  prompts: string[];
  answerMode: AnswerMode;
  visibility: ReflectionVisibility;
  dueAt: Date;
  createdBy: string | null;
  seedKey?: string;
}

export async function insertReflectionTask(db: Queryable, networkId: string, t: NewReflectionTask): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reflection_task (network_id, plan_item_id, kind, title, prompts, answer_mode, visibility, due_at, created_by, seed_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (network_id, seed_key) DO NOTHING
     RETURNING id`,
    [networkId, t.planItemId, t.kind, t.title, t.prompts, t.answerMode, t.visibility, t.dueAt.toISOString(), t.createdBy, t.seedKey ?? null],
  );
  return rows[0]?.id;
}

export async function findReflectionTask(db: Queryable, taskId: string): Promise<ReflectionTask | undefined> {
  const { rows } = await db.query<ReflectionTask>(`SELECT ${taskColumns} FROM reflection_task t WHERE t.id = $1`, [taskId]);
  return rows[0] && asTask(rows[0]);
}

export interface TaskOverview extends ReflectionTask {
  planItemTitle: string | null;
  answerCount: number;
  deliveredCount: number;
}

/** The network's tasks, newest due first, with how many answers (or groups) each has. */
export async function reflectionTasksOfNetwork(db: Queryable, networkId: string): Promise<TaskOverview[]> {
  const { rows } = await db.query<TaskOverview>(
    `SELECT ${taskColumns}, p.title AS "planItemTitle",
            CASE WHEN t.answer_mode = 'kommune'
                   THEN (SELECT count(DISTINCT g.municipality_number) FROM reflection_group_version g WHERE g.task_id = t.id)
                 WHEN t.visibility = 'anonym'
                   THEN (SELECT count(*) FROM reflection_anonymous_answer a WHERE a.task_id = t.id)
                 ELSE (SELECT count(*) FROM reflection_answer a WHERE a.task_id = t.id) END::int AS "answerCount",
            (SELECT count(*) FROM reflection_delivery d WHERE d.task_id = t.id AND d.status = 'sent')::int AS "deliveredCount"
       FROM reflection_task t LEFT JOIN plan_item p ON p.id = t.plan_item_id
      WHERE t.network_id = $1
      ORDER BY t.due_at DESC, t.created_at DESC`,
    [networkId],
  );
  return rows.map((r) => ({ ...asTask(r), planItemTitle: r.planItemTitle, answerCount: r.answerCount, deliveredCount: r.deliveredCount }));
}

// ── Named personal answers ──

/** Inserts or replaces a person's answer, only while the task is open (checked in the same statement). */
export async function savePersonalAnswer(
  db: Queryable,
  taskId: string,
  memberId: string,
  municipalityNumber: string | null,
  answers: string[],
  now: Date,
): Promise<'saved' | 'closed'> {
  const res = await db.query(
    `INSERT INTO reflection_answer (task_id, member_id, municipality_number, answers, created_at, updated_at)
     SELECT t.id, $2, $3, $4, $5, $5 FROM reflection_task t WHERE t.id = $1 AND t.due_at > $5
     ON CONFLICT (task_id, member_id) DO UPDATE
       SET answers = EXCLUDED.answers, municipality_number = EXCLUDED.municipality_number, updated_at = EXCLUDED.updated_at`,
    [taskId, memberId, municipalityNumber, answers, now.toISOString()],
  );
  return res.rowCount > 0 ? 'saved' : 'closed';
}

export async function personalAnswerOf(db: Queryable, taskId: string, memberId: string): Promise<{ answers: string[]; updatedAt: Date } | undefined> {
  const { rows } = await db.query<{ answers: string[]; updatedAt: Date }>(
    `SELECT answers, updated_at AS "updatedAt" FROM reflection_answer WHERE task_id = $1 AND member_id = $2`,
    [taskId, memberId],
  );
  return rows[0];
}

export interface NamedAnswer {
  authorName: string;
  municipalityNumber: string | null;
  municipalityName: string | null;
  answers: string[];
  updatedAt: Date;
}

export async function personalAnswersOfTask(db: Queryable, taskId: string): Promise<NamedAnswer[]> {
  const { rows } = await db.query<NamedAnswer>(
    `SELECT m.display_name AS "authorName", a.municipality_number AS "municipalityNumber", mu.name AS "municipalityName",
            a.answers, a.updated_at AS "updatedAt"
       FROM reflection_answer a JOIN member m ON m.id = a.member_id
       LEFT JOIN municipality mu ON mu.number = a.municipality_number
      WHERE a.task_id = $1
      ORDER BY mu.name NULLS LAST, m.display_name`,
    [taskId],
  );
  return rows;
}

// ── Anonymous answers ──

const hashKey = (editKey: string) => createHash('sha256').update(editKey, 'utf8').digest('hex');

export type AnonymousSave = { status: 'saved'; editKey: string } | { status: 'closed' } | { status: 'already-answered' };

/**
 * A person's first anonymous answer: their participation and the answer go in separate tables,
 * linked by nothing. The random edit key goes back to the author only (their card); we keep
 * its hash, which is what lets them change their answer until the due time.
 */
export async function insertAnonymousAnswer(
  db: Queryable,
  taskId: string,
  memberId: string,
  answers: string[],
  now: Date,
): Promise<AnonymousSave> {
  const participation = await db.query(
    `INSERT INTO reflection_participation (task_id, member_id)
     SELECT t.id, $2 FROM reflection_task t WHERE t.id = $1 AND t.due_at > $3
     ON CONFLICT DO NOTHING`,
    [taskId, memberId, now.toISOString()],
  );
  if (participation.rowCount === 0) {
    const open = await db.query(`SELECT 1 FROM reflection_task WHERE id = $1 AND due_at > $2`, [taskId, now.toISOString()]);
    return open.rowCount > 0 ? { status: 'already-answered' } : { status: 'closed' };
  }
  const editKey = randomBytes(24).toString('base64url');
  await db.query(`INSERT INTO reflection_anonymous_answer (task_id, edit_key_hash, answers) VALUES ($1, $2, $3)`, [
    taskId,
    hashKey(editKey),
    answers,
  ]);
  return { status: 'saved', editKey };
}

export async function updateAnonymousAnswer(
  db: Queryable,
  taskId: string,
  editKey: string,
  answers: string[],
  now: Date,
): Promise<'saved' | 'closed' | 'unknown-key'> {
  const res = await db.query(
    `UPDATE reflection_anonymous_answer a SET answers = $3
      WHERE a.task_id = $1 AND a.edit_key_hash = $2
        AND EXISTS (SELECT 1 FROM reflection_task t WHERE t.id = $1 AND t.due_at > $4)`,
    [taskId, hashKey(editKey), answers, now.toISOString()],
  );
  if (res.rowCount > 0) return 'saved';
  const open = await db.query(`SELECT 1 FROM reflection_task WHERE id = $1 AND due_at > $2`, [taskId, now.toISOString()]);
  return open.rowCount > 0 ? 'unknown-key' : 'closed';
}

export async function anonymousAnswerByKey(db: Queryable, taskId: string, editKey: string): Promise<string[] | undefined> {
  const { rows } = await db.query<{ answers: string[] }>(
    `SELECT answers FROM reflection_anonymous_answer WHERE task_id = $1 AND edit_key_hash = $2`,
    [taskId, hashKey(editKey)],
  );
  return rows[0]?.answers;
}

export async function hasParticipated(db: Queryable, taskId: string, memberId: string): Promise<boolean> {
  const res = await db.query(`SELECT 1 FROM reflection_participation WHERE task_id = $1 AND member_id = $2`, [taskId, memberId]);
  return res.rowCount > 0;
}

/** Sorted by text, so the order in which people answered is not shown either. */
export async function anonymousAnswersOfTask(db: Queryable, taskId: string): Promise<string[][]> {
  const { rows } = await db.query<{ answers: string[] }>(
    `SELECT answers FROM reflection_anonymous_answer WHERE task_id = $1 ORDER BY answers`,
    [taskId],
  );
  return rows.map((r) => r.answers);
}

// ── Group answers (append-only versions) ──

export interface GroupVersion {
  municipalityNumber: string;
  municipalityName: string;
  version: number;
  answers: string[];
  choices: string[];
  authorName: string | null;
  createdAt: Date;
}

export type GroupSave = { status: 'saved'; version: number } | { status: 'closed' } | { status: 'stale'; current: number };

/**
 * Appends the next version. `baseVersion` is the version the writer started from: if someone
 * in the municipality saved in between, nothing is written and the caller shows the newer one.
 */
export async function appendGroupVersion(
  db: Queryable,
  v: {
    taskId: string;
    municipalityNumber: string;
    answers: string[];
    choices: string[];
    authorMemberId: string;
    baseVersion: number | null;
    now: Date;
  },
): Promise<GroupSave> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO reflection_group_version (task_id, municipality_number, version, answers, choices, author_member_id, created_at)
     SELECT t.id, $2, coalesce((SELECT max(g.version) FROM reflection_group_version g
                                 WHERE g.task_id = t.id AND g.municipality_number = $2), 0) + 1,
            $3, $4, $5, $7
       FROM reflection_task t
      WHERE t.id = $1 AND t.due_at > $7
        AND ($6::int IS NULL OR $6::int = coalesce((SELECT max(g.version) FROM reflection_group_version g
                                                    WHERE g.task_id = t.id AND g.municipality_number = $2), 0))
     ON CONFLICT DO NOTHING
     RETURNING version`,
    [v.taskId, v.municipalityNumber, v.answers, v.choices, v.authorMemberId || null, v.baseVersion, v.now.toISOString()],
  );
  if (rows[0]) return { status: 'saved', version: rows[0].version };
  const open = await db.query(`SELECT 1 FROM reflection_task WHERE id = $1 AND due_at > $2`, [v.taskId, v.now.toISOString()]);
  if (open.rowCount === 0) return { status: 'closed' };
  return { status: 'stale', current: (await currentGroupVersion(db, v.taskId, v.municipalityNumber))?.version ?? 0 };
}

const groupColumns = `
  g.municipality_number AS "municipalityNumber", mu.name AS "municipalityName", g.version, g.answers, g.choices,
  am.display_name AS "authorName", g.created_at AS "createdAt"`;

const groupJoins = `JOIN municipality mu ON mu.number = g.municipality_number LEFT JOIN member am ON am.id = g.author_member_id`;

export async function currentGroupVersion(db: Queryable, taskId: string, municipalityNumber: string): Promise<GroupVersion | undefined> {
  const { rows } = await db.query<GroupVersion>(
    `SELECT ${groupColumns} FROM reflection_group_version g ${groupJoins}
      WHERE g.task_id = $1 AND g.municipality_number = $2 ORDER BY g.version DESC LIMIT 1`,
    [taskId, municipalityNumber],
  );
  return rows[0];
}

/** The newest version of each municipality's answer. */
export async function currentGroupVersions(db: Queryable, taskId: string): Promise<GroupVersion[]> {
  const { rows } = await db.query<GroupVersion>(
    `SELECT DISTINCT ON (g.municipality_number) ${groupColumns}
       FROM reflection_group_version g ${groupJoins}
      WHERE g.task_id = $1
      ORDER BY g.municipality_number, g.version DESC`,
    [taskId],
  );
  return rows.sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'nb'));
}

export async function groupVersionCount(db: Queryable, taskId: string, municipalityNumber: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reflection_group_version WHERE task_id = $1 AND municipality_number = $2`,
    [taskId, municipalityNumber],
  );
  return rows[0]?.n ?? 0;
}

// ── Delivery bookkeeping ──

export async function recordDelivery(
  db: Queryable,
  taskId: string,
  recipient: string,
  outcome: { status: 'sent' | 'unreachable' | 'stale' | 'failed' | 'skipped'; reason?: string; activityId?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO reflection_delivery (task_id, recipient, status, reason, activity_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (task_id, recipient) DO UPDATE
       SET status = EXCLUDED.status, reason = EXCLUDED.reason, activity_id = EXCLUDED.activity_id, sent_at = now()`,
    [taskId, recipient, outcome.status, outcome.reason ?? null, outcome.activityId ?? null],
  );
}

export async function deliveredRecipients(db: Queryable, taskId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ recipient: string }>(
    `SELECT recipient FROM reflection_delivery WHERE task_id = $1 AND status = 'sent'`,
    [taskId],
  );
  return new Set(rows.map((r) => r.recipient));
}

// ── Recipients ──

export interface Recipient {
  memberId: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  municipalityNumber: string;
}

/** The network's deltakere: who a task is delivered to. */
export async function deltakereOfNetwork(db: Queryable, networkId: string): Promise<Recipient[]> {
  const { rows } = await db.query<Recipient>(
    `SELECT m.id AS "memberId", m.tenant_id AS "tenantId", m.aad_object_id AS "aadObjectId", m.display_name AS "displayName",
            nm.municipality_number AS "municipalityNumber"
       FROM network_member nm JOIN member m ON m.id = nm.member_id
      WHERE nm.network_id = $1 AND nm.role = 'deltaker' AND nm.municipality_number IS NOT NULL
      ORDER BY m.display_name`,
    [networkId],
  );
  return rows;
}

/** A channel of the network's team where the bot is installed; the General channel (id = team id) first. */
export async function networkChannelConversation(db: Queryable, teamId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT conversation_id AS id FROM conversation_ref
      WHERE team_id = $1 AND conversation_type = 'channel' AND installed
      ORDER BY (conversation_id = $1) DESC, updated_at DESC LIMIT 1`,
    [teamId],
  );
  return rows[0]?.id;
}
