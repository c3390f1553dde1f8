import { summaryGate, type ReflectionTask } from './reflections.js';
import { currentLocale } from '../../platform/i18n/context.js';
import { intlTag } from '../../platform/i18n/locale.js';
import { t } from '../messages.js';

/**
 * «Deling av refleksjoner og erfaringer med kollegaer»: a task's answers grouped by prompt and,
 * unless anonymous, by municipality. Built here from rows, so the card and the tab agree.
 */
export interface SummaryEntry {
  /** Null for anonymous answers. */
  authorName: string | null;
  /** Kommune mode: which version of the shared answer this is. */
  version: number | null;
  text: string;
}

export interface SummaryGroup {
  /** Null for anonymous answers: no municipality either. */
  municipalityName: string | null;
  entries: SummaryEntry[];
}

export interface PromptSummary {
  prompt: string;
  groups: SummaryGroup[];
}

export interface FocusSummary {
  municipalityName: string;
  picks: string[];
}

export interface ReflectionSummary {
  taskId: string;
  title: string;
  kind: ReflectionTask['kind'];
  visibility: ReflectionTask['visibility'];
  answerMode: ReflectionTask['answerMode'];
  dueAt: Date;
  /** Null when the answers are hidden (anonymous below the threshold): not even the count shows. */
  answerCount: number | null;
  hiddenReason: string | null;
  prompts: PromptSummary[];
  focus: FocusSummary[];
}

export interface SummaryRows {
  named: { authorName: string; municipalityName: string | null; answers: string[] }[];
  groups: { municipalityName: string; version: number; authorName: string | null; answers: string[]; picks: string[] }[];
  anonymous: string[][];
}

export function buildSummary(task: ReflectionTask, rows: SummaryRows): ReflectionSummary {
  const base = {
    taskId: task.id,
    title: task.title,
    kind: task.kind,
    visibility: task.visibility,
    answerMode: task.answerMode,
    dueAt: task.dueAt,
  };
  const count =
    task.answerMode === 'kommune' ? rows.groups.length : task.visibility === 'anonym' ? rows.anonymous.length : rows.named.length;
  const gate = summaryGate(task.visibility, count);
  if (!gate.show) return { ...base, answerCount: null, hiddenReason: gate.message, prompts: [], focus: [] };

  const prompts: PromptSummary[] = task.prompts.map((prompt, i) => {
    if (task.visibility === 'anonym') {
      const entries = rows.anonymous
        .map((answers) => answers[i] ?? '')
        .filter((t) => t !== '')
        .map((t) => ({ authorName: null, version: null, text: t }));
      return { prompt, groups: entries.length ? [{ municipalityName: null, entries }] : [] };
    }
    const byMunicipality = new Map<string, SummaryEntry[]>();
    const add = (m: string | null, e: SummaryEntry) => {
      const key = m ?? t('domain.withoutMunicipality');
      byMunicipality.set(key, [...(byMunicipality.get(key) ?? []), e]);
    };
    if (task.answerMode === 'kommune') {
      for (const g of rows.groups) {
        const t = g.answers[i] ?? '';
        if (t) add(g.municipalityName, { authorName: g.authorName, version: g.version, text: t });
      }
    } else {
      for (const n of rows.named) {
        const t = n.answers[i] ?? '';
        if (t) add(n.municipalityName, { authorName: n.authorName, version: null, text: t });
      }
    }
    const groups = [...byMunicipality.entries()]
      .sort(([a], [b]) => a.localeCompare(b, intlTag[currentLocale()]))
      .map(([municipalityName, entries]) => ({ municipalityName, entries }));
    return { prompt, groups };
  });
  const focus =
    task.kind === 'fokusomrade'
      ? rows.groups.filter((g) => g.picks.length > 0).map((g) => ({ municipalityName: g.municipalityName, picks: g.picks }))
      : [];
  return { ...base, answerCount: count, hiddenReason: null, prompts, focus };
}
