/**
 * Who a report's row is, among the network's members. Never a guess: a row is matched by its
 * Entra object id, by an address or name a facilitator has confirmed before (an alias), or by a
 * name that exactly one member has; everything else is left for the facilitator to resolve,
 * and the preview says for every match how it was made.
 */
import type { NetworkRole, Sector } from '../../shared/types.js';
import type { ReportRow } from './teams-report.js';

export interface Candidate {
  memberId: string;
  aadObjectId: string;
  displayName: string;
  role: NetworkRole;
  municipalityNumber: string | null;
  sector: Sector;
}

export type MatchedBy = 'entra' | 'alias' | 'name';

export type RowMatch =
  | { status: 'matched'; memberId: string; by: MatchedBy }
  /** A facilitator of the network: they run the samling, and are not counted as attending it. */
  | { status: 'facilitator'; memberId: string; by: MatchedBy }
  /** The same member as an earlier row (two e-mail addresses, or a rename): counted once. */
  | { status: 'duplicate'; memberId: string; by: MatchedBy; sameAsLine: number }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unmatched' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names compared without letter case, extra spaces or Unicode composition differences («Bærum» typed two ways). */
export const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The alias a confirmed row teaches: its e-mail (or UPN), else its name. */
export function aliasOf(row: Pick<ReportRow, 'email' | 'participantId' | 'name'>): string {
  const upn = row.participantId && !GUID.test(row.participantId) ? row.participantId.toLowerCase() : null;
  return (row.email ?? upn ?? nameKey(row.name)).slice(0, 320);
}

export function matchRows(rows: readonly ReportRow[], candidates: readonly Candidate[], aliases: ReadonlyMap<string, string>): RowMatch[] {
  const byAad = new Map(candidates.map((c) => [c.aadObjectId.toLowerCase(), c]));
  const byId = new Map(candidates.map((c) => [c.memberId, c]));
  const byName = new Map<string, Candidate[]>();
  for (const c of candidates) byName.set(nameKey(c.displayName), [...(byName.get(nameKey(c.displayName)) ?? []), c]);
  const firstLine = new Map<string, number>();

  return rows.map((row) => {
    let found: { c: Candidate; by: MatchedBy } | undefined;
    const id = row.participantId?.toLowerCase();
    if (id && GUID.test(id) && byAad.has(id)) found = { c: byAad.get(id)!, by: 'entra' };
    for (const key of [row.email, id && !GUID.test(id) ? id : null, nameKey(row.name)]) {
      if (found || !key) continue;
      const memberId = aliases.get(key);
      if (memberId && byId.has(memberId)) found = { c: byId.get(memberId)!, by: 'alias' };
    }
    if (!found) {
      const same = byName.get(nameKey(row.name)) ?? [];
      if (same.length > 1) return { status: 'ambiguous', candidates: same.map((c) => c.memberId) };
      if (same.length === 1) found = { c: same[0]!, by: 'name' };
    }
    if (!found) return { status: 'unmatched' };
    const earlier = firstLine.get(found.c.memberId);
    if (earlier !== undefined) return { status: 'duplicate', memberId: found.c.memberId, by: found.by, sameAsLine: earlier };
    firstLine.set(found.c.memberId, row.line);
    return { status: found.c.role === 'fasilitator' ? 'facilitator' : 'matched', memberId: found.c.memberId, by: found.by };
  });
}

/** A row needs the facilitator's answer before anything is written. */
export const needsResolution = (m: RowMatch) => m.status === 'ambiguous' || m.status === 'unmatched';
