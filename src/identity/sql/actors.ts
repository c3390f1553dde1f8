import type { Actor } from '../../shared/policy.js';
import type { NetworkRole } from '../../shared/types.js';
import type { Queryable } from '../../platform/db/port.js';
import type { Locale } from '../../platform/i18n/locale.js';

/**
 * The person with their memberships and coordinator regions, as one JSON value, for the tenant
 * and Entra object id given as SQL expressions: parameters (`$1`, `$2`), or the columns of a batch
 * of turns read together (src/app/sql/turn-context.ts).
 */
export const actorJsonSql = (tenant = '$1', aadObjectId = '$2') => `
  SELECT json_build_object(
           'id', m.id, 'display_name', m.display_name, 'preferred_locale', m.preferred_locale, 'teams_locale', m.teams_locale,
           -- Ordered by when they joined: the first is the bot's default network (personal chat),
           -- so being added to another network, or a rewritten row, never moves it.
           'memberships', COALESCE((SELECT json_agg(json_build_object('networkId', nm.network_id, 'role', nm.role,
                                                                      'municipalityNumber', nm.municipality_number)
                                                    ORDER BY nm.added_at, nm.network_id)
                                      FROM network_member nm JOIN network n ON n.id = nm.network_id
                                     WHERE nm.member_id = m.id AND n.archived_at IS NULL), '[]'::json),
           'regions', COALESCE((SELECT json_agg(rc.region_id::text) FROM region_coordinator rc WHERE rc.member_id = m.id), '[]'::json))
    FROM member m
   WHERE m.tenant_id = ${tenant} AND m.aad_object_id = ${aadObjectId}`;

export interface ActorRow {
  id: string;
  display_name: string;
  preferred_locale: Locale | null;
  teams_locale: string | null;
  memberships: { networkId: string; role: NetworkRole; municipalityNumber: string | null }[];
  regions: string[];
}

export function actorFromRow(row: ActorRow, tenantId: string, aadObjectId: string): Actor {
  return {
    memberId: row.id,
    tenantId,
    aadObjectId,
    displayName: row.display_name,
    memberships: row.memberships.map((m) => ({ ...m, municipalityNumber: m.municipalityNumber?.trim() ?? null })),
    coordinatorRegionIds: row.regions,
    savedLocale: row.preferred_locale,
    teamsLocale: row.teams_locale,
  };
}

/** Everything the policy needs about a person, in one round trip. */
export async function loadActor(db: Queryable, tenantId: string, aadObjectId: string): Promise<Actor | undefined> {
  const { rows } = await db.query<{ actor: ActorRow }>(`SELECT (${actorJsonSql()}) AS actor`, [tenantId, aadObjectId]);
  const row = rows[0]?.actor;
  return row ? actorFromRow(row, tenantId, aadObjectId) : undefined;
}
