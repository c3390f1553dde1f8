import type { Assignment, MunicipalityWork, WorkStatus } from '../domain/mellomarbeid.js';
import type { Queryable } from '../../platform/db/port.js';

export interface NewAssignment {
  planItemId: string;
  title: string;
  description: string;
  dueAt: Date;
  municipalityNumbers: string[];
  createdBy: string | null;
  seedKey?: string;
}

/** The assignment and one «ikke startet» row per chosen municipality. Undefined: seed row exists. */
export async function insertAssignment(db: Queryable, networkId: string, a: NewAssignment): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO mellomarbeid_assignment (network_id, plan_item_id, title, description, due_at, created_by, seed_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (network_id, seed_key) DO NOTHING
     RETURNING id`,
    [networkId, a.planItemId, a.title, a.description, a.dueAt.toISOString(), a.createdBy, a.seedKey ?? null],
  );
  const id = rows[0]?.id;
  if (!id) return undefined;
  await db.query(
    `INSERT INTO mellomarbeid_status (assignment_id, network_id, municipality_number)
     SELECT $1, $2, unnest($3::text[])`,
    [id, networkId, a.municipalityNumbers],
  );
  return id;
}

const assignmentColumns = `
  a.id, a.network_id AS "networkId", a.plan_item_id AS "planItemId", a.title, a.description, a.due_at AS "dueAt"`;

const asAssignment = (r: Assignment): Assignment => ({ ...r, dueAt: new Date(r.dueAt) });

export async function assignmentsOfNetwork(db: Queryable, networkId: string): Promise<Assignment[]> {
  const { rows } = await db.query<Assignment>(
    `SELECT ${assignmentColumns} FROM mellomarbeid_assignment a WHERE a.network_id = $1 ORDER BY a.due_at, a.title`,
    [networkId],
  );
  return rows.map(asAssignment);
}

export async function findAssignment(db: Queryable, networkId: string, id: string): Promise<Assignment | undefined> {
  const { rows } = await db.query<Assignment>(
    `SELECT ${assignmentColumns} FROM mellomarbeid_assignment a WHERE a.network_id = $1 AND a.id = $2`,
    [networkId, id],
  );
  return rows[0] && asAssignment(rows[0]);
}

const workColumns = `
  s.assignment_id AS "assignmentId", s.municipality_number AS "municipalityNumber", mu.name AS "municipalityName",
  s.status, s.submission_text AS "submissionText", s.submission_url AS "submissionUrl", s.feedback,
  s.delivered_at AS "deliveredAt", s.feedback_at AS "feedbackAt", s.updated_at AS "updatedAt"`;

const asWork = (r: MunicipalityWork): MunicipalityWork => ({
  ...r,
  deliveredAt: r.deliveredAt && new Date(r.deliveredAt),
  feedbackAt: r.feedbackAt && new Date(r.feedbackAt),
  updatedAt: new Date(r.updatedAt),
});

/** Every status row of the network's assignments; optionally one municipality's only. */
export async function workOfNetwork(db: Queryable, networkId: string, municipalityNumber?: string): Promise<MunicipalityWork[]> {
  const { rows } = await db.query<MunicipalityWork>(
    `SELECT ${workColumns} FROM mellomarbeid_status s JOIN municipality mu ON mu.number = s.municipality_number
      WHERE s.network_id = $1 AND ($2::text IS NULL OR s.municipality_number = $2)
      ORDER BY mu.name`,
    [networkId, municipalityNumber ?? null],
  );
  return rows.map(asWork);
}

export async function findWork(db: Queryable, assignmentId: string, municipalityNumber: string): Promise<MunicipalityWork | undefined> {
  const { rows } = await db.query<MunicipalityWork>(
    `SELECT ${workColumns} FROM mellomarbeid_status s JOIN municipality mu ON mu.number = s.municipality_number
      WHERE s.assignment_id = $1 AND s.municipality_number = $2`,
    [assignmentId, municipalityNumber],
  );
  return rows[0] && asWork(rows[0]);
}

/**
 * Writes a planned change only if the status is still what the caller decided from
 * (compare-and-set); false means someone else moved it first and nothing was written.
 */
export async function applyWorkChange(
  db: Queryable,
  w: {
    assignmentId: string;
    municipalityNumber: string;
    expected: WorkStatus;
    to: WorkStatus;
    submissionText: string | null;
    submissionUrl: string | null;
    feedback: string | null;
    memberId: string;
    now: Date;
  },
): Promise<boolean> {
  const res = await db.query(
    `UPDATE mellomarbeid_status
        SET status = $4, submission_text = $5, submission_url = $6, feedback = $7, updated_by = $8, updated_at = $9,
            delivered_at = CASE WHEN $4 = 'levert' AND status <> 'levert' THEN $9::timestamptz
                                WHEN $4 IN ('ikke-startet', 'pabegynt') THEN NULL ELSE delivered_at END,
            feedback_at = CASE WHEN $4 = 'tilbakemelding-gitt' THEN $9::timestamptz
                               WHEN $4 IN ('ikke-startet', 'pabegynt') THEN NULL ELSE feedback_at END
      WHERE assignment_id = $1 AND municipality_number = $2 AND status = $3`,
    [
      w.assignmentId,
      w.municipalityNumber,
      w.expected,
      w.to,
      w.submissionText,
      w.submissionUrl,
      w.feedback,
      w.memberId || null,
      w.now.toISOString(),
    ],
  );
  return res.rowCount > 0;
}
