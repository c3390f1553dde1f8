import type { Queryable } from '../../platform/db/port.js';

/**
 * A person's reflection answers for their data export: their own named answers, the group
 * versions they wrote, and which anonymous tasks they answered (never what: that is not
 * linked to them anywhere).
 */
export async function exportReflections(db: Queryable, memberId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{ data: Record<string, unknown> }>(
    `SELECT json_build_object(
       'refleksjonssvar', COALESCE((SELECT json_agg(json_build_object('oppgave', t.title, 'spørsmål', t.prompts, 'svar', a.answers,
                                                                     'sistEndret', a.updated_at) ORDER BY a.updated_at)
                                      FROM reflection_answer a JOIN reflection_task t ON t.id = a.task_id
                                     WHERE a.member_id = $1), '[]'::json),
       'kommunesvarDuHarSkrevet', COALESCE((SELECT json_agg(json_build_object('oppgave', t.title, 'kommune', g.municipality_number,
                                                                             'versjon', g.version, 'svar', g.answers,
                                                                             'lagret', g.created_at) ORDER BY g.created_at)
                                              FROM reflection_group_version g JOIN reflection_task t ON t.id = g.task_id
                                             WHERE g.author_member_id = $1), '[]'::json),
       'anonymeOppgaverDuHarSvartPå', COALESCE((SELECT json_agg(t.title ORDER BY t.due_at)
                                                  FROM reflection_participation p JOIN reflection_task t ON t.id = p.task_id
                                                 WHERE p.member_id = $1), '[]'::json)
     ) AS data`,
    [memberId],
  );
  return rows[0]?.data ?? {};
}

/** Archived networks lose their reflection tasks (and all answers), mellomarbeid and focus choices. */
export async function purgeNetworkWork(db: Queryable, networkIds: string[]): Promise<void> {
  if (networkIds.length === 0) return;
  await db.query(`DELETE FROM reflection_task WHERE network_id = ANY($1::uuid[])`, [networkIds]);
  await db.query(`DELETE FROM mellomarbeid_assignment WHERE network_id = ANY($1::uuid[])`, [networkIds]);
  await db.query(`DELETE FROM municipality_focus WHERE network_id = ANY($1::uuid[])`, [networkIds]);
}
