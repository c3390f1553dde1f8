import type { Queryable } from '../../platform/db/port.js';
import type { Sector } from '../../shared/types.js';
import type { AttendanceCountRow } from '../domain/summary.js';

export type AttendanceSource = 'checklist' | 'import' | 'meeting';

export interface AttendanceRow {
  id: string;
  memberId: string | null;
  guestName: string | null;
  municipalityNumber: string | null;
  municipalityName: string | null;
  sector: Sector;
  source: AttendanceSource;
  minutes: number | null;
}

/** Everyone recorded at one plan item. */
export async function attendanceOfItem(db: Queryable, networkId: string, planItemId: string): Promise<AttendanceRow[]> {
  const { rows } = await db.query<AttendanceRow>(
    `SELECT a.id, a.member_id AS "memberId", a.guest_name AS "guestName", trim(a.municipality_number) AS "municipalityNumber",
            mu.name AS "municipalityName", a.sector, a.source, a.minutes
       FROM attendance a LEFT JOIN municipality mu ON mu.number = a.municipality_number
      WHERE a.network_id = $1 AND a.plan_item_id = $2
      ORDER BY mu.name NULLS LAST, a.guest_name NULLS FIRST`,
    [networkId, planItemId],
  );
  return rows;
}

export interface MemberAttendee {
  memberId: string;
  minutes?: number | null;
}

/**
 * Records members as present (again): their municipality in this network and their sector are
 * taken from the membership now. A second recording keeps the row and refreshes its source,
 * minutes (when the new source knew them) and placement; nothing else is touched.
 */
export async function upsertMemberAttendance(
  db: Queryable,
  networkId: string,
  planItemId: string,
  attendees: readonly MemberAttendee[],
  source: AttendanceSource,
  recordedBy: string | null,
  now: Date,
): Promise<number> {
  if (attendees.length === 0) return 0;
  const res = await db.query(
    `INSERT INTO attendance (plan_item_id, network_id, member_id, municipality_number, sector, source, minutes, recorded_by, recorded_at)
     SELECT $2, $1, m.id, nm.municipality_number, m.sector, $5, x.minutes, $6, $7
       FROM unnest($3::uuid[], $4::int[]) AS x(member_id, minutes)
       JOIN member m ON m.id = x.member_id
       JOIN network_member nm ON nm.member_id = m.id AND nm.network_id = $1
     ON CONFLICT (plan_item_id, member_id) WHERE member_id IS NOT NULL DO UPDATE
       SET source = EXCLUDED.source, minutes = COALESCE(EXCLUDED.minutes, attendance.minutes),
           municipality_number = EXCLUDED.municipality_number, sector = EXCLUDED.sector,
           recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [networkId, planItemId, attendees.map((a) => a.memberId), attendees.map((a) => a.minutes ?? null), source, recordedBy, now.toISOString()],
  );
  return res.rowCount;
}

export interface GuestAttendee {
  name: string;
  municipalityNumber: string | null;
  sector: Sector;
  minutes?: number | null;
}

/** Records guests (people not in the app); the same name twice at one plan item is one guest. */
export async function upsertGuestAttendance(
  db: Queryable,
  networkId: string,
  planItemId: string,
  guests: readonly GuestAttendee[],
  source: AttendanceSource,
  recordedBy: string | null,
  now: Date,
  seedKey: string | null = null,
): Promise<number> {
  let n = 0;
  for (const g of guests) {
    const res = await db.query(
      `INSERT INTO attendance (plan_item_id, network_id, guest_name, municipality_number, sector, source, minutes, recorded_by, recorded_at, seed_key)
       VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (plan_item_id, lower(guest_name)) WHERE guest_name IS NOT NULL DO UPDATE
         SET municipality_number = EXCLUDED.municipality_number, sector = EXCLUDED.sector, source = EXCLUDED.source,
             minutes = COALESCE(EXCLUDED.minutes, attendance.minutes), recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
      [networkId, planItemId, g.name, g.municipalityNumber, g.sector, source, g.minutes ?? null, recordedBy, now.toISOString(), seedKey],
    );
    n += res.rowCount;
  }
  return n;
}

/** The check-list's unticked members: no longer recorded as present, whatever source said so. */
export async function removeMemberAttendance(db: Queryable, networkId: string, planItemId: string, keepMemberIds: readonly string[]): Promise<number> {
  const res = await db.query(
    `DELETE FROM attendance WHERE network_id = $1 AND plan_item_id = $2 AND member_id IS NOT NULL AND NOT (member_id = ANY($3::uuid[]))`,
    [networkId, planItemId, keepMemberIds],
  );
  return res.rowCount;
}

