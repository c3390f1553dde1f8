import type { Queryable } from '../../platform/db/port.js';

export interface RegionRow {
  id: string;
  slug: string;
  name: string;
}

export async function findRegion(db: Queryable, id: string): Promise<RegionRow | undefined> {
  const { rows } = await db.query<RegionRow>(`SELECT id, slug, name FROM region WHERE id = $1`, [id]);
  return rows[0];
}

export interface CoordinatorRow {
  memberId: string;
  aadObjectId: string;
  displayName: string;
}

export async function regionCoordinators(db: Queryable, regionId: string): Promise<CoordinatorRow[]> {
  const { rows } = await db.query<CoordinatorRow>(
    `SELECT m.id AS "memberId", m.aad_object_id AS "aadObjectId", m.display_name AS "displayName"
       FROM region_coordinator rc JOIN member m ON m.id = rc.member_id
      WHERE rc.region_id = $1 ORDER BY m.display_name, m.id`,
    [regionId],
  );
  return rows;
}

/** Appoints; false if they already were. */
export async function insertRegionCoordinator(db: Queryable, regionId: string, memberId: string): Promise<boolean> {
  const res = await db.query(`INSERT INTO region_coordinator (region_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [regionId, memberId]);
  return res.rowCount > 0;
}

export async function deleteRegionCoordinator(db: Queryable, regionId: string, memberId: string): Promise<boolean> {
  const res = await db.query(`DELETE FROM region_coordinator WHERE region_id = $1 AND member_id = $2`, [regionId, memberId]);
  return res.rowCount > 0;
}

/** Locks the region's row: two coordinators removing each other take turns, so one always stays. */
export async function lockRegion(db: Queryable, regionId: string): Promise<void> {
  await db.query(`SELECT 1 FROM region WHERE id = $1 FOR UPDATE`, [regionId]);
}

/**
 * `REGION_COORDINATORS` (src/platform/config.ts): the first coordinator of a region, for a
 * person signing in whose Entra object id is configured. Applies only while the region has
 * no coordinator at all; from then on its coordinators appoint one another in the tab, and a
 * coordinator removed there is not brought back by the configuration. Returns the regions
 * (id, name) the person was appointed to.
 */
export async function appointConfiguredCoordinator(db: Queryable, regionSlugs: string[], memberId: string): Promise<RegionRow[]> {
  const { rows } = await db.query<RegionRow>(
    `INSERT INTO region_coordinator (region_id, member_id)
     SELECT r.id, $2 FROM region r
      WHERE r.slug = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM region_coordinator rc WHERE rc.region_id = r.id)
     ON CONFLICT DO NOTHING
     RETURNING region_id AS id, (SELECT slug FROM region WHERE id = region_id) AS slug, (SELECT name FROM region WHERE id = region_id) AS name`,
    [regionSlugs, memberId],
  );
  return rows;
}

/** Whether any of these regions exists without a coordinator (the configuration would apply). */
export async function someRegionWithoutCoordinator(db: Queryable, regionSlugs: string[]): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM region r WHERE r.slug = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM region_coordinator rc WHERE rc.region_id = r.id) LIMIT 1`,
    [regionSlugs],
  );
  return rows.length > 0;
}
