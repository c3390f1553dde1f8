import type { Queryable } from '../../platform/db/port.js';
import type { Locale } from '../../platform/i18n/locale.js';

/** A person's own choice of language; null goes back to Teams' and the municipality's. */
export async function savePreferredLocale(db: Queryable, memberId: string, locale: Locale | null): Promise<void> {
  await db.query(`UPDATE member SET preferred_locale = $2 WHERE id = $1`, [memberId, locale]);
}

/** The client's locale as last seen; written only when it changed, so a turn costs no write. */
export async function saveTeamsLocale(db: Queryable, memberId: string, tag: string): Promise<void> {
  await db.query(`UPDATE member SET teams_locale = $2 WHERE id = $1 AND teams_locale IS DISTINCT FROM $2`, [memberId, tag.slice(0, 20)]);
}

export interface MemberLocaleRow {
  memberId: string;
  preferredLocale: Locale | null;
  teamsLocale: string | null;
  /** Their municipality in the network the message is about, else the one they joined first. */
  municipalityNumber: string | null;
}

/** What decides the language of a message to these people, in one round trip. */
export async function memberLocaleRows(db: Queryable, memberIds: readonly string[], networkId: string | null): Promise<MemberLocaleRow[]> {
  if (memberIds.length === 0) return [];
  const { rows } = await db.query<{ id: string; preferred_locale: Locale | null; teams_locale: string | null; municipality_number: string | null }>(
    `SELECT m.id, m.preferred_locale, m.teams_locale,
            (SELECT nm.municipality_number FROM network_member nm
              WHERE nm.member_id = m.id AND nm.municipality_number IS NOT NULL
              ORDER BY (nm.network_id = $2) DESC, nm.added_at LIMIT 1) AS municipality_number
       FROM member m WHERE m.id = ANY($1::uuid[])`,
    [memberIds, networkId],
  );
  return rows.map((r) => ({ memberId: r.id, preferredLocale: r.preferred_locale, teamsLocale: r.teams_locale, municipalityNumber: r.municipality_number?.trim() ?? null }));
}
