import type { Database } from '../platform/db/port.js';
import { DEMO_TENANT_ID } from '../demo/demo.js';
import type { Role } from '../shared/types.js';
import { ok, type Result } from '../shared/result.js';

export interface DevUserDto {
  aadObjectId: string;
  displayName: string;
  role: Role;
  municipalityName: string | null;
}

/**
 * The people the local-mode dev sign-in can act as: members of the demo tenant, one row each
 * with their strongest role (koordinator, then fasilitator, then deltaker). Only ever served in
 * local mode to loopback; the route in src/http/server.ts enforces that.
 */
export async function getDevUsers(db: Database): Promise<Result<{ users: DevUserDto[] }>> {
  const { rows } = await db.query<DevUserDto & { rank: number }>(
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
    [DEMO_TENANT_ID],
  );
  return ok({ users: rows.map(({ rank: _rank, ...user }) => user) });
}
