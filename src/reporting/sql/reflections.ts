import type { Queryable } from '../../platform/db/port.js';

export interface TaskMunicipalityAnswers {
  taskId: string;
  municipalityNumber: string;
  /** Personal tasks: how many of the municipality answered. Group tasks: 1 once the group has answered. */
  answers: number;
}

/**
 * Answers per named reflection task and municipality. Anonymous tasks are not broken down at
 * all: their answers carry no person, and a per-municipality count would point at one.
 */
export async function namedTaskAnswersByMunicipality(db: Queryable, networkIds: string[]): Promise<TaskMunicipalityAnswers[]> {
  const { rows } = await db.query<TaskMunicipalityAnswers>(
    `SELECT t.id AS "taskId", g.municipality_number AS "municipalityNumber", 1 AS answers
       FROM reflection_task t JOIN reflection_group_version g ON g.task_id = t.id
      WHERE t.network_id = ANY($1::uuid[]) AND t.answer_mode = 'kommune'
      GROUP BY t.id, g.municipality_number
     UNION ALL
     SELECT t.id, a.municipality_number, count(*)::int
       FROM reflection_task t JOIN reflection_answer a ON a.task_id = t.id
      WHERE t.network_id = ANY($1::uuid[]) AND t.answer_mode = 'personlig' AND t.visibility <> 'anonym'
        AND a.municipality_number IS NOT NULL
      GROUP BY t.id, a.municipality_number`,
    [networkIds],
  );
  return rows.map((r) => ({ ...r, municipalityNumber: r.municipalityNumber.trim(), answers: Number(r.answers) }));
}
