import type { MineItem } from './cards/mine.js';
import type { Queryable } from '../platform/db/port.js';
import { currentGroupVersion, hasParticipated, personalAnswerOf } from './sql/reflections.js';
import type { Actor } from '../shared/policy.js';
import { isOpen, type ReflectionTask } from './domain/reflections.js';
import type { Network } from '../shared/types.js';
import { t } from './messages.js';

/** A person's view of each task: their own answer, their municipality's, or just that they answered anonymously. */
export async function mineItems(db: Queryable, actor: Actor, network: Network, tasks: ReflectionTask[], now: Date): Promise<MineItem[]> {
  const municipality = actor.memberships.find((m) => m.networkId === network.id)?.municipalityNumber ?? null;
  const items: MineItem[] = [];
  for (const task of tasks) {
    const open = isOpen(task, now);
    if (task.answerMode === 'kommune') {
      const current = municipality ? await currentGroupVersion(db, task.id, municipality) : undefined;
      items.push({
        task,
        open,
        state: current ? 'besvart' : 'ubesvart',
        answers: current?.answers ?? [],
        note: current
          ? current.authorName
            ? t('mine.groupNoteBy', { version: current.version, author: current.authorName })
            : t('mine.groupNote', { version: current.version })
          : null,
      });
    } else if (task.visibility === 'anonym') {
      const answered = await hasParticipated(db, task.id, actor.memberId);
      items.push({ task, open, state: answered ? 'anonymt' : 'ubesvart', answers: [], note: null });
    } else {
      const own = await personalAnswerOf(db, task.id, actor.memberId);
      items.push({ task, open, state: own ? 'besvart' : 'ubesvart', answers: own?.answers ?? [], note: null });
    }
  }
  // Open and unanswered first: what still needs doing.
  const rank = (i: MineItem) => (i.open && i.state === 'ubesvart' ? 0 : i.open ? 1 : 2);
  return items.sort((a, b) => rank(a) - rank(b));
}

