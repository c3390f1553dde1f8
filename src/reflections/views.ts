import type { AdaptiveCard } from '../shared/cards/card.js';
import { reflectionAnswerCard, type AnswerCardView } from './cards/reflection.js';
import type { Queryable } from '../platform/db/port.js';
import { networkMunicipalities } from '../network/sql/members.js';
import { findPlanItem } from '../plan/sql/plan.js';
import { reformCatalogue } from '../reference/sql/reference.js';
import { anonymousAnswerByKey, currentGroupVersion, hasParticipated, personalAnswerOf } from './sql/reflections.js';
import { catalogueChoices } from '../focus/domain/focus.js';
import { isOpen, type ReflectionTask } from './domain/reflections.js';
import type { Network } from '../shared/types.js';

export interface Answerer {
  memberId: string;
  municipalityNumber: string | null;
}

/**
 * The answer card as one person should see it: their own (or their municipality's) latest
 * answer filled in. Without a person (a card posted in a channel) it is the blank form.
 */
export async function answerCardFor(
  db: Queryable,
  network: Pick<Network, 'id' | 'reformCode'>,
  task: ReflectionTask,
  who: Answerer | null,
  now: Date,
  extra: Pick<AnswerCardView, 'notice' | 'editKey'> & {
    /** What the person just typed, shown again when it was refused (so nothing they wrote is lost). */
    typed?: { answers: string[]; choices: string[] };
  } = {},
): Promise<AdaptiveCard> {
  const view: AnswerCardView = { task, open: isOpen(task, now), notice: extra.notice, editKey: extra.editKey };
  if (task.planItemId) view.planItemTitle = (await findPlanItem(db, network.id, task.planItemId))?.title ?? null;
  if (task.kind === 'fokusomrade') view.focusChoices = catalogueChoices(await reformCatalogue(db, network.reformCode));
  if (who && task.answerMode === 'kommune' && who.municipalityNumber) {
    const municipalities = await networkMunicipalities(db, network.id);
    view.municipalityName = municipalities.find((m) => m.number === who.municipalityNumber)?.name ?? null;
    const current = await currentGroupVersion(db, task.id, who.municipalityNumber);
    if (current) {
      view.answers = current.answers;
      view.choices = current.choices;
      view.version = { number: current.version, authorName: current.authorName };
    }
  } else if (who && task.visibility === 'anonym') {
    if (extra.editKey) view.answers = await anonymousAnswerByKey(db, task.id, extra.editKey);
    else view.answeredAnonymously = await hasParticipated(db, task.id, who.memberId);
  } else if (who) {
    view.answers = (await personalAnswerOf(db, task.id, who.memberId))?.answers;
  }
  if (extra.typed) {
    view.answers = extra.typed.answers;
    view.choices = extra.typed.choices;
  }
  return reflectionAnswerCard(view);
}
