import { formatDue } from '../../shared/due.js';
import type { ReflectionTask } from '../domain/reflections.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { clip, executeButton, heading } from '../../shared/cards/execute.js';
import { REFLECTION_OPEN_VERB } from './reflection.js';
import { t } from '../messages.js';

export interface MineItem {
  task: ReflectionTask;
  open: boolean;
  state: 'ubesvart' | 'besvart' | 'anonymt';
  /** The person's own (or their municipality's) latest answers. */
  answers: string[];
  /** Kommune mode: the shared answer, whose version. */
  note: string | null;
}

const MAX_TASKS = 8;

function stateText(item: MineItem): string {
  const due = t('mineCard.due', { due: formatDue(item.task.dueAt) });
  if (item.state === 'ubesvart') {
    return item.open ? t('mineCard.unansweredOpen', { due }) : t('mineCard.unansweredClosed', { due: formatDue(item.task.dueAt) });
  }
  if (item.state === 'anonymt') return t('mineCard.anonymous', { due });
  return item.open ? t('mineCard.answeredOpen', { due }) : t('mineCard.answeredClosed');
}

/** «mine refleksjoner»: a person's own answers, and what is still open for them. */
export function myReflectionsCard(items: MineItem[]): AdaptiveCard {
  const body: CardElement[] = [heading(t('mineCard.title'))];
  if (items.length === 0) {
    body.push(text(t('mineCard.empty')));
    return adaptiveCard(body, [], t('mineCard.emptyFallback'));
  }
  for (const item of items.slice(0, MAX_TASKS)) {
    const parts: CardElement[] = [text(item.task.title, { weight: 'Bolder' }), text(stateText(item), { isSubtle: true, spacing: 'None' })];
    if (item.note) parts.push(text(item.note, { isSubtle: true, spacing: 'None' }));
    item.task.prompts.forEach((prompt, i) => {
      const answer = item.answers[i];
      if (answer) parts.push(text(`*${prompt}* ${clip(answer, 300)}`, { spacing: 'Small' }));
    });
    const canOpen = item.open && item.state !== 'anonymt';
    if (canOpen || !item.open) {
      parts.push({
        type: 'ActionSet',
        actions: [
          executeButton(
            item.state === 'ubesvart'
              ? t(item.open ? 'mineCard.answerNow' : 'mineCard.showQuestions')
              : t(item.open ? 'mineCard.seeAndEdit' : 'mineCard.showAnswer'),
            REFLECTION_OPEN_VERB,
            { taskId: item.task.id },
          ),
        ],
      });
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items: parts });
  }
  if (items.length > MAX_TASKS) body.push(text(t('mineCard.more', { count: items.length - MAX_TASKS }), { isSubtle: true }));
  const fallback = items.map((i) => `${i.task.title}: ${stateText(i)}`).join('\n');
  return adaptiveCard(body, [], `${t('mineCard.title')}\n${fallback}`);
}
