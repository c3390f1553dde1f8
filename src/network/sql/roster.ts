import type { Queryable } from '../../platform/db/port.js';

export interface RosterPerson {
  aadObjectId: string;
  /** As Teams sent it; membersAdded often carries no name. */
  displayName: string | null;
}

/** Records people seen in a team (lower-cased ids); a name Teams sends replaces the old one. */
export async function upsertRosterPeople(db: Queryable, teamId: string, tenantId: string, people: RosterPerson[], now: Date): Promise<void> {
  if (people.length === 0) return;
  await db.query(
    `INSERT INTO team_roster (team_id, tenant_id, aad_object_id, display_name, seen_at)
     SELECT $1, $2, p.id, p.name, $5
       FROM unnest($3::text[], $4::text[]) AS p(id, name)
     ON CONFLICT (team_id, aad_object_id) DO UPDATE
       SET display_name = COALESCE(EXCLUDED.display_name, team_roster.display_name), seen_at = EXCLUDED.seen_at`,
    [teamId, tenantId, people.map((p) => p.aadObjectId.toLowerCase()), people.map((p) => p.displayName), now.toISOString()],
  );
}

export async function removeRosterPeople(db: Queryable, teamId: string, aadObjectIds: string[]): Promise<void> {
  if (aadObjectIds.length === 0) return;
  await db.query(`DELETE FROM team_roster WHERE team_id = $1 AND aad_object_id = ANY($2::text[])`, [
    teamId,
    aadObjectIds.map((id) => id.toLowerCase()),
  ]);
}

/** A person who deletes their data leaves every team's roster too (Teams may list them again later). */
export async function forgetRosterPerson(db: Queryable, tenantId: string, aadObjectId: string): Promise<void> {
  await db.query(`DELETE FROM team_roster WHERE tenant_id = $1 AND aad_object_id = $2`, [tenantId, aadObjectId.toLowerCase()]);
}

/** After a full «synk medlemmer»: whoever was not seen in this read has left the team. */
export async function removeRosterPeopleNotSeenSince(db: Queryable, teamId: string, since: Date): Promise<void> {
  await db.query(`DELETE FROM team_roster WHERE team_id = $1 AND seen_at < $2`, [teamId, since.toISOString()]);
}

export interface RosterCandidate {
  aadObjectId: string;
  /** Teams' name from the roster, else the name Samlingspunkt knows, else null. */
  displayName: string | null;
  sector: string | null;
}

/** The network's team roster without those already in the network. */
export async function rosterNotInNetwork(db: Queryable, networkId: string): Promise<RosterCandidate[]> {
  const { rows } = await db.query<RosterCandidate>(
    `SELECT tr.aad_object_id AS "aadObjectId", COALESCE(tr.display_name, m.display_name) AS "displayName", m.sector
       FROM network n
       JOIN team_roster tr ON tr.team_id = n.teams_team_id
       LEFT JOIN member m ON m.tenant_id = tr.tenant_id AND m.aad_object_id = tr.aad_object_id
      WHERE n.id = $1
        AND NOT EXISTS (SELECT 1 FROM network_member nm WHERE nm.network_id = n.id AND nm.member_id = m.id)
      ORDER BY COALESCE(tr.display_name, m.display_name) NULLS LAST, tr.aad_object_id`,
    [networkId],
  );
  return rows;
}

/** One roster person of the network's team, with the tenant they are in. */
export async function rosterPersonOfNetwork(
  db: Queryable,
  networkId: string,
  aadObjectId: string,
): Promise<{ tenantId: string; displayName: string | null } | undefined> {
  const { rows } = await db.query<{ tenantId: string; displayName: string | null }>(
    `SELECT tr.tenant_id AS "tenantId", tr.display_name AS "displayName"
       FROM network n JOIN team_roster tr ON tr.team_id = n.teams_team_id
      WHERE n.id = $1 AND tr.aad_object_id = $2`,
    [networkId, aadObjectId.toLowerCase()],
  );
  return rows[0];
}
