/**
 * The region overview as rows: one per network × municipality, so a municipality in two
 * networks appears once with each. Pure: the route gathers the inputs (src/region/api), this
 * joins, counts and filters them.
 */
import type { Sector } from '../../shared/types.js';
import { isDelivered, isOverdue, type WorkStatus } from '../../mellomarbeid/domain/mellomarbeid.js';
import type { AttendanceCountRow } from '../../attendance/domain/summary.js';

export type Phase = 1 | 2 | 3 | 4;
/** The phase filter: a phase, or «ingen» for municipalities whose phase is not set yet. */
export type PhaseFilter = Phase | 'ingen';

/** What the attendance capability counts (`attendanceBySector`): attendees per samling, municipality and sector. */
export type AttendanceCount = AttendanceCountRow;

export interface SectorCount {
  sector: Sector;
  attendees: number;
}

/** One samling's attendance, by sector (only sectors with attendees), with the total. */
export interface SessionAttendance {
  networkId: string;
  planItemId: string;
  title: string;
  startsAt: Date;
  bySector: SectorCount[];
  total: number;
}

export interface WorkCount {
  assignments: number;
  delivered: number;
  /** Past the due time and not delivered. */
  late: number;
}

export interface OverviewFilters {
  network: string | null;
  county: string | null;
  phase: PhaseFilter | null;
}

export interface FilterableRow {
  networkId: string;
  countyNumber: string;
  phase: Phase | null;
}

export function matchesFilters(row: FilterableRow, f: OverviewFilters): boolean {
  if (f.network && row.networkId !== f.network) return false;
  if (f.county && row.countyNumber !== f.county) return false;
  if (f.phase === 'ingen') return row.phase === null;
  if (f.phase !== null && row.phase !== f.phase) return false;
  return true;
}

/** Attendance per samling, summed over the counts `include` takes, sectors in the app's order. */
export function sessionsOf(
  counts: readonly AttendanceCount[],
  include: (c: AttendanceCount) => boolean,
  sectorOrder: readonly Sector[],
): SessionAttendance[] {
  const sessions = new Map<string, SessionAttendance & { sectors: Map<Sector, number> }>();
  for (const c of counts) {
    if (!include(c)) continue;
    const key = `${c.networkId}/${c.planItemId}`;
    let s = sessions.get(key);
    if (!s) {
      s = { networkId: c.networkId, planItemId: c.planItemId, title: c.planItemTitle, startsAt: new Date(c.startsAt), bySector: [], total: 0, sectors: new Map() };
      sessions.set(key, s);
    }
    s.sectors.set(c.sector, (s.sectors.get(c.sector) ?? 0) + c.attendees);
    s.total += c.attendees;
  }
  return [...sessions.values()]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title, 'nb'))
    .map(({ sectors, ...s }) => ({
      ...s,
      bySector: sectorOrder.filter((sec) => sectors.has(sec)).map((sector) => ({ sector, attendees: sectors.get(sector)! })),
    }));
}

/** The same rules as the mellomarbeid view (src/mellomarbeid/domain): delivered or beyond; late = overdue. */
export function countWork(rows: readonly { status: WorkStatus; dueAt: Date }[], now: Date): WorkCount {
  let delivered = 0;
  let late = 0;
  for (const r of rows) {
    if (isDelivered(r.status)) delivered++;
    else if (isOverdue(r.dueAt, r.status, now)) late++;
  }
  return { assignments: rows.length, delivered, late };
}
