/**
 * The tab API of attendance (issue 13), as types only. The tab sees these through `Json<…>`
 * (src/shared/json.ts): dates arrive as ISO strings.
 */
import type { z } from 'zod';
import type { PlanItemKind, Sector } from '../shared/types.js';
import type { MatchedBy } from './domain/matching.js';
import type { SectorTally } from './domain/summary.js';
import type { checklistSchema, importSchema, Resolution } from './input.js';
import type { AttendanceSource } from './sql/attendance.js';

export type { AttendanceSource, MatchedBy, Resolution, SectorTally };

export interface SectorChoice {
  sector: Sector;
  label: string;
}

export interface MunicipalityChoice {
  number: string;
  name: string;
}

export interface AttendanceItemRef {
  id: string;
  title: string;
  kind: PlanItemKind;
  startsAt: string;
  endsAt: string;
}

/** GET /api/networks/:networkId/attendance: counts only, for facilitators and the region's coordinators. */
export interface AttendanceSummaryResponse {
  timeZone: string;
  /** The caller may open an item's check-list and import (a facilitator of a network still running). */
  canRecord: boolean;
  sectors: SectorChoice[];
  /** Plan items attendance can be recorded for (all but mellomarbeid), by start; the tab shows the started ones. */
  items: (AttendanceItemRef & {
    started: boolean;
    bySector: SectorTally[];
    total: number;
    municipalities: number;
  })[];
  /** Over the programme: every attendance, by sector, and the share from health and care. */
  programme: { bySector: SectorTally[]; total: number; healthShare: number | null; itemsWithAttendance: number };
  /** Each municipality of the network: at how many of the items with any attendance it was present. */
  municipalities: (MunicipalityChoice & { items: number; attendees: number; bySector: SectorTally[] })[];
}

export interface ChecklistPerson {
  memberId: string;
  name: string;
  municipalityNumber: string | null;
  municipalityName: string | null;
  sector: Sector;
  sectorLabel: string;
  attended: boolean;
  source: AttendanceSource | null;
  minutes: number | null;
}

export interface ChecklistGuest {
  id: string;
  name: string;
  municipalityName: string | null;
  sectorLabel: string;
  source: AttendanceSource;
  minutes: number | null;
}

/** GET /api/networks/:networkId/plan/:itemId/attendance: names, for the network's facilitators. */
export interface ChecklistResponse {
  item: AttendanceItemRef;
  timeZone: string;
  canEdit: boolean;
  /** The network's deltakere, by municipality. */
  people: ChecklistPerson[];
  guests: ChecklistGuest[];
  municipalities: MunicipalityChoice[];
  sectors: SectorChoice[];
}

export type ChecklistRequest = z.input<typeof checklistSchema>;

export type ImportRequest = z.input<typeof importSchema>;

export type RowStatus = 'matched' | 'facilitator' | 'duplicate' | 'ambiguous' | 'unmatched';

export interface PreviewRow {
  line: number;
  name: string;
  email: string | null;
  role: string | null;
  minutes: number | null;
  status: RowStatus;
  /** How the match was made, when there is one: shown, never silent. */
  by: MatchedBy | null;
  member: { memberId: string; name: string; municipalityName: string | null; sectorLabel: string } | null;
  /** Members with the same name, for an ambiguous row. */
  candidates: string[];
  /** What the request's resolution for this row does, if it has one. */
  resolution: Resolution | null;
}

/** POST …/attendance/import/preview */
export interface ImportPreviewResponse {
  item: AttendanceItemRef;
  meeting: { title: string | null; start: string | null };
  rows: PreviewRow[];
  /** Rows still waiting for a resolution: the import is refused while there are any. */
  unresolved: number[];
  /** What committing would write. */
  willRecord: { members: number; guests: number; leftOut: number };
  /** The network's deltakere, to pick from when resolving. */
  people: { memberId: string; name: string; municipalityName: string | null }[];
  municipalities: MunicipalityChoice[];
  sectors: SectorChoice[];
}

/** POST …/attendance/import */
export interface ImportResponse {
  members: number;
  guests: number;
  leftOut: number;
  remembered: number;
}
