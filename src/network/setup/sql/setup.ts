import type { Queryable } from '../../../platform/db/port.js';

/** A network of the same name in the region (case and spacing do not make a new name). */
export async function networkNamedInRegion(db: Queryable, regionSlug: string, name: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM network n JOIN region r ON r.id = n.region_id
      WHERE r.slug = $1 AND lower(regexp_replace(n.name, '\\s+', ' ', 'g')) = lower(regexp_replace($2, '\\s+', ' ', 'g'))`,
    [regionSlug, name],
  );
  return rows.length > 0;
}

export async function slugTaken(db: Queryable, slug: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM network WHERE slug = $1', [slug]);
  return rows.length > 0;
}

/** The network a team is bound to, archived or not (a team belongs to one network). */
export async function networkNameOfTeam(db: Queryable, teamId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM network WHERE teams_team_id = $1', [teamId]);
  return rows[0]?.name;
}

/** Whether Samlingspunkt is installed in the team (the bot has seen its install). */
export async function botKnowsTeam(db: Queryable, teamId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM conversation_ref WHERE team_id = $1 AND installed LIMIT 1', [teamId]);
  return rows.length > 0;
}

/** Serialises set-ups per region and name, so two people pressing at once make one network. */
export async function lockNetworkName(db: Queryable, regionSlug: string, name: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('samlingspunkt.network.' || $1 || '.' || lower($2)))`, [regionSlug, name]);
}
