import type { Poll, PollBreakdown, PollDefinition, PollKind, ScaleMax } from '../domain/polls.js';
import type { Queryable } from '../../platform/db/port.js';

interface PollRow {
  id: string;
  network_id: string;
  plan_item_id: string | null;
  repeat_of: string | null;
  kind: PollKind;
  question: string;
  options: string[];
  max_choices: number | null;
  scale_max: number | null;
  scale_min_label: string | null;
  scale_max_label: string | null;
  anonymous: boolean;
  breakdown: PollBreakdown;
  opens_at: Date | string;
  closes_at: Date | string | null;
  closed_at: Date | string | null;
  send_to_all: boolean;
  opens_at_meeting_start: boolean;
  created_at: Date | string;
}

const date = (v: Date | string) => new Date(v);
const maybeDate = (v: Date | string | null) => (v === null ? null : new Date(v));

function toPoll(r: PollRow): Poll {
  return {
    id: r.id,
    networkId: r.network_id,
    planItemId: r.plan_item_id,
    repeatOf: r.repeat_of,
    kind: r.kind,
    question: r.question,
    options: r.options,
    maxChoices: r.max_choices,
    scale: r.scale_max ? { max: r.scale_max as ScaleMax, minLabel: r.scale_min_label ?? '', maxLabel: r.scale_max_label ?? '' } : null,
    anonymous: r.anonymous,
    breakdown: r.breakdown,
    opensAt: date(r.opens_at),
    closesAt: maybeDate(r.closes_at),
    closedAt: maybeDate(r.closed_at),
    sendToAll: r.send_to_all,
    opensAtMeetingStart: r.opens_at_meeting_start,
    createdAt: date(r.created_at),
  };
}

const pollColumns = `p.id, p.network_id, p.plan_item_id, p.repeat_of, p.kind, p.question, p.options, p.max_choices,
  p.scale_max, p.scale_min_label, p.scale_max_label, p.anonymous, p.breakdown, p.opens_at, p.closes_at, p.closed_at, p.send_to_all,
  p.opens_at_meeting_start, p.created_at`;

export interface NewPoll {
  networkId: string;
  definition: PollDefinition;
  planItemId: string | null;
  repeatOf: string | null;
  opensAt: Date;
  closesAt: Date | null;
  sendToAll: boolean;
  /** Opens when the samling's Teams meeting starts (opensAt is the fallback). */
  opensAtMeetingStart?: boolean;
  createdBy: string | null;
  seedKey?: string;
}

export async function insertPoll(db: Queryable, p: NewPoll): Promise<Poll> {
  const d = p.definition;
  const { rows } = await db.query<PollRow>(
    `INSERT INTO poll AS p (network_id, plan_item_id, repeat_of, kind, question, options, max_choices, scale_max,
                            scale_min_label, scale_max_label, anonymous, breakdown, opens_at, closes_at, send_to_all, created_by, seed_key, opens_at_meeting_start)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $17, $12, $13, $14, $15, $16, $18)
     RETURNING ${pollColumns}`,
    [
      p.networkId,
      p.planItemId,
      p.repeatOf,
      d.kind,
      d.question,
      d.options,
      d.maxChoices,
      d.scale?.max ?? null,
      d.scale?.minLabel ?? null,
      d.scale?.maxLabel ?? null,
      d.anonymous,
      p.opensAt.toISOString(),
      p.closesAt?.toISOString() ?? null,
      p.sendToAll,
      p.createdBy || null,
      p.seedKey ?? null,
      // Named polls always keep both dimensions (the database checks it too).
      d.anonymous ? d.breakdown : 'both',
      p.opensAtMeetingStart ?? false,
    ],
  );
  return toPoll(rows[0]!);
}

export async function findPoll(db: Queryable, id: string): Promise<Poll | undefined> {
  const { rows } = await db.query<PollRow>(`SELECT ${pollColumns} FROM poll p WHERE p.id = $1`, [id]);
  return rows[0] && toPoll(rows[0]);
}

export interface PollSummary extends Poll {
  respondents: number;
  /** The after-poll that repeats this one, if any. */
  repeatedBy: string | null;
}

export async function listPolls(db: Queryable, networkId: string, limit = 200): Promise<PollSummary[]> {
  const { rows } = await db.query<PollRow & { respondents: number; repeated_by: string | null }>(
    `SELECT ${pollColumns},
            (SELECT count(*)::int FROM poll_vote v WHERE v.poll_id = p.id) AS respondents,
            (SELECT r.id FROM poll r WHERE r.repeat_of = p.id) AS repeated_by
       FROM poll p WHERE p.network_id = $1
      ORDER BY p.created_at DESC, p.id
      LIMIT $2`,
    [networkId, limit],
  );
  return rows.map((r) => ({ ...toPoll(r), respondents: r.respondents, repeatedBy: r.repeated_by }));
}

