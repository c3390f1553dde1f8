/**
 * Focus areas chosen by a municipality (from the network's reform catalogue) and its reform
 * phase. The catalogue is data (src/domain/data); this module only knows its shape.
 */
import { invalid, ok, type Result } from '../../shared/result.js';
import { localizedRecord } from '../../platform/i18n/messages.js';
import { t } from '../messages.js';

export const phases = [1, 2, 3, 4] as const;
export type Phase = (typeof phases)[number];

/** The reform's four phases, named in the reader's language. */
export const phaseLabel: Readonly<Record<Phase, string>> = localizedRecord(
  phases.map(String) as `${Phase}`[],
  (p) => t(`phase.${p}`),
) as unknown as Readonly<Record<Phase, string>>;

export interface CatalogueEntry {
  focusAreaCode: string;
  focusAreaName: string;
  /** Null for a focus area without solutions (a reform like Bo trygt hjemme lists none). */
  solutionCode: string | null;
  solutionName: string | null;
}

/** One pick: a whole focus area, or one of its solutions. */
export interface FocusChoice {
  focusAreaCode: string;
  solutionCode: string | null;
}

export interface ChosenFocus extends FocusChoice {
  focusAreaName: string;
  solutionName: string | null;
  chosenOn: string;
}

/** A municipality in a network: its phase (set by facilitators) and chosen focus areas. */
export interface MunicipalityStanding {
  number: string;
  name: string;
  phase: Phase | null;
  phaseSetAt: Date | null;
  focus: ChosenFocus[];
}

export const MAX_FOCUS_CHOICES = 10;

// Card choice values: no commas (a multi-select ChoiceSet answers with a comma-joined string).
const AREA = 'fokusomrade:';
const SOLUTION = 'losning:';

export function choiceValue(c: FocusChoice): string {
  return c.solutionCode ? `${SOLUTION}${c.solutionCode}` : `${AREA}${c.focusAreaCode}`;
}

/** Card/API choice values → catalogue picks; unknown codes are refused, not ignored. */
export function parseChoices(
  values: readonly string[],
  catalogue: readonly CatalogueEntry[],
): Result<FocusChoice[]> {
  const picks: FocusChoice[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value) continue;
    if (value.startsWith(AREA)) {
      const code = value.slice(AREA.length);
      if (!catalogue.some((e) => e.focusAreaCode === code)) return invalid(t('choice.unknownArea', { code }));
      picks.push({ focusAreaCode: code, solutionCode: null });
    } else if (value.startsWith(SOLUTION)) {
      const code = value.slice(SOLUTION.length);
      const entry = catalogue.find((e) => e.solutionCode === code);
      if (!entry) return invalid(t('choice.unknownSolution', { code }));
      picks.push({ focusAreaCode: entry.focusAreaCode, solutionCode: code });
    } else {
      return invalid(t('choice.unknown', { value: value.slice(0, 60) }));
    }
  }
  const unique = picks.filter((p, i) => picks.findIndex((q) => choiceValue(q) === choiceValue(p)) === i);
  if (unique.length === 0) return invalid(t('choice.none'));
  if (unique.length > MAX_FOCUS_CHOICES) return invalid(t('choice.tooMany', { max: MAX_FOCUS_CHOICES }));
  return ok(unique);
}

/** Choices for a card or a picker: each focus area, then its solutions indented under it. */
export function catalogueChoices(catalogue: readonly CatalogueEntry[]): { title: string; value: string }[] {
  const out: { title: string; value: string }[] = [];
  for (const entry of catalogue) {
    if (!out.some((c) => c.value === `${AREA}${entry.focusAreaCode}`)) {
      out.push({ title: entry.focusAreaName, value: `${AREA}${entry.focusAreaCode}` });
    }
    if (entry.solutionCode) out.push({ title: `${entry.focusAreaName} – ${entry.solutionName}`, value: `${SOLUTION}${entry.solutionCode}` });
  }
  return out;
}

export function focusText(f: Pick<ChosenFocus, 'focusAreaName' | 'solutionName'>): string {
  return f.solutionName ? `${f.focusAreaName}: ${f.solutionName}` : f.focusAreaName;
}
