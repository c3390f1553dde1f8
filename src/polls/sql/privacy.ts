import type { Queryable } from '../../platform/db/port.js';

/**
 * A person's poll answers for their data export: their named answers only. Anonymous answers
 * carry no identity, so there is nothing in them to hand back as theirs.
 */
export async function exportPollAnswers(db: Queryable, memberId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{ data: unknown }>(
    `SELECT COALESCE(json_agg(json_build_object(
              'måling', p.question, 'alternativer', p.options, 'valg', v.choices, 'skala', v.scale_value,
              'tekst', v.text_answer, 'kommune', v.municipality_number, 'sektor', v.sector, 'svart', v.answered_at)
            ORDER BY v.answered_at), '[]'::json) AS data
       FROM poll_vote v JOIN poll p ON p.id = v.poll_id
      WHERE v.member_id = $1`,
    [memberId],
  );
  return { målingssvar: rows[0]?.data ?? [] };
}

/** Archived networks lose their polls, with every answer and where the cards were posted. */
export async function purgeNetworkPolls(db: Queryable, networkIds: string[]): Promise<void> {
  if (networkIds.length === 0) return;
  await db.query(`DELETE FROM poll WHERE network_id = ANY($1::uuid[])`, [networkIds]);
}