export async function findRepeatOf(db: Queryable, pollId: string): Promise<Poll | undefined> {
  const { rows } = await db.query<PollRow>(`SELECT ${pollColumns} FROM poll p WHERE p.repeat_of = $1`, [pollId]);
  return rows[0] && toPoll(rows[0]);
}

/** The polls of a plan item open at `at` (a samling's meeting ends: they close with it). */
export async function openPollsOfPlanItem(db: Queryable, planItemId: string, at: Date): Promise<Poll[]> {
  const { rows } = await db.query<PollRow>(
    `SELECT ${pollColumns} FROM poll p
      WHERE p.plan_item_id = $1 AND p.closed_at IS NULL AND p.opens_at <= $2
        AND (p.closes_at IS NULL OR p.closes_at > $2)
      ORDER BY p.opens_at`,
    [planItemId, at.toISOString()],
  );
  return rows.map(toPoll);
}

/** The plan item's planned polls set to open when its Teams meeting starts (still planned at `at`). */
export async function pollsOpeningAtMeetingStart(db: Queryable, planItemId: string, at: Date): Promise<Poll[]> {
  const { rows } = await db.query<PollRow>(
    `SELECT ${pollColumns} FROM poll p
      WHERE p.plan_item_id = $1 AND p.opens_at_meeting_start AND p.closed_at IS NULL AND p.opens_at > $2
      ORDER BY p.opens_at, p.created_at`,
    [planItemId, at.toISOString()],
  );
  return rows.map(toPoll);
}

/** Closes an open poll at `at`; false when it was closed already. */
export async function closePoll(db: Queryable, id: string, at: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE poll SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL RETURNING id`,
    [id, at.toISOString()],
  );
  return res.rowCount > 0;
}

/** The close job: only when the planned close is still the one the job was made for. */
export async function closePollAsPlanned(db: Queryable, id: string, closesAt: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE poll SET closed_at = closes_at WHERE id = $1 AND closed_at IS NULL AND closes_at = $2 RETURNING id`,
    [id, closesAt.toISOString()],
  );
  return res.rowCount > 0;
}

/** Opens a closed poll again, with a new planned close or none. */
/** A planned poll opened now; false when it was open or closed already. */
export async function openPlannedPoll(db: Queryable, id: string, now: Date): Promise<boolean> {
  const res = await db.query(`UPDATE poll SET opens_at = $2 WHERE id = $1 AND closed_at IS NULL AND opens_at > $2 RETURNING id`, [id, now.toISOString()]);
  return res.rowCount > 0;
}

export async function reopenPoll(db: Queryable, id: string, closesAt: Date | null): Promise<boolean> {
  const res = await db.query(
    `UPDATE poll SET closed_at = NULL, closes_at = $2 WHERE id = $1 RETURNING id`,
    [id, closesAt?.toISOString() ?? null],
  );
  return res.rowCount > 0;
}

/** Polls with a planned close still ahead (the scheduler re-arms their close jobs at start). */
export async function pollsClosingAfter(db: Queryable, now: Date): Promise<{ id: string; closesAt: Date }[]> {
  const { rows } = await db.query<{ id: string; closes_at: Date | string }>(
    `SELECT id, closes_at FROM poll WHERE closed_at IS NULL AND closes_at > $1`,
    [now.toISOString()],
  );
  return rows.map((r) => ({ id: r.id, closesAt: new Date(r.closes_at) }));
}

export interface Participant {
  memberId: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
}

/** The network's deltakere: who a poll is sent to 1:1 and reminded about. */
export async function networkParticipants(db: Queryable, networkId: string): Promise<Participant[]> {
  const { rows } = await db.query<Participant>(
    `SELECT m.id AS "memberId", m.tenant_id AS "tenantId", m.aad_object_id AS "aadObjectId", m.display_name AS "displayName"
       FROM network_member nm JOIN member m ON m.id = nm.member_id
      WHERE nm.network_id = $1 AND nm.role = 'deltaker'
      ORDER BY m.display_name`,
    [networkId],
  );
  return rows;
}

export async function municipalityNames(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ number: string; name: string }>(`SELECT number, name FROM municipality`);
  return new Map(rows.map((r) => [r.number, r.name]));
}
