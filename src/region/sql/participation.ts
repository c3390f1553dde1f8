import type { Queryable } from '../../platform/db/port.js';

/**
 * Participation per network and municipality, as counts. Anonymous polls and anonymous
 * reflection tasks are left out on purpose: src/polls hides every group under five answers of
 * an anonymous poll from everyone, and a per-municipality count of one would tell what that
 * rule keeps back. They count in the network's totals only (pollTotals, taskTotals).
 */
export interface MunicipalityParticipation {
  networkId: string;
  municipalityNumber: string;
  /** Named polls opened by `now` that at least one of the municipality's members answered. */
  pollsAnswered: number;
  /** Named reflection tasks with an answer from the municipality (a group answer, or one person's). */
  tasksAnswered: number;
}

export async function participationOfNetworks(db: Queryable, networkIds: string[], now: Date): Promise<MunicipalityParticipation[]> {
  const { rows } = await db.query<MunicipalityParticipation>(
    `SELECT nm.network_id AS "networkId", nm.municipality_number AS "municipalityNumber",
            (SELECT count(DISTINCT p.id) FROM poll p
               JOIN poll_vote v ON v.poll_id = p.id AND NOT v.anonymous
               JOIN network_member m ON m.network_id = p.network_id AND m.member_id = v.member_id
              WHERE p.network_id = nm.network_id AND NOT p.anonymous AND p.opens_at <= $2
                AND m.municipality_number = nm.municipality_number)::int AS "pollsAnswered",
            (SELECT count(*) FROM reflection_task t
              WHERE t.network_id = nm.network_id AND t.visibility <> 'anonym'
                AND CASE WHEN t.answer_mode = 'kommune'
                      THEN EXISTS (SELECT 1 FROM reflection_group_version g
                                    WHERE g.task_id = t.id AND g.municipality_number = nm.municipality_number)
                      ELSE EXISTS (SELECT 1 FROM reflection_answer a
                                    WHERE a.task_id = t.id AND a.municipality_number = nm.municipality_number) END)::int AS "tasksAnswered"
       FROM network_municipality nm
      WHERE nm.network_id = ANY($1::uuid[])`,
    [networkIds, now.toISOString()],
  );
  return rows.map((r) => ({ ...r, municipalityNumber: r.municipalityNumber.trim() }));
}

export interface NetworkParticipationTotals {
  networkId: string;
  /** Named polls opened by `now`: the denominator of pollsAnswered. */
  namedPolls: number;
  /** Named reflection tasks: the denominator of tasksAnswered. */
  namedTasks: number;
}

export async function participationTotals(db: Queryable, networkIds: string[], now: Date): Promise<NetworkParticipationTotals[]> {
  const { rows } = await db.query<NetworkParticipationTotals>(
    `SELECT n.id AS "networkId",
            (SELECT count(*) FROM poll p WHERE p.network_id = n.id AND NOT p.anonymous AND p.opens_at <= $2)::int AS "namedPolls",
            (SELECT count(*) FROM reflection_task t WHERE t.network_id = n.id AND t.visibility <> 'anonym')::int AS "namedTasks"
       FROM network n WHERE n.id = ANY($1::uuid[])`,
    [networkIds, now.toISOString()],
  );
  return rows;
}

/** County of each municipality in the region's networks (number and name, for the county filter). */
export async function countiesOfMunicipalities(db: Queryable, numbers: string[]): Promise<Map<string, { countyNumber: string; countyName: string }>> {
  const { rows } = await db.query<{ number: string; countyNumber: string; countyName: string }>(
    `SELECT number, county_number AS "countyNumber", county_name AS "countyName" FROM municipality WHERE number = ANY($1::text[])`,
    [numbers],
  );
  return new Map(rows.map((r) => [r.number.trim(), { countyNumber: r.countyNumber.trim(), countyName: r.countyName }]));
}
