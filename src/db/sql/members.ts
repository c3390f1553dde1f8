import type { Member, NetworkRole, Sector } from '../../domain/types.js';
import type { Queryable } from '../port.js';

export interface NewMember {
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  sector: Sector;
}

export async function upsertMember(db: Queryable, m: NewMember): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO member (tenant_id, aad_object_id, display_name, sector) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET display_name = EXCLUDED.display_name
     RETURNING id`,
    [m.tenantId, m.aadObjectId, m.displayName, m.sector],
  );
  return rows[0]!.id;
}

export async function addNetworkMember(
  db: Queryable,
  networkId: string,
  memberId: string,
  role: NetworkRole,
  municipalityNumber: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO network_member (network_id, member_id, role, municipality_number) VALUES ($1, $2, $3, $4)
     ON CONFLICT (network_id, member_id) DO NOTHING`,
    [networkId, memberId, role, municipalityNumber],
  );
}

export async function addRegionCoordinator(db: Queryable, regionId: string, memberId: string): Promise<void> {
  await db.query(
    `INSERT INTO region_coordinator (region_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [regionId, memberId],
  );
}

export async function findMember(db: Queryable, tenantId: string, aadObjectId: string): Promise<Member | undefined> {
  const { rows } = await db.query<Member>(
    `SELECT id, tenant_id AS "tenantId", aad_object_id AS "aadObjectId", display_name AS "displayName", sector
       FROM member WHERE tenant_id = $1 AND aad_object_id = $2`,
    [tenantId, aadObjectId],
  );
  return rows[0];
}