export async function removeGuest(db: Queryable, networkId: string, planItemId: string, attendanceId: string): Promise<boolean> {
  const res = await db.query(`DELETE FROM attendance WHERE network_id = $1 AND plan_item_id = $2 AND id = $3 AND guest_name IS NOT NULL`, [
    networkId,
    planItemId,
    attendanceId,
  ]);
  return res.rowCount > 0;
}

// ── Aliases the import learned ──

export async function aliasesOfNetwork(db: Queryable, networkId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ alias: string; memberId: string }>(
    `SELECT alias, member_id AS "memberId" FROM attendance_alias WHERE network_id = $1`,
    [networkId],
  );
  return new Map(rows.map((r) => [r.alias, r.memberId]));
}

export async function rememberAlias(db: Queryable, networkId: string, alias: string, memberId: string): Promise<void> {
  await db.query(
    `INSERT INTO attendance_alias (network_id, alias, member_id) VALUES ($1, $2, $3)
     ON CONFLICT (network_id, alias) DO UPDATE SET member_id = EXCLUDED.member_id, created_at = now()`,
    [networkId, alias, memberId],
  );
}

// ── Counts ──

export interface CountFilter {
  networkIds: readonly string[];
  /** Plan items starting in [from, to); open-ended without. */
  from?: Date;
  to?: Date;
}

// An open-ended report period is ±8.64e15 ms (src/reporting/input.ts), beyond what Postgres reads: no bound.
const bound = (d?: Date) => (d && d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999 ? d.toISOString() : null);

/** Attendees per plan item, municipality and sector: what every summary and the region's report count. */
export async function attendanceBySector(db: Queryable, f: CountFilter): Promise<AttendanceCountRow[]> {
  if (f.networkIds.length === 0) return [];
  const { rows } = await db.query<AttendanceCountRow & { attendees: number | string }>(
    `SELECT a.network_id AS "networkId", a.plan_item_id AS "planItemId", p.title AS "planItemTitle", p.starts_at AS "startsAt",
            trim(a.municipality_number) AS "municipalityNumber", a.sector, count(*)::int AS attendees
       FROM attendance a JOIN plan_item p ON p.id = a.plan_item_id
      WHERE a.network_id = ANY($1::uuid[])
        AND ($2::timestamptz IS NULL OR p.starts_at >= $2) AND ($3::timestamptz IS NULL OR p.starts_at < $3)
      GROUP BY a.network_id, a.plan_item_id, p.title, p.starts_at, a.municipality_number, a.sector
      ORDER BY p.starts_at, a.plan_item_id, a.municipality_number NULLS LAST, a.sector`,
    [f.networkIds, bound(f.from), bound(f.to)],
  );
  return rows.map((r) => ({ ...r, attendees: Number(r.attendees), municipalityNumber: r.municipalityNumber || null }));
}

// ── Demo seeding (src/demo/seed-attendance.ts) ──

export interface SeedItem {
  id: string;
  networkId: string;
  seedKey: string;
}

/** The demo's plan items (seed keys) in the given networks that have ended and have no attendance at all yet. */
export async function endedSeedItemsWithoutAttendance(db: Queryable, networkIds: readonly string[], now: Date): Promise<SeedItem[]> {
  const { rows } = await db.query<SeedItem>(
    `SELECT p.id, p.network_id AS "networkId", p.seed_key AS "seedKey" FROM plan_item p
      WHERE p.network_id = ANY($1::uuid[]) AND p.seed_key IS NOT NULL AND p.kind <> 'mellomarbeid' AND p.ends_at <= $2
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.plan_item_id = p.id)`,
    [networkIds, now.toISOString()],
  );
  return rows;
}

/** A demo member's attendance, placed as their membership is now; nothing when the seed key exists. */
export async function insertSeedMemberAttendance(db: Queryable, item: SeedItem, memberId: string, seedKey: string, minutes: number, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO attendance (plan_item_id, network_id, member_id, municipality_number, sector, source, minutes, recorded_at, seed_key)
     SELECT $1, $2, m.id, nm.municipality_number, m.sector, 'checklist', $5, $6, $4
       FROM member m JOIN network_member nm ON nm.member_id = m.id AND nm.network_id = $2 AND nm.role = 'deltaker'
      WHERE m.id = $3
     ON CONFLICT DO NOTHING`,
    [item.id, item.networkId, memberId, seedKey, minutes, at.toISOString()],
  );
}
