import type { Queryable } from '../../platform/db/port.js';
import type { Role } from '../../shared/types.js';

export interface TenantPerson {
  aadObjectId: string;
  displayName: string;
  role: Role;
  municipalityName: string | null;
}

/**
 * The tenant's people with a role somewhere, one row each with their strongest role
 * (koordinator, then fasilitator, then deltaker): fasilitatorer first, then koordinatorer, then deltakere, by name.
 */
export async function tenantPeopleByStrongestRole(db: Queryable, tenantId: string): Promise<TenantPerson[]> {
  const { rows } = await db.query<TenantPerson & { rank: number }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (m.id)
              m.aad_object_id AS "aadObjectId", m.display_name AS "displayName",
              CASE WHEN rc.member_id IS NOT NULL THEN 'koordinator' ELSE nm.role END AS role,
              mu.name AS "municipalityName",
              CASE WHEN rc.member_id IS NOT NULL THEN 2 WHEN nm.role = 'fasilitator' THEN 1 ELSE 3 END AS rank
         FROM member m
         LEFT JOIN region_coordinator rc ON rc.member_id = m.id
         LEFT JOIN network_member nm ON nm.member_id = m.id
         LEFT JOIN municipality mu ON mu.number = nm.municipality_number
        WHERE m.tenant_id = $1 AND (rc.member_id IS NOT NULL OR nm.member_id IS NOT NULL)
        ORDER BY m.id,
                 CASE WHEN rc.member_id IS NOT NULL THEN 0 WHEN nm.role = 'fasilitator' THEN 1 ELSE 2 END,
                 mu.name
     ) people
     ORDER BY rank, "displayName"`,
    [tenantId],
  );
  return rows.map(({ rank: _rank, ...person }) => person);
}
