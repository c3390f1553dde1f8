import { formatOsloRange } from '../../shared/time.js';
import {
  ANSWER_MAX_CHARS,
  FOCUS_TASK_TEMPLATE,
  MAX_PROMPTS,
  PROMPT_MAX_CHARS,
  SEED_000_TEMPLATE,
  TITLE_MAX_CHARS,
  answerModeLabel,
  answerModes,
  visibilityLabel,
  reflectionVisibilities,
  type AnswerMode,
  type ReflectionKind,
  type ReflectionVisibility,
} from '../domain/reflections.js';
import type { PlanItem } from '../../shared/types.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { formatCount } from '../../platform/i18n/format.js';
import { t } from '../messages.js';

export const REFLECTION_CREATE_VERB = 'refleksjon.opprett';
export const REFLECTION_FORM_VERB = 'refleksjon.skjema';

export const templates = ['seed-000', 'tom', 'fokus'] as const;
export type TemplateName = (typeof templates)[number];

/** Prompt input ids p0 … p4 in the form (more can be added in the tab). */
export const FORM_PROMPTS = 5;
export const promptInputId = (i: number) => `p${i}`;

export interface CreateFormView {
  networkId: string;
  template: TemplateName;
  planItems: PlanItem[];
  /** Preselected plan item (the next samling), and the due default. */
  planItemId: string | null;
  dueDate: string;
  dueTime: string;
  /** Whether this conversation is a channel (then «post here» is offered). */
  inChannel: boolean;
  error?: string;
  /** What the facilitator typed, shown again with the error when it was refused. */
  values?: { title: string; prompts: string[]; answerMode?: AnswerMode; visibility?: ReflectionVisibility; delivery?: string };
}

interface Preset {
  kind: ReflectionKind;
  title: string;
  prompts: readonly string[];
  answerMode: AnswerMode;
  visibility: ReflectionVisibility;
}

// A function, not a table: the templates' words are read in the reader's language.
const presetOf = (template: TemplateName): Preset => {
  switch (template) {
    case 'seed-000':
      return { kind: 'refleksjon', title: SEED_000_TEMPLATE.title, prompts: SEED_000_TEMPLATE.prompts, answerMode: 'personlig', visibility: 'nettverket' };
    case 'fokus':
      return { kind: 'fokusomrade', title: FOCUS_TASK_TEMPLATE.title, prompts: FOCUS_TASK_TEMPLATE.prompts, answerMode: 'kommune', visibility: 'nettverket' };
    default:
      return { kind: 'refleksjon', title: '', prompts: [], answerMode: 'personlig', visibility: 'nettverket' };
  }
};

const choiceSet = (id: string, label: string, errorMessage: string, value: string, choices: { title: string; value: string }[]): CardElement => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  value,
  isRequired: true,
  errorMessage,
  choices,
});

/** The facilitator's form for a new reflection (or focus-area) task, prefilled from a template. */
export function reflectionCreateCard(v: CreateFormView): AdaptiveCard {
  const preset = presetOf(v.template);
  const p: Preset = v.values
    ? {
        ...preset,
        title: v.values.title,
        prompts: v.values.prompts,
        answerMode: v.values.answerMode ?? preset.answerMode,
        visibility: v.values.visibility ?? preset.visibility,
      }
    : preset;
  const body: CardElement[] = [
    heading(p.kind === 'fokusomrade' ? t('createCard.headingFocus') : t('createCard.heading')),
    text(
      v.template === 'seed-000' ? t('createCard.introSeed') : v.template === 'fokus' ? t('createCard.introFocus') : t('createCard.introBlank'),
      { isSubtle: true },
    ),
  ];
  if (v.error) body.push(text(v.error, { color: 'Attention', weight: 'Bolder' }));
  body.push({
    type: 'Input.Text',
    id: 'title',
    label: t('createCard.title'),
    isRequired: true,
    errorMessage: t('createCard.titleError'),
    maxLength: TITLE_MAX_CHARS,
    ...(p.title ? { value: p.title } : {}),
  });
  for (let i = 0; i < FORM_PROMPTS; i++) {
    body.push({
      type: 'Input.Text',
      id: promptInputId(i),
      label: i === 0 ? t('createCard.prompt1') : t('createCard.promptOptional', { number: i + 1 }),
      maxLength: PROMPT_MAX_CHARS,
      isMultiline: true,
      ...(i === 0 ? { isRequired: true, errorMessage: t('createCard.promptError') } : {}),
      ...(p.prompts[i] ? { value: p.prompts[i] } : {}),
    });
  }
  if (p.kind === 'refleksjon') {
    body.push(
      choiceSet('answerMode', t('createCard.answerMode'), t('createCard.answerModeError'), p.answerMode, answerModes.map((m) => ({ title: answerModeLabel[m], value: m }))),
      choiceSet(
        'visibility',
        t('createCard.visibility'),
        t('createCard.visibilityError'),
        p.visibility,
        reflectionVisibilities.map((s) => ({ title: visibilityLabel[s], value: s })),
      ),
    );
  }
  body.push(
    choiceSet('delivery', t('createCard.delivery'), t('createCard.deliveryError'), v.values?.delivery ?? (v.inChannel ? 'kanal' : 'personlig-chat'), [
      { title: t('createCard.toEach'), value: 'personlig-chat' },
      { title: v.inChannel ? t('createCard.thisChannel') : t('createCard.networkChannel'), value: 'kanal' },
    ]),
    { type: 'Input.Date', id: 'dueDate', label: t('createCard.dueDate'), isRequired: true, errorMessage: t('createCard.dueDateError'), value: v.dueDate },
    { type: 'Input.Time', id: 'dueTime', label: t('createCard.dueTime'), isRequired: true, errorMessage: t('createCard.dueTimeError'), value: v.dueTime },
  );
  if (v.planItems.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'planItemId',
      label: t('createCard.planItem'),
      ...(v.planItemId ? { value: v.planItemId } : {}),
      choices: v.planItems.map((i) => ({ title: `${i.title} (${formatOsloRange(i.startsAt, i.endsAt)})`, value: i.id })),
    });
  }
  body.push(text(t('createCard.limits', { prompts: MAX_PROMPTS, chars: PROMPT_MAX_CHARS, answerChars: formatCount(ANSWER_MAX_CHARS) }), { isSubtle: true, size: 'Small' }));

  const base = { networkId: v.networkId, kind: p.kind, template: v.template };
  const actions: CardElement[] = [executeButton(t('createCard.submit'), REFLECTION_CREATE_VERB, base, { style: 'positive' })];
  const others = templates.filter((t) => t !== v.template);
  const otherTitle: Record<TemplateName, string> = { 'seed-000': t('createCard.useSeed'), tom: t('createCard.useBlank'), fokus: t('createCard.useFocus') };
  for (const t of others) {
    actions.push(executeButton(otherTitle[t], REFLECTION_FORM_VERB, { networkId: v.networkId, template: t }, { associatedInputs: 'none' }));
  }
  return adaptiveCard(body, actions, t('createCard.fallback', { submit: t('createCard.submit') }));
}
