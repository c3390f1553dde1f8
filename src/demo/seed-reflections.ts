import type { Phase } from '../focus/domain/focus.js';
import { FOCUS_TASK_TEMPLATE, SEED_000_TEMPLATE } from '../reflections/domain/reflections.js';
import type { Queryable } from '../platform/db/port.js';
import { setPhase } from '../focus/sql/focus.js';
import { insertAssignment } from '../mellomarbeid/sql/mellomarbeid.js';
import { networkMunicipalities } from '../network/sql/members.js';
import { insertReflectionTask } from '../reflections/sql/reflections.js';
import { seededPlanItems } from './sql/seed.js';

const DAY = 24 * 60 * 60 * 1000;

// Phases the demo municipalities start in, so the tab shows something to read.
const demoPhases: Record<string, Phase> = { '3201': 2, '3203': 1, '3301': 2, '3205': 3, '3103': 1, '3305': 1 };

/**
 * Demo work for the seeded network: seed 000's reflection task after Samling 1, seed 001's
 * focus-area group work at Samling 2 and the mellomarbeid from the plan. Rows carry seed keys
 * (ON CONFLICT DO NOTHING), so a second run — or a start on a database seeded before these
 * tables existed — changes nothing that is already there. Dates follow the stored plan.
 */
export async function seedDemoWork(db: Queryable, networkId: string, now: Date): Promise<void> {
  const rows = await seededPlanItems(db, networkId);
  const item = (key: string) => rows.find((r) => r.seedKey === key);
  const samling1 = item('samling-1');
  const samling2 = item('samling-2');
  const samling3 = item('samling-3');
  const mellomarbeid = item('mellomarbeid-1');
  if (!samling1 || !samling2 || !samling3 || !mellomarbeid) return; // an edited demo plan: leave it alone

  await insertReflectionTask(db, networkId, {
    seedKey: 'refleksjon-samling-1',
    planItemId: samling1.id,
    kind: 'refleksjon',
    title: SEED_000_TEMPLATE.title,
    prompts: [...SEED_000_TEMPLATE.prompts],
    answerMode: 'personlig',
    visibility: 'nettverket',
    // Shared at Samling 2 («deling av refleksjoner og erfaringer med kollegaer»).
    dueAt: new Date(samling2.startsAt),
    createdBy: null,
  });
  await insertReflectionTask(db, networkId, {
    seedKey: 'fokus-samling-2',
    planItemId: samling2.id,
    kind: 'fokusomrade',
    title: FOCUS_TASK_TEMPLATE.title,
    prompts: [...FOCUS_TASK_TEMPLATE.prompts],
    answerMode: 'kommune',
    visibility: 'nettverket',
    dueAt: new Date(new Date(samling2.endsAt).getTime() + 7 * DAY),
    createdBy: null,
  });
  const municipalities = (await networkMunicipalities(db, networkId)).map((m) => m.number);
  const created = await insertAssignment(db, networkId, {
    seedKey: 'mellomarbeid-1',
    planItemId: mellomarbeid.id,
    title: 'Kartlegging av utfordringsbildet i kommunen',
    description:
      'Mellomarbeid før Samling 3: beskriv kommunens utfordringsbilde i arbeidet med Leve hele livet, hvem som er med i teamet, og hvordan dere vil forankre arbeidet administrativt og politisk. Tas opp i den sentervise veiledningen (1–2 økter à 1,5 time).',
    dueAt: new Date(samling3.startsAt),
    municipalityNumbers: municipalities,
    createdBy: null,
  });
  if (created) {
    // Only with the first seeding of the work, so a phase a facilitator changed is never reset.
    for (const number of municipalities) {
      const phase = demoPhases[number];
      if (phase) await setPhase(db, networkId, number, phase, now);
    }
  }
}
