import type { BodyCode, Network } from '../../shared/types.js';
import type { Queryable } from '../../platform/db/port.js';

const networkColumns = `
  n.id, n.slug, n.name, n.region_id AS "regionId", r.name AS "regionName", n.reform_code AS "reformCode",
  n.teams_team_id AS "teamsTeamId", n.ended_at AS "endedAt",
  COALESCE((SELECT array_agg(b.body_code ORDER BY b.body_code) FROM network_body b WHERE b.network_id = n.id),
           '{}') AS bodies`;

export async function listNetworks(db: Queryable): Promise<Network[]> {
  const { rows } = await db.query<Network>(
    `SELECT ${networkColumns} FROM network n JOIN region r ON r.id = n.region_id
      WHERE n.archived_at IS NULL ORDER BY r.name, n.name`,
  );
  return rows;
}

export async function findNetworkById(db: Queryable, id: string): Promise<Network | undefined> {
  const { rows } = await db.query<Network>(
    `SELECT ${networkColumns} FROM network n JOIN region r ON r.id = n.region_id WHERE n.id = $1 AND n.archived_at IS NULL`,
    [id],
  );
  return rows[0];
}

export async function findNetworkBySlug(db: Queryable, slug: string): Promise<Network | undefined> {
  const { rows } = await db.query<Network>(
    `SELECT ${networkColumns} FROM network n JOIN region r ON r.id = n.region_id WHERE n.slug = $1`,
    [slug],
  );
  return rows[0];
}

/**
 * The network a team is bound to, as JSON, for the team id given as an SQL expression: read in
 * the same round trip as the turn's actor (src/app/sql/turn-context.ts). networkFromJson makes it
 * a Network again.
 */
export const teamNetworkJsonSql = (teamId: string) => `
  SELECT row_to_json(t) FROM (
    SELECT ${networkColumns} FROM network n JOIN region r ON r.id = n.region_id
     WHERE n.teams_team_id = ${teamId} AND n.archived_at IS NULL) t`;

export function networkFromJson(json: Omit<Network, 'endedAt'> & { endedAt?: string | null }): Network {
  return { ...json, endedAt: json.endedAt ? new Date(json.endedAt) : null };
}

export async function findNetworkByTeam(db: Queryable, teamId: string): Promise<Network | undefined> {
  const { rows } = await db.query<Network>(
    `SELECT ${networkColumns} FROM network n JOIN region r ON r.id = n.region_id
      WHERE n.teams_team_id = $1 AND n.archived_at IS NULL`,
    [teamId],
  );
  return rows[0];
}

/** Networks a person takes part in, directly or as koordinator of the region. */
export async function networksOfPerson(db: Queryable, tenantId: string, aadObjectId: string): Promise<Network[]> {
  const { rows } = await db.query<Network>(
    `SELECT ${networkColumns}
       FROM network n JOIN region r ON r.id = n.region_id
      WHERE EXISTS (SELECT 1 FROM network_member nm JOIN member m ON m.id = nm.member_id
                     WHERE nm.network_id = n.id AND m.tenant_id = $1 AND m.aad_object_id = $2)
         OR EXISTS (SELECT 1 FROM region_coordinator rc JOIN member m ON m.id = rc.member_id
                     WHERE rc.region_id = n.region_id AND m.tenant_id = $1 AND m.aad_object_id = $2)
      ORDER BY r.name, n.name`,
    [tenantId, aadObjectId],
  );
  return rows;
}

export interface NewNetwork {
  slug: string;
  name: string;
  regionId: string;
  reformCode: string;
  bodies: BodyCode[];
}

export async function insertNetwork(db: Queryable, n: NewNetwork): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO network (slug, name, region_id, reform_code) VALUES ($1, $2, $3, $4) RETURNING id`,
    [n.slug, n.name, n.regionId, n.reformCode],
  );
  const id = rows[0]!.id;
  await db.query(
    `INSERT INTO network_body (network_id, body_code) SELECT $1, unnest($2::text[])`,
    [id, n.bodies],
  );
  return id;
}

export async function upsertRegion(db: Queryable, slug: string, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region (slug, name) VALUES ($1, $2)
     ON CONFLICT (slug) DO UPDATE SET name = region.name
     RETURNING id`,
    [slug, name],
  );
  return rows[0]!.id;
}

export async function addNetworkMunicipalities(db: Queryable, networkId: string, numbers: string[]): Promise<void> {
  await db.query(
    `INSERT INTO network_municipality (network_id, municipality_number)
     SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [networkId, numbers],
  );
}

export async function setNetworkTeam(db: Queryable, networkId: string, teamId: string): Promise<void> {
  // A team belongs to one network: moving the binding releases it from any other network.
  await db.query(`UPDATE network SET teams_team_id = NULL WHERE teams_team_id = $1 AND id <> $2`, [teamId, networkId]);
  await db.query(`UPDATE network SET teams_team_id = $2 WHERE id = $1`, [networkId, teamId]);
}

export async function networkRetention(db: Queryable, networkId: string): Promise<number | undefined> {
  const { rows } = await db.query<{ months: number }>(`SELECT retention_months AS months FROM network WHERE id = $1`, [networkId]);
  return rows[0]?.months;
}

export async function setNetworkRetention(db: Queryable, networkId: string, months: number): Promise<void> {
  await db.query(`UPDATE network SET retention_months = $2 WHERE id = $1`, [networkId, months]);
}

/** Ends the programme (a date) or takes the network back into use (null); false if it was already so. */
export async function setNetworkEnded(db: Queryable, networkId: string, endedAt: Date | null): Promise<boolean> {
  const res = await db.query(
    endedAt
      ? `UPDATE network SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL`
      : `UPDATE network SET ended_at = NULL WHERE id = $1 AND ended_at IS NOT NULL AND $2::timestamptz IS NULL`,
    [networkId, endedAt?.toISOString() ?? null],
  );
  return res.rowCount > 0;
}

/** Whether the network's programme has ended (or it is gone): its reminders then stop. */
export async function networkHasEnded(db: Queryable, networkId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM network WHERE id = $1 AND ended_at IS NULL AND archived_at IS NULL`, [networkId]);
  return rows.length === 0;
}
