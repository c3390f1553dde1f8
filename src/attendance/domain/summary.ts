/**
 * Attendance counted by sector: per plan item and over the whole programme, and per
 * municipality («hvordan kommunene ligger an»). Pure: the rows come from sql/summary.ts.
 */
import { sectors, type Sector } from '../../shared/types.js';

/** Attendees of one plan item from one municipality (null: without one) and sector. */
export interface AttendanceCountRow {
  networkId: string;
  planItemId: string;
  planItemTitle: string;
  startsAt: Date;
  municipalityNumber: string | null;
  sector: Sector;
  attendees: number;
}

export interface SectorTally {
  sector: Sector;
  attendees: number;
}

export interface ItemTally {
  planItemId: string;
  bySector: SectorTally[];
  total: number;
  /** Municipalities with at least one attendee. */
  municipalities: number;
}

export interface MunicipalityTally {
  municipalityNumber: string;
  /** Plan items with at least one attendee from the municipality. */
  items: number;
  attendees: number;
  bySector: SectorTally[];
}

const ordered = (m: Map<Sector, number>): SectorTally[] => sectors.filter((s) => m.has(s)).map((sector) => ({ sector, attendees: m.get(sector)! }));
const add = (m: Map<Sector, number>, s: Sector, n: number) => m.set(s, (m.get(s) ?? 0) + n);

export function tallyByItem(rows: readonly AttendanceCountRow[]): Map<string, ItemTally> {
  const acc = new Map<string, { sectors: Map<Sector, number>; municipalities: Set<string>; total: number }>();
  for (const r of rows) {
    const a = acc.get(r.planItemId) ?? { sectors: new Map(), municipalities: new Set(), total: 0 };
    add(a.sectors, r.sector, r.attendees);
    if (r.municipalityNumber) a.municipalities.add(r.municipalityNumber);
    a.total += r.attendees;
    acc.set(r.planItemId, a);
  }
  return new Map([...acc].map(([id, a]) => [id, { planItemId: id, bySector: ordered(a.sectors), total: a.total, municipalities: a.municipalities.size }]));
}

/** Over the programme: every attendance of every plan item, by sector. */
export function tallyProgramme(rows: readonly AttendanceCountRow[]): { bySector: SectorTally[]; total: number } {
  const m = new Map<Sector, number>();
  let total = 0;
  for (const r of rows) {
    add(m, r.sector, r.attendees);
    total += r.attendees;
  }
  return { bySector: ordered(m), total };
}

export function tallyByMunicipality(rows: readonly AttendanceCountRow[]): Map<string, MunicipalityTally> {
  const acc = new Map<string, { items: Set<string>; sectors: Map<Sector, number>; attendees: number }>();
  for (const r of rows) {
    if (!r.municipalityNumber) continue;
    const a = acc.get(r.municipalityNumber) ?? { items: new Set(), sectors: new Map(), attendees: 0 };
    a.items.add(r.planItemId);
    add(a.sectors, r.sector, r.attendees);
    a.attendees += r.attendees;
    acc.set(r.municipalityNumber, a);
  }
  return new Map(
    [...acc].map(([n, a]) => [n, { municipalityNumber: n, items: a.items.size, attendees: a.attendees, bySector: ordered(a.sectors) }]),
  );
}

/** The share of attendees from health and care, in whole percent; null with nobody counted. */
export function healthShare(bySector: readonly SectorTally[]): number | null {
  const total = bySector.reduce((n, s) => n + s.attendees, 0);
  if (total === 0) return null;
  return Math.round((100 * (bySector.find((s) => s.sector === 'helse-og-omsorg')?.attendees ?? 0)) / total);
}
