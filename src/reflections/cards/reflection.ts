import { formatDue } from '../../shared/due.js';
import {
  ANONYMOUS_MIN_ANSWERS,
  ANSWER_LIMIT_TEXT,
  ANSWER_MAX_CHARS,
  answerModeLabel,
  visibilityLabel,
  type ReflectionTask,
} from '../domain/reflections.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';

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
    `Frist: ${formatDue(task.dueAt)}`,
    visibilityLabel[task.visibility],
    answerModeLabel[task.answerMode],
  ];
  const out: CardElement[] = [
    heading(task.title),
    text(facts.join(' · '), { isSubtle: true, spacing: 'None' }),
  ];
  if (v.planItemTitle) out.push(text(`Knyttet til: ${v.planItemTitle}`, { isSubtle: true, spacing: 'None' }));
  if (task.visibility === 'anonym') {
    out.push(
      text(
        `Svaret ditt lagres uten navn og kommune. Svarene vises først når minst ${ANONYMOUS_MIN_ANSWERS} har svart, og kan aldri knyttes til deg.`,
      ),
    );
  }
  if (task.answerMode === 'kommune') {
    const whose = v.municipalityName ? `${v.municipalityName}s felles svar` : 'kommunens felles svar';
    out.push(text(`Dette er ${whose}: alle fra kommunen kan skrive, og tidligere versjoner tas vare på.`));
    if (v.version) {
      out.push(
        text(`Sist lagret: versjon ${v.version.number}${v.version.authorName ? ` av ${v.version.authorName}` : ''}.`, {
          isSubtle: true,
        }),
      );
    }
  }
  if (v.notice) {
    out.push(text(v.notice.text, { weight: 'Bolder', color: v.notice.tone === 'good' ? 'Good' : 'Attention' }));
  }
  return out;
}

function readOnly(v: AnswerCardView): CardElement[] {
  const out: CardElement[] = [text(`Fristen gikk ut ${formatDue(v.task.dueAt)}. Svar kan ikke lenger endres.`, { weight: 'Bolder' })];
  if (v.answeredAnonymously) out.push(text('Du svarte anonymt.'));
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
        text('Du har allerede svart anonymt. Svaret er ikke knyttet til deg, så det kan bare endres fra kortet du svarte i.'),
      ],
      actions: [],
    };
  }
  const body: CardElement[] = [];
  if (task.kind === 'fokusomrade') {
    body.push({
      type: 'Input.ChoiceSet',
      id: FOCUS_INPUT_ID,
      label: 'Fokusområder og løsninger fra reformen',
      isMultiSelect: true,
      isRequired: true,
      errorMessage: 'Velg minst ett fokusområde eller én løsning.',
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
      placeholder: 'Skriv svaret ditt her',
      ...(v.answers?.[i] ? { value: v.answers[i] } : {}),
    });
  });
  body.push(text(ANSWER_LIMIT_TEXT, { isSubtle: true, size: 'Small' }));
  const answered = Boolean(v.answers?.some((a) => a) || v.choices?.length);
  const data: Record<string, unknown> = { taskId: task.id };
  if (v.version) data.baseVersion = v.version.number;
  if (v.editKey) data.editKey = v.editKey;
  const title = answered ? 'Oppdater svaret' : 'Send svar';
  return { body, actions: [executeButton(title, REFLECTION_ANSWER_VERB, data, { style: 'positive' })] };
}

/** The card a participant answers in (1:1 or channel), and what they see after saving. */
export function reflectionAnswerCard(v: AnswerCardView): AdaptiveCard {
  const head = intro(v);
  if (!v.open) {
    return adaptiveCard([...head, ...readOnly(v)], [], `${v.task.title}: fristen har gått ut.`);
  }
  const { body, actions } = form(v);
  return adaptiveCard(
    [...head, ...body],
    actions,
    `${v.task.title} – frist ${formatDue(v.task.dueAt)}. ${v.task.prompts.join(' ')}`,
  );
}

/** Said instead of the answer when a button was pressed in a shared conversation without Action.Execute. */
export function answerSavedPubliclyCard(taskTitle: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Svaret ditt er lagret'),
      text(`Svaret på «${taskTitle}» er lagret. Skriv «mine refleksjoner» til meg i en personlig chat for å se eller endre det.`),
    ],
    [],
    'Svaret ditt er lagret.',
  );
}
