import { formatDue } from '../../shared/due.js';
import {
  ANONYMOUS_MIN_ANSWERS,
  ANSWER_MAX_CHARS,
  answerLimitText,
  answerModeLabel,
  visibilityLabel,
  type ReflectionTask,
} from '../domain/reflections.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { t } from '../messages.js';

export const REFLECTION_ANSWER_VERB = 'refleksjon.svar';
export const REFLECTION_OPEN_VERB = 'refleksjon.vis';

/** Input ids a0 … a9, one per prompt. */
export const answerInputId = (i: number) => `a${i}`;
export const FOCUS_INPUT_ID = 'valg';

export interface AnswerCardView {
  task: ReflectionTask;
  planItemTitle?: string | null;
  /** Kommune mode: whose shared answer this is. */
  municipalityName?: string | null;
  /** Prefilled answers (and focus choices) from the latest save. */
  answers?: string[];
  choices?: string[];
  /** Kommune mode: the version the form shows, and who saved it. */
  version?: { number: number; authorName: string | null } | null;
  /** Anonymous: the author's edit key, only ever in their own card. */
  editKey?: string | null;
  /** Anonymous, answered, but this card has no key (e.g. from «mine refleksjoner»). */
  answeredAnonymously?: boolean;
  focusChoices?: { title: string; value: string }[];
  notice?: { tone: 'good' | 'attention'; text: string };
  open: boolean;
}

function intro(v: AnswerCardView): CardElement[] {
  const { task } = v;
  const facts = [
    t('answerCard.due', { due: formatDue(task.dueAt) }),
    visibilityLabel[task.visibility],
    answerModeLabel[task.answerMode],
  ];
  const out: CardElement[] = [
    heading(task.title),
    text(facts.join(' · '), { isSubtle: true, spacing: 'None' }),
  ];
  if (v.planItemTitle) out.push(text(t('answerCard.linkedTo', { title: v.planItemTitle }), { isSubtle: true, spacing: 'None' }));
  if (task.visibility === 'anonym') {
    out.push(text(t('answerCard.anonymous', { min: ANONYMOUS_MIN_ANSWERS })));
  }
  if (task.answerMode === 'kommune') {
    out.push(text(v.municipalityName ? t('answerCard.groupOf', { municipality: v.municipalityName }) : t('answerCard.group')));
    if (v.version) {
      out.push(
        text(
          v.version.authorName
            ? t('answerCard.lastSavedBy', { version: v.version.number, author: v.version.authorName })
            : t('answerCard.lastSaved', { version: v.version.number }),
          { isSubtle: true },
        ),
      );
    }
  }
  if (v.notice) {
    out.push(text(v.notice.text, { weight: 'Bolder', color: v.notice.tone === 'good' ? 'Good' : 'Attention' }));
  }
  return out;
}

function readOnly(v: AnswerCardView): CardElement[] {
  const out: CardElement[] = [text(t('answerCard.closed', { due: formatDue(v.task.dueAt) }), { weight: 'Bolder' })];
  if (v.answeredAnonymously) out.push(text(t('answerCard.answeredAnonymously')));
  v.task.prompts.forEach((prompt, i) => {
    const answer = v.answers?.[i];
    out.push(text(prompt, { weight: 'Bolder', spacing: 'Medium' }));
    out.push(text(answer ? answer : '–', { spacing: 'Small' }));
  });
  return out;
}

function form(v: AnswerCardView): { body: CardElement[]; actions: CardElement[] } {
  const { task } = v;
  if (v.answeredAnonymously && !v.editKey) {
    return {
      body: [
        text(t('answerCard.alreadyAnonymous')),
      ],
      actions: [],
    };
  }
  const body: CardElement[] = [];
  if (task.kind === 'fokusomrade') {
    body.push({
      type: 'Input.ChoiceSet',
      id: FOCUS_INPUT_ID,
      label: t('answerCard.focusLabel'),
      isMultiSelect: true,
      isRequired: true,
      errorMessage: t('answerCard.focusError'),
      choices: v.focusChoices ?? [],
      ...(v.choices?.length ? { value: v.choices.join(',') } : {}),
    });
  }
  task.prompts.forEach((prompt, i) => {
    body.push({
      type: 'Input.Text',
      id: answerInputId(i),
      label: `${i + 1}. ${prompt}`,
      isMultiline: true,
      maxLength: ANSWER_MAX_CHARS,
      placeholder: t('answerCard.placeholder'),
      ...(v.answers?.[i] ? { value: v.answers[i] } : {}),
    });
  });
  body.push(text(answerLimitText(), { isSubtle: true, size: 'Small' }));
  const answered = Boolean(v.answers?.some((a) => a) || v.choices?.length);
  const data: Record<string, unknown> = { taskId: task.id };
  if (v.version) data.baseVersion = v.version.number;
  if (v.editKey) data.editKey = v.editKey;
  const title = answered ? t('answerCard.update') : t('answerCard.send');
  return { body, actions: [executeButton(title, REFLECTION_ANSWER_VERB, data, { style: 'positive' })] };
}

/** The card a participant answers in (1:1 or channel), and what they see after saving. */
export function reflectionAnswerCard(v: AnswerCardView): AdaptiveCard {
  const head = intro(v);
  if (!v.open) {
    return adaptiveCard([...head, ...readOnly(v)], [], t('answerCard.closedFallback', { title: v.task.title }));
  }
  const { body, actions } = form(v);
  return adaptiveCard(
    [...head, ...body],
    actions,
    t('answerCard.openFallback', { title: v.task.title, due: formatDue(v.task.dueAt), prompts: v.task.prompts.join(' ') }),
  );
}

/** Said instead of the answer when a button was pressed in a shared conversation without Action.Execute. */
export function answerSavedPubliclyCard(taskTitle: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t('answerCard.savedHeading')),
      text(t('answerCard.savedPublicly', { title: taskTitle })),
    ],
    [],
    t('answerCard.savedFallback'),
  );
}
