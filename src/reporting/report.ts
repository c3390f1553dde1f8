/**
 * The report's content for one network or a whole region, for a period: the region overview's
 * data (src/region/load.ts) plus the plan, the polls with their results and the reflection
 * tasks. Poll results go through src/polls' own rules (pollResults): an anonymous poll under five
 * answers shows nothing but its count, and no poll is broken down by municipality or sector
 * here, so no group small enough to point at a person appears.
 */
import type { Queryable } from '../platform/db/port.js';
import type { Network, PlanItem } from '../shared/types.js';
import { planForNetwork } from '../plan/sql/plan.js';
import { listPolls } from '../polls/sql/polls.js';
import { tallyVotes } from '../polls/sql/votes.js';
import { pollResults, type PollResults } from '../polls/domain/results.js';
import { shiftOf, type Shift } from '../polls/domain/compare.js';
import type { Poll } from '../polls/domain/polls.js';
import { reflectionTasksOfNetwork, type TaskOverview } from '../reflections/sql/reflections.js';
import { loadNetworks, type RegionData } from '../region/load.js';
import { namedTaskAnswersByMunicipality, type TaskMunicipalityAnswers } from './sql/reflections.js';
import { inPeriod, type ReportPeriod } from './input.js';

export interface PollReport {
  poll: Poll;
  results: PollResults;
  /** An after-poll: the poll it repeats and the shift against it (null where either side is hidden). */
  before: { poll: Poll; shift: Shift | null } | null;
}

export interface ReportData extends RegionData {
  plan: PlanItem[];
  polls: PollReport[];
  tasks: TaskOverview[];
  taskAnswers: TaskMunicipalityAnswers[];
  period: ReportPeriod;
}

// Results without breakdowns need no group names.
const noLabels = { municipality: () => '', sector: () => '' };

async function resultsOf(db: Queryable, poll: Poll): Promise<PollResults> {
  return pollResults(poll, (await tallyVotes(db, poll.id)).groups, noLabels, { breakdowns: false });
}

export async function loadReport(db: Queryable, networks: Network[], period: ReportPeriod, now: Date): Promise<ReportData> {
  const base = await loadNetworks(db, networks, now, { from: period.from, to: period.to });
  const plan: PlanItem[] = [];
  const polls: PollReport[] = [];
  const tasks: TaskOverview[] = [];
  for (const network of networks) {
    plan.push(...(await planForNetwork(db, network.id)).filter((i) => inPeriod(period, i.startsAt)));
    const all = await listPolls(db, network.id);
    const shown = all.filter((p) => p.opensAt.getTime() <= now.getTime() && inPeriod(period, p.opensAt)).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
    for (const poll of shown) {
      const results = await resultsOf(db, poll);
      const earlier = poll.repeatOf ? all.find((p) => p.id === poll.repeatOf) : undefined;
      let before: PollReport['before'] = null;
      if (earlier) {
        const earlierResults = await resultsOf(db, earlier);
        const shift = results.overall && earlierResults.overall ? shiftOf(poll, earlierResults.overall, results.overall) : null;
        before = { poll: earlier, shift };
      }
      polls.push({ poll, results, before });
    }
    tasks.push(...(await reflectionTasksOfNetwork(db, network.id)).filter((task) => inPeriod(period, task.dueAt)).reverse());
  }
  const work = base.networks.map((d) => ({ ...d, assignments: d.assignments.filter((a) => inPeriod(period, a.dueAt)) }));
  return {
    ...base,
    networks: work,
    plan,
    polls,
    tasks,
    taskAnswers: await namedTaskAnswersByMunicipality(db, networks.map((n) => n.id)),
    period,
  };
}
