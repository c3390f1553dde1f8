/**
 * RegionData → what the tab reads: overview rows and a municipality's drill-down, with labels
 * in the reader's language. The report (src/reporting) reads the same rows.
 */
import { phaseLabel, phases } from '../focus/domain/focus.js';
import { workStatusLabel, isDelivered, isOverdue } from '../mellomarbeid/domain/mellomarbeid.js';
import { sectorLabel } from '../shared/labels.js';
import { sectors } from '../shared/types.js';
import type { MunicipalityDetailResponse, OverviewRow, RegionOverviewResponse, SectorOption } from './contract.js';
import { countWork, matchesFilters, sessionsOf, type OverviewFilters, type SessionAttendance } from './domain/overview.js';
import type { NetworkData, RegionData } from './load.js';

const sessionJson = (s: SessionAttendance) => ({ ...s, startsAt: s.startsAt.toISOString() });

export const sectorOptions = (): SectorOption[] => sectors.map((sector) => ({ sector, label: sectorLabel[sector] }));
export const phaseOptions = () => phases.map((phase) => ({ phase, label: phaseLabel[phase] }));

function rowsOfNetwork(d: NetworkData, data: RegionData, now: Date): OverviewRow[] {
  return d.standings.map((s) => {
    const county = data.counties.get(s.number);
    const work = d.work
      .filter((w) => w.municipalityNumber === s.number)
      .map((w) => ({ status: w.status, dueAt: d.assignments.find((a) => a.id === w.assignmentId)?.dueAt ?? now }));
    const p = d.participation.find((x) => x.municipalityNumber === s.number);
    return {
      networkId: d.network.id,
      networkName: d.network.name,
      municipalityNumber: s.number,
      municipalityName: s.name,
      countyNumber: county?.countyNumber ?? '',
      countyName: county?.countyName ?? '',
      phase: s.phase,
      phaseLabel: s.phase ? phaseLabel[s.phase] : null,
      focus: s.focus.map((f) => (f.solutionName ? `${f.focusAreaName}: ${f.solutionName}` : f.focusAreaName)),
      mellomarbeid: countWork(work, now),
      polls: { answered: p?.pollsAnswered ?? 0, total: d.totals.namedPolls },
      reflections: { answered: p?.tasksAnswered ?? 0, total: d.totals.namedTasks },
      attendance: sessionsOf(data.attendance ?? [], (c) => c.networkId === d.network.id && c.municipalityNumber === s.number, sectors).map(sessionJson),
    };
  });
}

export function allRows(data: RegionData, now: Date): OverviewRow[] {
  return data.networks.flatMap((d) => rowsOfNetwork(d, data, now));
}

export function overviewOf(region: { id: string; name: string }, data: RegionData, filters: OverviewFilters, now: Date, timeZone: string): RegionOverviewResponse {
  const all = allRows(data, now);
  const rows = all.filter((r) => matchesFilters(r, filters));
  const shown = new Set(rows.map((r) => `${r.networkId}/${r.municipalityNumber}`));
  // Attendees without a municipality belong to the network, not to a county or a phase.
  const networkWide = filters.county === null && filters.phase === null;
  const names = new Map(data.networks.map((d) => [d.network.id, d.network.name]));
  const sessions = sessionsOf(
    data.attendance ?? [],
    (c) => (c.municipalityNumber ? shown.has(`${c.networkId}/${c.municipalityNumber}`) : networkWide && (!filters.network || c.networkId === filters.network)),
    sectors,
  ).map((s) => ({ ...sessionJson(s), networkName: names.get(s.networkId) ?? '' }));
  const counties = new Map(all.map((r) => [r.countyNumber, r.countyName]));
  return {
    region,
    timeZone,
    filters,
    options: {
      networks: data.networks.map((d) => ({ id: d.network.id, name: d.network.name })),
      counties: [...counties].map(([number, name]) => ({ number, name })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      phases: phaseOptions(),
      sectors: sectorOptions(),
    },
    rows,
    sessions,
    attendanceAvailable: data.attendance !== null,
  };
}

/** Undefined when the municipality is in none of the region's networks. */
export function detailOf(
  region: { id: string; name: string },
  data: RegionData,
  number: string,
  now: Date,
  timeZone: string,
): MunicipalityDetailResponse | undefined {
  const inNetworks = data.networks.filter((d) => d.standings.some((s) => s.number === number));
  if (inNetworks.length === 0) return undefined;
  const name = inNetworks[0]!.standings.find((s) => s.number === number)!.name;
  const rows = allRows({ ...data, networks: inNetworks }, now).filter((r) => r.municipalityNumber === number);
  return {
    region,
    timeZone,
    municipality: { number, name, countyName: data.counties.get(number)?.countyName ?? '' },
    sectors: sectorOptions(),
    attendanceAvailable: data.attendance !== null,
    networks: inNetworks.map((d) => {
      const standing = d.standings.find((s) => s.number === number)!;
      const row = rows.find((r) => r.networkId === d.network.id)!;
      return {
        networkId: d.network.id,
        networkName: d.network.name,
        phase: standing.phase,
        phaseLabel: row.phaseLabel,
        focus: standing.focus,
        mellomarbeid: d.assignments.flatMap((a) => {
          const w = d.work.find((x) => x.assignmentId === a.id && x.municipalityNumber === number);
          if (!w) return [];
          // Delivered work is the municipality's report to the network: read-only here. A draft
          // the municipality has not delivered stays theirs.
          const delivered = isDelivered(w.status);
          return [
            {
              assignmentId: a.id,
              title: a.title,
              dueAt: a.dueAt.toISOString(),
              status: w.status,
              statusLabel: workStatusLabel[w.status],
              late: isOverdue(a.dueAt, w.status, now),
              deliveredAt: w.deliveredAt?.toISOString() ?? null,
              submissionText: delivered ? w.submissionText : null,
              submissionUrl: delivered ? w.submissionUrl : null,
              feedback: delivered ? w.feedback : null,
            },
          ];
        }),
        polls: row.polls,
        reflections: row.reflections,
        attendance: row.attendance,
      };
    }),
  };
}
