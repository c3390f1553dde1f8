import type { FocusChoice, MunicipalityStanding, Phase } from '../domain/focus.js';
import type { Queryable } from '../../platform/db/port.js';

/** Phase and chosen focus areas of every municipality in the network. */
export async function standingOfNetwork(db: Queryable, networkId: string): Promise<MunicipalityStanding[]> {
  const { rows } = await db.query<MunicipalityStanding>(
    `SELECT nm.municipality_number AS number, mu.name, nm.phase, nm.phase_set_at AS "phaseSetAt",
            COALESCE((SELECT json_agg(json_build_object(
                        'focusAreaCode', f.focus_area_code, 'focusAreaName', fa.name,
                        'solutionCode', f.solution_code, 'solutionName', s.name,
                        'chosenOn', to_char(f.chosen_on, 'YYYY-MM-DD'))
                        ORDER BY fa.position, s.position NULLS FIRST)
                        FROM municipality_focus f
                        JOIN focus_area fa ON fa.reform_code = f.reform_code AND fa.code = f.focus_area_code
                        LEFT JOIN solution s ON s.reform_code = f.reform_code AND s.code = f.solution_code
                       WHERE f.network_id = nm.network_id AND f.municipality_number = nm.municipality_number), '[]'::json) AS focus
       FROM network_municipality nm JOIN municipality mu ON mu.number = nm.municipality_number
      WHERE nm.network_id = $1
      ORDER BY mu.name`,
    [networkId],
  );
  return rows.map((r) => ({ ...r, phaseSetAt: r.phaseSetAt && new Date(r.phaseSetAt) }));
}

export async function setPhase(db: Queryable, networkId: string, municipalityNumber: string, phase: Phase | null, now: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE network_municipality SET phase = $3, phase_set_at = $4 WHERE network_id = $1 AND municipality_number = $2`,
    [networkId, municipalityNumber, phase, now.toISOString()],
  );
  return res.rowCount > 0;
}

/**
 * Makes `choices` the municipality's focus areas from one source (a task, or null for a direct
 * choice in the tab). Unchanged picks keep the date they were first chosen; new ones get today.
 */
export async function replaceFocus(
  db: Queryable,
  f: {
    networkId: string;
    municipalityNumber: string;
    reformCode: string;
    choices: FocusChoice[];
    chosenOn: string;
    taskId: string | null;
    memberId: string;
  },
): Promise<void> {
  const keys = f.choices.map((c) => `${c.focusAreaCode}|${c.solutionCode ?? ''}`);
  await db.query(
    `DELETE FROM municipality_focus
      WHERE network_id = $1 AND municipality_number = $2 AND task_id IS NOT DISTINCT FROM $3
        AND NOT (focus_area_code || '|' || coalesce(solution_code, '') = ANY($4::text[]))`,
    [f.networkId, f.municipalityNumber, f.taskId, keys],
  );
  await db.query(
    `INSERT INTO municipality_focus (network_id, municipality_number, reform_code, focus_area_code, solution_code, chosen_on, task_id, chosen_by)
     SELECT $1, $2, $3, c."focusAreaCode", c."solutionCode", $4::date, $5, $6
       FROM jsonb_to_recordset($7::jsonb) AS c("focusAreaCode" text, "solutionCode" text)
     ON CONFLICT (network_id, municipality_number, focus_area_code, solution_code) DO NOTHING`,
    [f.networkId, f.municipalityNumber, f.reformCode, f.chosenOn, f.taskId, f.memberId || null, JSON.stringify(f.choices)],
  );
}
