/**
 * Whose language is which: the reader of a bot turn or tab request, or each recipient of a
 * proactive message. The order is the product's (src/platform/i18n/locale.ts): Teams, their own
 * choice, their municipality's official language form, bokmål.
 */
import type { Queryable } from '../platform/db/port.js';
import { resolveLocale, type Locale } from '../platform/i18n/locale.js';
import type { Actor } from '../shared/policy.js';
import { officialLanguageForm } from '../reference/language-form.js';
import { memberLocaleRows } from './sql/locale.js';

const municipalityForm = (municipalityNumber: string | null | undefined) => (municipalityNumber ? officialLanguageForm(municipalityNumber) : null);

/** The reader of this turn or request; `teams` is the activity's locale or the tab's Teams context. */
export function localeOfActor(actor: Actor | undefined, teams: string | null | undefined): Locale {
  const municipality = actor?.memberships.find((m) => m.municipalityNumber)?.municipalityNumber;
  return resolveLocale({ teams, saved: actor?.savedLocale ?? null, municipality: municipalityForm(municipality) });
}

/** Each recipient's language for a message about `networkId` (their municipality there counts). */
export async function localesOfMembers(db: Queryable, memberIds: readonly string[], networkId: string | null = null): Promise<Map<string, Locale>> {
  const rows = await memberLocaleRows(db, memberIds, networkId);
  return new Map(
    rows.map((r) => [r.memberId, resolveLocale({ teams: r.teamsLocale, saved: r.preferredLocale, municipality: municipalityForm(r.municipalityNumber) })]),
  );
}
