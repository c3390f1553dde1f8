import type { Member, NetworkRole, Sector } from '../../shared/types.js';
import type { Queryable } from '../../platform/db/port.js';

export interface NewMember {
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  /** Only used when the person is created; afterwards the sector is their own choice. */
  sector?: Sector;
}

/**
 * A person as Teams names them (the activity's `from.name`, the team roster, the demo seed):
 * created, or their display name brought up to date, since Teams/Entra owns the name.
 */
export async function upsertTeamsMember(db: Queryable, m: NewMember): Promise<{ id: string; created: boolean }> {
  const { rows } = await db.query<{ id: string; created: boolean }>(
    `INSERT INTO member (tenant_id, aad_object_id, display_name, sector) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET display_name = EXCLUDED.display_name
     RETURNING id, (xmax = 0) AS created`,
    [m.tenantId, m.aadObjectId, m.displayName, m.sector ?? 'annet'],
  );
  return rows[0]!;
}

export async function upsertMember(db: Queryable, m: NewMember): Promise<string> {
  return (await upsertTeamsMember(db, m)).id;
}

/**
 * A person a facilitator adds by Entra object id. Someone not known yet is created with the
 * given name as a placeholder until Teams names them (roster sync, their first message);
 * someone known is left exactly as they are, so a facilitator of one network can never rename
 * a person who also belongs to another.
 */
export async function ensureMember(db: Queryable, m: NewMember): Promise<{ id: string; displayName: string }> {
  // The no-op update makes RETURNING give the existing row, in one statement without a race.
  const { rows } = await db.query<{ id: string; displayName: string }>(
    `INSERT INTO member (tenant_id, aad_object_id, display_name, sector) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET display_name = member.display_name
     RETURNING id, display_name AS "displayName"`,
    [m.tenantId, m.aadObjectId, m.displayName, m.sector ?? 'annet'],
  );
  return rows[0]!;
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

export interface NetworkMemberRow {
  memberId: string;
  aadObjectId: string;
  displayName: string;
  sector: Sector;
  role: NetworkRole;
  municipalityNumber: string | null;
  municipalityName: string | null;
}

export async function membersOfNetwork(db: Queryable, networkId: string): Promise<NetworkMemberRow[]> {
  const { rows } = await db.query<NetworkMemberRow>(
    `SELECT m.id AS "memberId", m.aad_object_id AS "aadObjectId", m.display_name AS "displayName", m.sector,
            nm.role, nm.municipality_number AS "municipalityNumber", mu.name AS "municipalityName"
       FROM network_member nm JOIN member m ON m.id = nm.member_id
       LEFT JOIN municipality mu ON mu.number = nm.municipality_number
      WHERE nm.network_id = $1
      ORDER BY nm.role DESC, mu.name NULLS FIRST, m.display_name`,
    [networkId],
  );
  return rows;
}

/** Sets or changes a person's role in a network (a facilitator's edit, or the person's own onboarding). */
export async function setNetworkMember(
  db: Queryable,
  networkId: string,
  memberId: string,
  role: NetworkRole,
  municipalityNumber: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO network_member (network_id, member_id, role, municipality_number) VALUES ($1, $2, $3, $4)
     ON CONFLICT (network_id, member_id) DO UPDATE
       SET role = EXCLUDED.role, municipality_number = EXCLUDED.municipality_number`,
    [networkId, memberId, role, municipalityNumber],
  );
}

export async function setMemberSector(db: Queryable, memberId: string, sector: Sector): Promise<void> {
  await db.query(`UPDATE member SET sector = $2 WHERE id = $1`, [memberId, sector]);
}

export async function removeNetworkMember(db: Queryable, networkId: string, memberId: string): Promise<boolean> {
  const res = await db.query(`DELETE FROM network_member WHERE network_id = $1 AND member_id = $2`, [networkId, memberId]);
  return res.rowCount > 0;
}

export async function networkMunicipalities(db: Queryable, networkId: string): Promise<{ number: string; name: string }[]> {
  const { rows } = await db.query<{ number: string; name: string }>(
    `SELECT mu.number, mu.name FROM network_municipality nm JOIN municipality mu ON mu.number = nm.municipality_number
      WHERE nm.network_id = $1 ORDER BY mu.name`,
    [networkId],
  );
  return rows;
}

/** Everyone in the network (deltakere and fasilitatorer), as member ids. */
export async function memberIdsOfNetwork(db: Queryable, networkId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT nm.member_id AS id FROM network_member nm WHERE nm.network_id = $1`, [networkId]);
  return rows.map((r) => r.id);
}

export async function countNetworkMembers(db: Queryable, networkId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM network_member WHERE network_id = $1`, [networkId]);
  return rows[0]?.n ?? 0;
}

/** One person's row in a network, locked for the change the caller is about to make. */
export async function networkMemberForUpdate(db: Queryable, networkId: string, memberId: string): Promise<NetworkMemberRow | undefined> {
  const { rows } = await db.query<NetworkMemberRow>(
    `SELECT m.id AS "memberId", m.aad_object_id AS "aadObjectId", m.display_name AS "displayName", m.sector,
            nm.role, nm.municipality_number AS "municipalityNumber", mu.name AS "municipalityName"
       FROM network_member nm JOIN member m ON m.id = nm.member_id
       LEFT JOIN municipality mu ON mu.number = nm.municipality_number
      WHERE nm.network_id = $1 AND nm.member_id = $2
      FOR UPDATE OF nm`,
    [networkId, memberId],
  );
  return rows[0];
}

export async function countFacilitators(db: Queryable, networkId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM network_member WHERE network_id = $1 AND role = 'fasilitator'`,
    [networkId],
  );
  return rows[0]?.n ?? 0;
}
