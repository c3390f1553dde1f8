import { osloInstant } from '../../shared/time.js';
import type { NewPlanItem } from '../sql/plan.js';
import { shiftTemplate, type PlanTemplate } from './domain/shift.js';
import ushtViken from './templates/usht-viken-2020.json' with { type: 'json' };

export type { PlanTemplate, TemplateItem } from './domain/shift.js';

/**
 * The plans a facilitator can start from, as data. The first is seed 000's: USHT Viken's
 * activity plan for Leve hele livet (Tue 18 Aug – Wed 16 Sep 2020: three samlinger, sentervis
 * veiledning on 19 and 21 August, mellomarbeid). The demo network is built from it too
 * (src/demo/demo.ts), so there is one copy. Names and descriptions are in the catalogue
 * (messages/*.json, template.<id>.name).
 */
export const planTemplates: readonly PlanTemplate[] = [ushtViken as PlanTemplate];

/** Seed 000's plan: the demo network's and the first template. */
export const SEED_000_TEMPLATE_ID = 'usht-viken-2020';

export function findTemplate(id: string): PlanTemplate | undefined {
  return planTemplates.find((t) => t.id === id);
}

/** A template's items as plan items starting on `startDate` (Oslo), each with its key as seed key. */
export function templatePlanItems(template: PlanTemplate, startDate: string): (NewPlanItem & { seedKey: string })[] {
  return shiftTemplate(template, startDate).map((i) => ({
    seedKey: i.key,
    kind: i.kind,
    title: i.title,
    agenda: i.agenda,
    startsAt: osloInstant(i.date, i.start),
    endsAt: osloInstant(i.date, i.end),
    format: i.format,
    responsibleBody: i.responsibleBody,
    meetingUrl: null,
  }));
}
