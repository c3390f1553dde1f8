import type { AnswerGroup } from '../domain/results.js';
import type { Answer } from '../domain/polls.js';
import type { Sector } from '../../shared/types.js';
import type { Queryable } from '../../platform/db/port.js';

export interface VoteInput {
  pollId: string;
  voterKey: string;
  /** Needed for the sector lookup; stored only when the poll is named. */
  memberId: string;
  /** Stored only when the poll keeps municipality (named polls, anonymous ones that ask). */
  municipalityNumber: string | null;
  answer: Answer;
  now: Date;
}

export type VoteOutcome = 'ny' | 'endret' | 'uendret' | 'ikke-apen';

function columnsOf(a: Answer): [number[] | null, number | null, string | null] {
  if (a.kind === 'valg') return [a.choices, null, null];
  if (a.kind === 'skala') return [null, a.value, null];
  return [null, null, a.text];
}

/**
 * One statement: the poll's open window is checked in the same INSERT that writes, so a vote
 * can never land after the close, and the primary key (poll, voter) makes a change of mind,
 * a double click or a replay an update of the one row. Whether the row is named or anonymous,
 * and which breakdown dimensions it keeps, comes from the poll, not from the caller.
 */
export async function upsertVote(db: Queryable, v: VoteInput): Promise<VoteOutcome> {
  const [choices, value, text] = columnsOf(v.answer);
  const { rows } = await db.query<{ inserted: boolean; same: boolean | null }>(
    `WITH prev AS (
       SELECT choices, scale_value, text_answer FROM poll_vote WHERE poll_id = $1 AND voter_key = $2
     ), written AS (
       INSERT INTO poll_vote (poll_id, voter_key, anonymous, member_id, municipality_number, sector,
                              choices, scale_value, text_answer, answered_at)
       SELECT p.id, $2, p.anonymous,
              CASE WHEN p.anonymous THEN NULL ELSE $3::uuid END,
              CASE WHEN p.breakdown IN ('municipality', 'both') THEN $4::text END,
              CASE WHEN p.breakdown IN ('sector', 'both') THEN (SELECT m.sector FROM member m WHERE m.id = $3::uuid) END,
              $5::smallint[], $6::smallint, $7::text,
              CASE WHEN p.anonymous THEN NULL ELSE $8::timestamptz END
         FROM poll p
        WHERE p.id = $1 AND p.opens_at <= $8::timestamptz AND p.closed_at IS NULL
          AND (p.closes_at IS NULL OR p.closes_at > $8::timestamptz)
       ON CONFLICT (poll_id, voter_key) DO UPDATE
         SET choices = EXCLUDED.choices, scale_value = EXCLUDED.scale_value, text_answer = EXCLUDED.text_answer,
             municipality_number = EXCLUDED.municipality_number, sector = EXCLUDED.sector,
             answered_at = EXCLUDED.answered_at
       RETURNING (xmax = 0) AS inserted
     )
     SELECT w.inserted,
            (SELECT prev.choices IS NOT DISTINCT FROM $5::smallint[] AND prev.scale_value IS NOT DISTINCT FROM $6::smallint
                    AND prev.text_answer IS NOT DISTINCT FROM $7::text FROM prev) AS same
       FROM written w`,
    [v.pollId, v.voterKey, v.memberId, v.municipalityNumber, choices, value, text, v.now.toISOString()],
  );
  const row = rows[0];
  if (!row) return 'ikke-apen';
  if (row.inserted) return 'ny';
  return row.same ? 'uendret' : 'endret';
}

interface VoteRow {
  choices: number[] | null;
  scale_value: number | null;
  text_answer: string | null;
}

function answerOf(r: VoteRow): Answer {
  if (r.choices) return { kind: 'valg', choices: r.choices };
  if (r.scale_value !== null) return { kind: 'skala', value: r.scale_value };
  return { kind: 'tekst', text: r.text_answer ?? '' };
}

export async function findVote(db: Queryable, pollId: string, voterKey: string): Promise<Answer | undefined> {
  const { rows } = await db.query<VoteRow>(
    `SELECT choices, scale_value, text_answer FROM poll_vote WHERE poll_id = $1 AND voter_key = $2`,
    [pollId, voterKey],
  );
  return rows[0] && answerOf(rows[0]);
}

export interface Tally {
  /** The database's time when the tally's statement started: everything committed before is in it. */
  asOf: Date;
  groups: AnswerGroup[];
}

/** Identical answers grouped per municipality and sector: what every result is computed from. */
export async function tallyVotes(db: Queryable, pollId: string): Promise<Tally> {
  const { rows } = await db.query<VoteRow & { municipality_number: string | null; sector: Sector | null; n: number; as_of: Date | string }>(
    `SELECT municipality_number, sector, choices, scale_value, text_answer, count(*)::int AS n, statement_timestamp() AS as_of
       FROM poll_vote WHERE poll_id = $1
      GROUP BY municipality_number, sector, choices, scale_value, text_answer`,
    [pollId],
  );
  const asOf = rows[0] ? new Date(rows[0].as_of) : await dbNow(db);
  return {
    asOf,
    groups: rows.map((r) => ({
      municipalityNumber: r.municipality_number?.trim() ?? null,
      sector: r.sector,
      choices: r.choices,
      value: r.scale_value,
      text: r.text_answer,
      count: r.n,
    })),
  };
}

async function dbNow(db: Queryable): Promise<Date> {
  const { rows } = await db.query<{ t: Date | string }>(`SELECT statement_timestamp() AS t`);
  return new Date(rows[0]!.t);
}

export interface ExportRow {
  name: string | null;
  municipality: string | null;
  sector: Sector | null;
  answeredAt: Date | null;
  answer: Answer;
}

/**
 * Rows for export. Named polls: who, from where, when. Anonymous polls: the answers alone,
 * ordered by the answer itself so not even the storage order survives.
 */
export async function exportRows(db: Queryable, pollId: string, anonymous: boolean): Promise<ExportRow[]> {
  if (anonymous) {
    const { rows } = await db.query<VoteRow>(
      `SELECT choices, scale_value, text_answer FROM poll_vote WHERE poll_id = $1
        ORDER BY choices NULLS LAST, scale_value NULLS LAST, text_answer NULLS LAST`,
      [pollId],
    );
    return rows.map((r) => ({ name: null, municipality: null, sector: null, answeredAt: null, answer: answerOf(r) }));
  }
  const { rows } = await db.query<VoteRow & { name: string | null; municipality: string | null; sector: Sector | null; answered_at: Date | string | null }>(
    `SELECT m.display_name AS name, mu.name AS municipality, v.sector, v.answered_at, v.choices, v.scale_value, v.text_answer
       FROM poll_vote v LEFT JOIN member m ON m.id = v.member_id
       LEFT JOIN municipality mu ON mu.number = v.municipality_number
      WHERE v.poll_id = $1
      ORDER BY mu.name NULLS FIRST, m.display_name`,
    [pollId],
  );
  return rows.map((r) => ({
    name: r.name,
    municipality: r.municipality,
    sector: r.sector,
    answeredAt: r.answered_at ? new Date(r.answered_at) : null,
    answer: answerOf(r),
  }));
}

/** Member ids of a named poll's voters (reminders go to the others). */
export async function namedVoters(db: Queryable, pollId: string): Promise<string[]> {
  const { rows } = await db.query<{ member_id: string }>(
    `SELECT member_id FROM poll_vote WHERE poll_id = $1 AND member_id IS NOT NULL`,
    [pollId],
  );
  return rows.map((r) => r.member_id);
}
