/**
 * «ny måling»: the creation form as a card, and what the facilitator sees once it is posted.
 * A refused form comes back with the reason on top and everything typed still filled in.
 */
import { POLL_LIMITS } from '../domain/polls.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { formatOsloInstant } from './time.js';
import { t } from '../messages.js';
import { spoken } from './speak.js';

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
export const formBreakdowns = ['none', 'municipality', 'sector', 'both'] as const;

/** The form's types: a scale is picked with its length. */
export const formKinds = ['enkeltvalg', 'flervalg', 'skala5', 'skala10', 'fritekst'] as const;

const val = (values: PollFormValues, key: keyof PollFormValues) => (values[key] ? { value: values[key] } : {});

export function pollFormCard(
  network: { id: string; name: string },
  signature: string,
  planItems: { id: string; title: string; startsAt: Date }[],
  values: PollFormValues = {},
  error?: string,
): AdaptiveCard {
  const body: CardElement[] = [
    heading(t('form.heading', { network: network.name })),
    ...(error ? [text(error, { color: 'Attention', weight: 'Bolder' })] : []),
    {
      type: 'Input.Text',
      id: 'question',
      label: t('form.question'),
      isRequired: true,
      errorMessage: t('form.questionError'),
      maxLength: POLL_LIMITS.questionChars,
      placeholder: t('form.questionPlaceholder'),
      ...val(values, 'question'),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: t('form.kind'),
      style: 'compact',
      isRequired: true,
      errorMessage: t('form.kindError'),
      value: values.kind ?? 'enkeltvalg',
      choices: formKinds.map((k) => ({ title: t(`form.kinds.${k}`), value: k })),
    },
    {
      type: 'Input.Text',
      id: 'options',
      label: t('form.options', { min: POLL_LIMITS.minOptions, max: POLL_LIMITS.maxOptions }),
      isMultiline: true,
      maxLength: POLL_LIMITS.maxOptions * (POLL_LIMITS.optionChars + 1),
      placeholder: t('form.optionsPlaceholder'),
      ...val(values, 'options'),
    },
    {
      type: 'Input.Number',
      id: 'maxChoices',
      label: t('form.maxChoices'),
      min: 1,
      max: POLL_LIMITS.maxOptions,
      placeholder: '2',
      ...(values.maxChoices ? { value: Number(values.maxChoices) } : {}),
    },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'scaleMinLabel', label: t('form.scaleMinLabel'), maxLength: POLL_LIMITS.scaleLabelChars, placeholder: t('form.scaleMinPlaceholder'), ...val(values, 'scaleMinLabel') }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'scaleMaxLabel', label: t('form.scaleMaxLabel'), maxLength: POLL_LIMITS.scaleLabelChars, placeholder: t('form.scaleMaxPlaceholder'), ...val(values, 'scaleMaxLabel') }] },
      ],
    },
    {
      type: 'Input.Toggle',
      id: 'anonymous',
      title: t('form.anonymous', { min: POLL_LIMITS.minGroupSize }),
      label: t('form.anonymousLabel'),
      valueOn: 'true',
      valueOff: 'false',
      value: values.anonymous ?? 'false',
    },
    {
      type: 'Input.ChoiceSet',
      id: 'breakdown',
      label: t('form.breakdown', { min: POLL_LIMITS.minGroupSize }),
      style: 'compact',
      value: values.breakdown ?? 'none',
      choices: formBreakdowns.map((b) => ({ title: t(`form.breakdowns.${b}`), value: b })),
    },
    ...(planItems.length > 0
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'planItemId',
            label: t('form.planItem'),
            style: 'compact',
            placeholder: t('form.planItemNone'),
            ...val(values, 'planItemId'),
            choices: planItems.map((i) => ({ title: t('form.planItemChoice', { title: i.title, when: formatOsloInstant(i.startsAt) }), value: i.id })),
          },
        ]
      : []),
    text(t('form.timesNote'), { isSubtle: true, size: 'Small' }),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: 'opensDate', label: t('form.opensDate'), ...val(values, 'opensDate') }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'opensTime', label: t('form.opensTime'), ...val(values, 'opensTime') }] },
      ],
    },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: 'closesDate', label: t('form.closesDate'), ...val(values, 'closesDate') }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'closesTime', label: t('form.closesTime'), ...val(values, 'closesTime') }] },
      ],
    },
    {
      type: 'Input.Toggle',
      id: 'sendToAll',
      title: t('form.sendToAll'),
      label: t('form.sendToAllLabel'),
      valueOn: 'true',
      valueOff: 'false',
      value: values.sendToAll ?? 'false',
    },
  ];
  return spoken(adaptiveCard(
    body,
    [executeButton(t('form.submit'), CREATE_POLL_VERB, { networkId: network.id, sig: signature })],
    t('form.fallback', { network: network.name }),
  ));
}

/** «gjenta måling»: pick the before-poll; the after-poll gets the same question and options. */
export function repeatPickerCard(
  network: { id: string; name: string },
  signature: string,
  polls: { id: string; question: string; createdAt: Date; respondents: number }[],
): AdaptiveCard {
  if (polls.length === 0) {
    return spoken(adaptiveCard(
      [heading(t('repeatForm.heading')), text(t('repeatForm.none'))],
      [],
      t('repeatForm.noneFallback'),
    ));
  }
  return spoken(adaptiveCard(
    [
      heading(t('repeatForm.heading')),
      text(t('repeatForm.intro')),
      {
        type: 'Input.ChoiceSet',
        id: 'pollId',
        label: t('repeatForm.poll'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t('repeatForm.pollError'),
        value: polls[0]!.id,
        choices: polls.map((p) => ({ title: t('repeatForm.choice', { question: p.question, when: formatOsloInstant(p.createdAt), answers: t('answers', { count: p.respondents }) }), value: p.id })),
      },
    ],
    [executeButton(t('repeatForm.submit'), REPEAT_PICK_VERB, { networkId: network.id, sig: signature })],
    t('repeatForm.fallback'),
  ));
}
