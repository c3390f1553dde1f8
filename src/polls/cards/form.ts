/**
 * «ny måling»: the creation form as a card, and what the facilitator sees once it is posted.
 * A refused form comes back with the reason on top and everything typed still filled in.
 */
import { POLL_LIMITS } from '../domain/polls.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { formatOsloInstant } from './time.js';

export const CREATE_POLL_VERB = 'maling.opprett';
export const REPEAT_PICK_VERB = 'maling.gjenta-valgt';

/** The form's fields as the card sends them (every value a string). */
export type PollFormValues = Partial<
  Record<
    | 'question'
    | 'kind'
    | 'options'
    | 'maxChoices'
    | 'scaleMinLabel'
    | 'scaleMaxLabel'
    | 'anonymous'
    | 'breakdown'
    | 'planItemId'
    | 'opensDate'
    | 'opensTime'
    | 'closesDate'
    | 'closesTime'
    | 'sendToAll',
    string
  >
>;

/** What an anonymous poll stores with each answer (named polls always store both). */
export const formBreakdowns = [
  { value: 'none', title: 'Ingenting (ingen fordeling)' },
  { value: 'municipality', title: 'Kommune (fordeling per kommune)' },
  { value: 'sector', title: 'Sektor (fordeling per sektor)' },
  { value: 'both', title: 'Kommune og sektor' },
] as const;

export const formKinds = [
  { value: 'enkeltvalg', title: 'Ett valg' },
  { value: 'flervalg', title: 'Flere valg' },
  { value: 'skala5', title: 'Skala 1–5' },
  { value: 'skala10', title: 'Skala 1–10' },
  { value: 'fritekst', title: 'Fritekst (korte svar, vises som ordsky)' },
] as const;

const val = (values: PollFormValues, key: keyof PollFormValues) => (values[key] ? { value: values[key] } : {});

export function pollFormCard(
  network: { id: string; name: string },
  signature: string,
  planItems: { id: string; title: string; startsAt: Date }[],
  values: PollFormValues = {},
  error?: string,
): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Ny meningsmåling – ${network.name}`),
    ...(error ? [text(error, { color: 'Attention', weight: 'Bolder' })] : []),
    {
      type: 'Input.Text',
      id: 'question',
      label: 'Spørsmål',
      isRequired: true,
      errorMessage: 'Skriv spørsmålet.',
      maxLength: POLL_LIMITS.questionChars,
      placeholder: 'Hvordan vil Leve hele livet bidra til forandring i din kommune?',
      ...val(values, 'question'),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: 'Type',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Velg type.',
      value: values.kind ?? 'enkeltvalg',
      choices: formKinds.map((k) => ({ title: k.title, value: k.value })),
    },
    {
      type: 'Input.Text',
      id: 'options',
      label: `Alternativer (ett per linje, ${POLL_LIMITS.minOptions}–${POLL_LIMITS.maxOptions}; for ett eller flere valg)`,
      isMultiline: true,
      maxLength: POLL_LIMITS.maxOptions * (POLL_LIMITS.optionChars + 1),
      placeholder: 'I stor grad\nI noen grad\nI liten grad\nVet ikke',
      ...val(values, 'options'),
    },
    {
      type: 'Input.Number',
      id: 'maxChoices',
      label: 'Flere valg: hvor mange kan velges',
      min: 1,
      max: POLL_LIMITS.maxOptions,
      placeholder: '2',
      ...(values.maxChoices ? { value: Number(values.maxChoices) } : {}),
    },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'scaleMinLabel', label: 'Skala: tekst ved 1', maxLength: POLL_LIMITS.scaleLabelChars, placeholder: 'I liten grad', ...val(values, 'scaleMinLabel') }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'scaleMaxLabel', label: 'Skala: tekst ved høyeste', maxLength: POLL_LIMITS.scaleLabelChars, placeholder: 'I stor grad', ...val(values, 'scaleMaxLabel') }] },
      ],
    },
    {
      type: 'Input.Toggle',
      id: 'anonymous',
      title: 'Anonym måling (svarene lagres uten navn; vises først når minst 5 har svart)',
      valueOn: 'true',
      valueOff: 'false',
      value: values.anonymous ?? 'false',
    },
    {
      type: 'Input.ChoiceSet',
      id: 'breakdown',
      label: 'Anonym måling: lagre også (for fordeling; grupper under 5 vises ikke)',
      style: 'compact',
      value: values.breakdown ?? 'none',
      choices: formBreakdowns.map((b) => ({ title: b.title, value: b.value })),
    },
    ...(planItems.length > 0
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'planItemId',
            label: 'Knytt til aktivitet i planen (valgfritt)',
            style: 'compact',
            placeholder: 'Ingen',
            ...val(values, 'planItemId'),
            choices: planItems.map((i) => ({ title: `${i.title} (${formatOsloInstant(i.startsAt)})`, value: i.id })),
          },
        ]
      : []),
    text('Tom dato betyr: åpne nå, og lukk når du selv lukker den. Alle tider er norsk tid.', { isSubtle: true, size: 'Small' }),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: 'opensDate', label: 'Åpner (dato)', ...val(values, 'opensDate') }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'opensTime', label: 'kl.', ...val(values, 'opensTime') }] },
      ],
    },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: 'closesDate', label: 'Lukkes (dato)', ...val(values, 'closesDate') }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'closesTime', label: 'kl.', ...val(values, 'closesTime') }] },
      ],
    },
    {
      type: 'Input.Toggle',
      id: 'sendToAll',
      title: 'Send også 1:1 til alle deltakerne i nettverket',
      valueOn: 'true',
      valueOff: 'false',
      value: values.sendToAll ?? 'false',
    },
  ];
  return adaptiveCard(
    body,
    [executeButton('Opprett og publiser her', CREATE_POLL_VERB, { networkId: network.id, sig: signature })],
    `Ny meningsmåling i ${network.name}: fyll ut skjemaet.`,
  );
}

/** «gjenta måling»: pick the before-poll; the after-poll gets the same question and options. */
export function repeatPickerCard(
  network: { id: string; name: string },
  signature: string,
  polls: { id: string; question: string; createdAt: Date; respondents: number }[],
): AdaptiveCard {
  if (polls.length === 0) {
    return adaptiveCard(
      [heading('Gjenta måling'), text('Det finnes ingen målinger å gjenta i nettverket ennå (eller alle er gjentatt allerede). Skriv «ny måling» for å lage en.')],
      [],
      'Ingen målinger å gjenta.',
    );
  }
  return adaptiveCard(
    [
      heading('Gjenta måling'),
      text('Velg førmålingen. Ettermålingen får samme spørsmål og alternativer og publiseres her; resultatene vises side om side med endringen.'),
      {
        type: 'Input.ChoiceSet',
        id: 'pollId',
        label: 'Måling',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Velg en måling.',
        value: polls[0]!.id,
        choices: polls.map((p) => ({ title: `${p.question} (${formatOsloInstant(p.createdAt)}, ${p.respondents} svar)`, value: p.id })),
      },
    ],
    [executeButton('Opprett ettermåling', REPEAT_PICK_VERB, { networkId: network.id, sig: signature })],
    'Gjenta måling: velg førmålingen.',
  );
}
