/**
 * The tab API of the region overview (issue 13), as types only. The tab sees these through
 * `Json<…>` (src/shared/json.ts): dates arrive as ISO strings.
 */
import type { Json } from '../shared/json.js';
import type { Sector } from '../shared/types.js';
import type { ChosenFocus } from '../focus/domain/focus.js';
import type { WorkStatus } from '../mellomarbeid/domain/mellomarbeid.js';
import type { OverviewFilters, Phase, SessionAttendance, WorkCount } from './domain/overview.js';

export type { Phase, PhaseFilter } from './domain/overview.js';

/** «3 of 4»: how many of the network's named polls or tasks the municipality answered. */
export interface Share {
  answered: number;
  total: number;
}

/** One network × municipality. */
export interface OverviewRow {
  networkId: string;
  networkName: string;
  municipalityNumber: string;
  municipalityName: string;
  countyNumber: string;
  countyName: string;
  phase: Phase | null;
  phaseLabel: string | null;
  /** Focus areas (and solutions) chosen, by name. */
  focus: string[];
  mellomarbeid: WorkCount;
  /** Named polls only: anonymous ones are never counted per municipality (see src/region/sql/participation.ts). */
  polls: Share;
  /** Named reflection tasks only, for the same reason. */
  reflections: Share;
  /** The municipality's attendees per samling, by sector. */
  attendance: Json<SessionAttendance>[];
}

export interface SectorOption {
  sector: Sector;
  label: string;
}

/** GET /api/regions: the regions the caller coordinates (empty for everyone else). */
export interface MyRegionsResponse {
  regions: { id: string; name: string }[];
}

/** GET /api/regions/:regionId/overview?network=&county=&phase= */
export interface RegionOverviewResponse {
  region: { id: string; name: string };
  timeZone: string;
  filters: OverviewFilters;
  options: {
    networks: { id: string; name: string }[];
    counties: { number: string; name: string }[];
    phases: { phase: Phase; label: string }[];
    sectors: SectorOption[];
  };
  rows: OverviewRow[];
  /** Attendance per samling by sector over the rows shown (and, unfiltered by county or phase, attendees without a municipality). */
  sessions: (Json<SessionAttendance> & { networkName: string })[];
  /** False until attendance is recorded in the product: the tab then says so instead of showing zeros. */
  attendanceAvailable: boolean;
}

export interface MunicipalityWorkItem {
  assignmentId: string;
  title: string;
  dueAt: string;
  status: WorkStatus;
  statusLabel: string;
  late: boolean;
  deliveredAt: string | null;
  submissionText: string | null;
  submissionUrl: string | null;
  feedback: string | null;
}

/** GET /api/regions/:regionId/municipalities/:number: read-only, every network of the region it is in. */
export interface MunicipalityDetailResponse {
  region: { id: string; name: string };
  timeZone: string;
  municipality: { number: string; name: string; countyName: string };
  sectors: SectorOption[];
  attendanceAvailable: boolean;
  networks: {
    networkId: string;
    networkName: string;
    phase: Phase | null;
    phaseLabel: string | null;
    focus: Json<ChosenFocus>[];
    mellomarbeid: MunicipalityWorkItem[];
    polls: Share;
    reflections: Share;
    attendance: Json<SessionAttendance>[];
  }[];
}
