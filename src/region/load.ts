/**
 * Everything the region overview, its drill-down and the region's report read, gathered once
 * with the capabilities' own queries (focus, mellomarbeid, network) and the region's aggregates.
 */
import type { Queryable } from '../platform/db/port.js';
import type { Network } from '../shared/types.js';
import { listNetworks } from '../network/sql/networks.js';
import { standingOfNetwork } from '../focus/sql/focus.js';
import type { MunicipalityStanding } from '../focus/domain/focus.js';
import { assignmentsOfNetwork, workOfNetwork } from '../mellomarbeid/sql/mellomarbeid.js';
import type { Assignment, MunicipalityWork } from '../mellomarbeid/domain/mellomarbeid.js';
import { countiesOfMunicipalities, participationOfNetworks, participationTotals, type MunicipalityParticipation, type NetworkParticipationTotals } from './sql/participation.js';
import { attendanceOf, type Period } from './attendance.js';
import type { AttendanceCount } from './domain/overview.js';

export interface NetworkData {
  network: Network;
  standings: MunicipalityStanding[];
  assignments: Assignment[];
  work: MunicipalityWork[];
  participation: MunicipalityParticipation[];
  totals: NetworkParticipationTotals;
}

export interface RegionData {
  networks: NetworkData[];
  counties: Map<string, { countyNumber: string; countyName: string }>;
  /** Null while attendance is not recorded in the product. */
  attendance: AttendanceCount[] | null;
}

export async function networksOfRegion(db: Queryable, regionId: string): Promise<Network[]> {
  return (await listNetworks(db)).filter((n) => n.regionId === regionId);
}

export async function loadNetworks(db: Queryable, networks: Network[], now: Date, period?: Period): Promise<RegionData> {
  const ids = networks.map((n) => n.id);
  const [participation, totals, attendance] = await Promise.all([
    participationOfNetworks(db, ids, now),
    participationTotals(db, ids, now),
    attendanceOf(db, ids, period),
  ]);
  const data: NetworkData[] = [];
  for (const network of networks) {
    const [standings, assignments, work] = await Promise.all([
      standingOfNetwork(db, network.id),
      assignmentsOfNetwork(db, network.id),
      workOfNetwork(db, network.id),
    ]);
    data.push({
      network,
      standings: standings.map((s) => ({ ...s, number: s.number.trim() })),
      assignments,
      work: work.map((w) => ({ ...w, municipalityNumber: w.municipalityNumber.trim() })),
      participation: participation.filter((p) => p.networkId === network.id),
      totals: totals.find((t) => t.networkId === network.id) ?? { networkId: network.id, namedPolls: 0, namedTasks: 0 },
    });
  }
  const numbers = [...new Set(data.flatMap((d) => d.standings.map((s) => s.number)))];
  return { networks: data, counties: await countiesOfMunicipalities(db, numbers), attendance };
}
