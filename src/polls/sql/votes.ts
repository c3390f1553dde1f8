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

/** One answer of a batch: the poll is the batch's, the time the voter's own. */
export type BatchedVote = Omit<VoteInput, 'pollId'>;

/**
 * One statement: the poll's open window is checked in the same INSERT that writes, so a vote
 * can never land after the close, and the primary key (poll, voter) makes a change of mind,
 * a double click or a replay an update of the one row. Whether the row is named or anonymous,
 * and which breakdown dimensions it keeps, comes from the poll, not from the caller.
 */
export async function upsertVote(db: Queryable, v: VoteInput): Promise<VoteOutcome> {
  const { pollId, ...vote } = v;
  return (await upsertVotes(db, pollId, [vote])).outcomes[0]!;
}

export interface WrittenVotes {
  /** In the order of the votes given. */
  outcomes: VoteOutcome[];
  /** The poll's tally with these votes in it, as of the statement (what a card shows next). */
  tally: Tally;
}

/**
 * Many voters' answers to one poll in that one statement (group commit: one WAL flush for a
 * burst), which also returns the tally with them in it, so the voters' cards need no second
 * query. The voter keys must be distinct: a row cannot be updated twice by one statement.
 */
export async function upsertVotes(db: Queryable, pollId: string, votes: readonly BatchedVote[]): Promise<WrittenVotes> {
  const columns = votes.map((v) => columnsOf(v.answer));
  // Arrays of arrays must be rectangular in PostgreSQL: each voter's choices travel as a literal.
  const choiceLiterals = columns.map(([c]) => (c ? `{${c.join(',')}}` : null));
  const { rows } = await db.query<
    { voter_key: string | null; inserted: boolean | null; same: boolean | null; n: number | null; as_of: Date | string } & Partial<VoteRow> & {
        municipality_number?: string | null;
        sector?: Sector | null;
      }
  >(
    `WITH input AS (
       SELECT * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::smallint[], $7::text[], $8::timestamptz[])
         AS i(voter_key, member_id, municipality_number, choices, scale_value, text_answer, at)
     ), prev AS (
       SELECT v.voter_key, v.choices, v.scale_value, v.text_answer
         FROM poll_vote v JOIN input i ON i.voter_key = v.voter_key
        WHERE v.poll_id = $1
     ), written AS (
       INSERT INTO poll_vote (poll_id, voter_key, anonymous, member_id, municipality_number, sector,
                              choices, scale_value, text_answer, answered_at)
       SELECT p.id, i.voter_key, p.anonymous,
              CASE WHEN p.anonymous THEN NULL ELSE i.member_id END,
              CASE WHEN p.breakdown IN ('municipality', 'both') THEN i.municipality_number END,
              CASE WHEN p.breakdown IN ('sector', 'both') THEN (SELECT m.sector FROM member m WHERE m.id = i.member_id) END,
              i.choices::smallint[], i.scale_value, i.text_answer,
              CASE WHEN p.anonymous THEN NULL ELSE i.at END
         FROM poll p CROSS JOIN input i
        WHERE p.id = $1 AND p.opens_at <= i.at AND p.closed_at IS NULL
          AND (p.closes_at IS NULL OR p.closes_at > i.at)
       ON CONFLICT (poll_id, voter_key) DO UPDATE
         SET choices = EXCLUDED.choices, scale_value = EXCLUDED.scale_value, text_answer = EXCLUDED.text_answer,
             municipality_number = EXCLUDED.municipality_number, sector = EXCLUDED.sector,
             answered_at = EXCLUDED.answered_at
       RETURNING voter_key, (xmax = 0) AS inserted, municipality_number, sector, choices, scale_value, text_answer
     ), counted AS (
       -- The statement cannot see its own writes in poll_vote: the rows before it, less the
       -- ones it replaced, plus what it wrote.
       SELECT municipality_number, sector, choices, scale_value, text_answer
         FROM poll_vote WHERE poll_id = $1 AND voter_key NOT IN (SELECT voter_key FROM written)
       UNION ALL
       SELECT municipality_number, sector, choices, scale_value, text_answer FROM written
     )
     SELECT w.voter_key, w.inserted,
            (prev.choices IS NOT DISTINCT FROM w.choices AND prev.scale_value IS NOT DISTINCT FROM w.scale_value
             AND prev.text_answer IS NOT DISTINCT FROM w.text_answer) AS same,
            NULL::int AS n, NULL::text AS municipality_number, NULL::text AS sector,
            NULL::smallint[] AS choices, NULL::smallint AS scale_value, NULL::text AS text_answer,
            statement_timestamp() AS as_of
       FROM written w LEFT JOIN prev ON prev.voter_key = w.voter_key
     UNION ALL
     SELECT NULL, NULL, NULL, count(*)::int, municipality_number, sector, choices, scale_value, text_answer, statement_timestamp()
       FROM counted GROUP BY municipality_number, sector, choices, scale_value, text_answer`,
    [
      pollId,
      votes.map((v) => v.voterKey),
      votes.map((v) => v.memberId),
      votes.map((v) => v.municipalityNumber),
      choiceLiterals,
      columns.map(([, value]) => value),
      columns.map(([, , text]) => text),
      votes.map((v) => v.now.toISOString()),
    ],
  );
  const written = rows.filter((r) => r.n === null);
  const byKey = new Map(written.map((r) => [r.voter_key, r]));
  const outcomes = votes.map((v): VoteOutcome => {
    const row = byKey.get(v.voterKey);
    if (!row) return 'ikke-apen';
    if (row.inserted) return 'ny';
    return row.same ? 'uendret' : 'endret';
  });
  const groups = rows.filter((r) => r.n !== null);
  const asOf = rows[0] ? new Date(rows[0].as_of) : await dbNow(db);
  return {
    outcomes,
    tally: {
      asOf,
      groups: groups.map((r) => ({
        municipalityNumber: r.municipality_number?.trim() ?? null,
        sector: r.sector ?? null,
        choices: r.choices ?? null,
        value: r.scale_value ?? null,
        text: r.text_answer ?? null,
        count: r.n!,
      })),
    },
  };
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
