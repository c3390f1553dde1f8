import { formatOsloRange } from '../../shared/time.js';
import {
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

const presets: Record<TemplateName, Preset> = {
  'seed-000': { kind: 'refleksjon', ...SEED_000_TEMPLATE, answerMode: 'personlig', visibility: 'nettverket' },
  tom: { kind: 'refleksjon', title: '', prompts: [], answerMode: 'personlig', visibility: 'nettverket' },
  fokus: { kind: 'fokusomrade', ...FOCUS_TASK_TEMPLATE, answerMode: 'kommune', visibility: 'nettverket' },
};

const choiceSet = (id: string, label: string, value: string, choices: { title: string; value: string }[]): CardElement => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  value,
  isRequired: true,
  errorMessage: `Velg ${label.toLowerCase()}.`,
  choices,
});

/** The facilitator's form for a new reflection (or focus-area) task, prefilled from a template. */
export function reflectionCreateCard(v: CreateFormView): AdaptiveCard {
  const preset = presets[v.template];
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
    heading(p.kind === 'fokusomrade' ? 'Ny oppgave: velg fokusområde' : 'Ny refleksjonsoppgave'),
    text(
      v.template === 'seed-000'
        ? 'Fylt ut med refleksjonsspørsmålene fra oppstartseminaret. Endre det du vil, eller start med en tom oppgave.'
        : v.template === 'fokus'
          ? 'Gruppearbeid i kommunegrupper som skal ende i ett eller flere fokusområder for kommunen, valgt fra reformen.'
          : 'Skriv ett eller flere spørsmål.',
      { isSubtle: true },
    ),
  ];
  if (v.error) body.push(text(v.error, { color: 'Attention', weight: 'Bolder' }));
  body.push({
    type: 'Input.Text',
    id: 'title',
    label: 'Tittel',
    isRequired: true,
    errorMessage: 'Skriv en tittel.',
    maxLength: TITLE_MAX_CHARS,
    ...(p.title ? { value: p.title } : {}),
  });
  for (let i = 0; i < FORM_PROMPTS; i++) {
    body.push({
      type: 'Input.Text',
      id: promptInputId(i),
      label: i === 0 ? 'Spørsmål 1' : `Spørsmål ${i + 1} (valgfritt)`,
      maxLength: PROMPT_MAX_CHARS,
      isMultiline: true,
      ...(i === 0 ? { isRequired: true, errorMessage: 'Skriv minst ett spørsmål.' } : {}),
      ...(p.prompts[i] ? { value: p.prompts[i] } : {}),
    });
  }
  if (p.kind === 'refleksjon') {
    body.push(
      choiceSet('answerMode', 'Hvem svarer', p.answerMode, answerModes.map((m) => ({ title: answerModeLabel[m], value: m }))),
      choiceSet(
        'visibility',
        'Synlighet',
        p.visibility,
        reflectionVisibilities.map((s) => ({ title: visibilityLabel[s], value: s })),
      ),
    );
  }
  body.push(
    choiceSet('delivery', 'Send oppgaven', v.values?.delivery ?? (v.inChannel ? 'kanal' : 'personlig-chat'), [
      { title: 'Til hver deltaker i personlig chat', value: 'personlig-chat' },
      { title: v.inChannel ? 'Som ett kort i denne kanalen' : 'Som ett kort i nettverkets kanal', value: 'kanal' },
    ]),
    { type: 'Input.Date', id: 'dueDate', label: 'Frist (dato)', isRequired: true, errorMessage: 'Velg en dato.', value: v.dueDate },
    { type: 'Input.Time', id: 'dueTime', label: 'Frist (klokkeslett, norsk tid)', isRequired: true, errorMessage: 'Velg et klokkeslett.', value: v.dueTime },
  );
  if (v.planItems.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'planItemId',
      label: 'Knytt til aktivitet i planen (valgfritt)',
      ...(v.planItemId ? { value: v.planItemId } : {}),
      choices: v.planItems.map((i) => ({ title: `${i.title} (${formatOsloRange(i.startsAt, i.endsAt)})`, value: i.id })),
    });
  }
  body.push(text(`Høyst ${MAX_PROMPTS} spørsmål à ${PROMPT_MAX_CHARS} tegn; svarene kan være opptil 4 000 tegn.`, { isSubtle: true, size: 'Small' }));

  const base = { networkId: v.networkId, kind: p.kind, template: v.template };
  const actions: CardElement[] = [executeButton('Opprett og send', REFLECTION_CREATE_VERB, base, { style: 'positive' })];
  const others = templates.filter((t) => t !== v.template);
  const otherTitle: Record<TemplateName, string> = { 'seed-000': 'Bruk malen fra oppstartseminaret', tom: 'Tom oppgave', fokus: 'Velg fokusområde (gruppearbeid)' };
  for (const t of others) {
    actions.push(executeButton(otherTitle[t], REFLECTION_FORM_VERB, { networkId: v.networkId, template: t }, { associatedInputs: 'none' }));
  }
  return adaptiveCard(body, actions, 'Ny refleksjonsoppgave: fyll ut skjemaet og velg «Opprett og send».');
}
