import { fail, ok, type Result } from '../shared/result.js';
import type { Database } from '../platform/db/port.js';
import { replaceFocus } from '../focus/sql/focus.js';
import { reformCatalogue } from '../reference/sql/reference.js';
import { appendGroupVersion, insertAnonymousAnswer, savePersonalAnswer, updateAnonymousAnswer } from './sql/reflections.js';
import { formatDue } from '../shared/due.js';
import { choiceValue, parseChoices } from '../focus/domain/focus.js';
import { policy, type Actor } from '../shared/policy.js';
import { checkAnswers, isOpen, type ReflectionTask } from './domain/reflections.js';
import { osloDate } from '../shared/time.js';
import type { Network } from '../shared/types.js';
import { t } from './messages.js';

export interface AnswerInput {
  answers: string[];
  /** Focus-area tasks: chosen catalogue values ('fokusomrade:…', 'losning:…'). */
  choices?: string[];
  /** Kommune mode: the version the writer started from (optimistic concurrency). */
  baseVersion?: number | null;
  /** Anonymous: the key from the author's own card, to change their answer. */
  editKey?: string | null;
}

export type AnswerSaved =
  | { mode: 'personlig' }
  | { mode: 'anonym'; editKey: string }
  | { mode: 'kommune'; version: number; municipalityNumber: string };

const closedMessage = (task: ReflectionTask) => t('answer.closed', { title: task.title, due: formatDue(task.dueAt) });

/**
 * One answer or edit, from a card or the tab: policy, due time, limits and the mode's storage
 * rule, in one place. Nothing is written unless everything passes.
 */
export async function answerReflection(
  db: Database,
  actor: Actor,
  network: Network,
  task: ReflectionTask,
  input: AnswerInput,
  now: Date,
): Promise<Result<AnswerSaved>> {
  const allowed = policy.answerReflection(actor, network);
  if (!allowed.allowed) return fail('ingen-tilgang', allowed.message);
  if (task.networkId !== network.id) return fail('finnes-ikke', t('answer.notInNetwork'));
  if (!isOpen(task, now)) return fail('konflikt', closedMessage(task));
  const checked = checkAnswers(task, input.answers);
  if (!checked.ok) return checked;
  const answers = checked.value;
  const municipalityNumber = actor.memberships.find((m) => m.networkId === network.id)?.municipalityNumber ?? null;

  if (task.answerMode === 'kommune') {
    if (!municipalityNumber) return fail('ingen-tilgang', t('answer.needMunicipality'));
    let choices: string[] = [];
    let picks: ReturnType<typeof parseChoices> | undefined;
    if (task.kind === 'fokusomrade') {
      picks = parseChoices(input.choices ?? [], await reformCatalogue(db, network.reformCode));
      if (!picks.ok) return picks;
      choices = picks.value.map(choiceValue);
    }
    return db.transaction(async (tx) => {
      const saved = await appendGroupVersion(tx, {
        taskId: task.id,
        municipalityNumber,
        answers,
        choices,
        authorMemberId: actor.memberId,
        baseVersion: input.baseVersion ?? null,
        now,
      });
      if (saved.status === 'closed') return fail('konflikt', closedMessage(task));
      if (saved.status === 'stale') {
        return fail('utdatert', t('answer.stale', { version: saved.current }));
      }
      if (picks?.ok) {
        await replaceFocus(tx, {
          networkId: network.id,
          municipalityNumber,
          reformCode: network.reformCode,
          choices: picks.value,
          chosenOn: osloDate(now),
          taskId: task.id,
          memberId: actor.memberId,
        });
      }
      return ok<AnswerSaved>({ mode: 'kommune', version: saved.version, municipalityNumber });
    });
  }

  if (task.visibility === 'anonym') {
    if (input.editKey) {
      const updated = await updateAnonymousAnswer(db, task.id, input.editKey, answers, now);
      if (updated === 'closed') return fail('konflikt', closedMessage(task));
      if (updated === 'unknown-key') return fail('ugyldig-forespørsel', t('answer.unknownKey')); // i18n-ignore: error code
      return ok<AnswerSaved>({ mode: 'anonym', editKey: input.editKey });
    }
    const saved = await db.transaction((tx) => insertAnonymousAnswer(tx, task.id, actor.memberId, answers, now));
    if (saved.status === 'closed') return fail('konflikt', closedMessage(task));
    if (saved.status === 'already-answered') {
      return fail('konflikt', t('answer.alreadyAnonymous'));
    }
    return ok<AnswerSaved>({ mode: 'anonym', editKey: saved.editKey });
  }

  const saved = await savePersonalAnswer(db, task.id, actor.memberId, municipalityNumber, answers, now);
  return saved === 'saved' ? ok<AnswerSaved>({ mode: 'personlig' }) : fail('konflikt', closedMessage(task));
}
