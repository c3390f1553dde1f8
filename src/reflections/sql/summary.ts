import { choiceValue, focusText, type CatalogueEntry } from '../../focus/domain/focus.js';
import { buildSummary, type ReflectionSummary } from '../domain/summary.js';
import type { ReflectionTask } from '../domain/reflections.js';
import type { Queryable } from '../../platform/db/port.js';
import { anonymousAnswersOfTask, currentGroupVersions, personalAnswersOfTask } from './reflections.js';

/** Names for stored choice values, from the network's reform catalogue. */
export function pickNames(values: readonly string[], catalogue: readonly CatalogueEntry[]): string[] {
  return values.map((v) => {
    const area = catalogue.find((e) => choiceValue({ focusAreaCode: e.focusAreaCode, solutionCode: null }) === v);
    if (area) return area.focusAreaName;
    const solution = catalogue.find((e) => choiceValue({ focusAreaCode: e.focusAreaCode, solutionCode: e.solutionCode }) === v);
    return solution ? focusText(solution) : v;
  });
}

/**
 * Reads only what the task's mode and visibility allow to exist: an anonymous task's summary
 * never touches the participation table, a named one never the anonymous answers.
 */
export async function loadSummary(db: Queryable, task: ReflectionTask, catalogue: readonly CatalogueEntry[]): Promise<ReflectionSummary> {
  if (task.answerMode === 'kommune') {
    const groups = await currentGroupVersions(db, task.id);
    return buildSummary(task, {
      named: [],
      anonymous: [],
      groups: groups.map((g) => ({
        municipalityName: g.municipalityName,
        version: g.version,
        authorName: g.authorName,
        answers: g.answers,
        picks: pickNames(g.choices, catalogue),
      })),
    });
  }
  if (task.visibility === 'anonym') {
    return buildSummary(task, { named: [], groups: [], anonymous: await anonymousAnswersOfTask(db, task.id) });
  }
  const named = await personalAnswersOfTask(db, task.id);
  return buildSummary(task, { groups: [], anonymous: [], named });
}
