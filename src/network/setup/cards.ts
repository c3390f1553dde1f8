import { adaptiveCard, commandButton, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import type { NewNetworkResponse } from './contract.js';
import { municipalityTitles, type SetupOptions } from './options.js';
import { MAX_NAME } from './input.js';
import { t } from './messages.js';

export const SETUP_VERB = 'nettverk.opprett';
export const SHOW_SETUP_VERB = 'nettverk.oppsett';

/** What the person had filled in, so a refused card comes back with their answers in it. */
export interface SetupValues {
  name?: string;
  region?: string;
  reform?: string;
  bodies?: string[];
  counties?: string[];
  municipalities?: string[];
}

const withCard = (card: AdaptiveCard, speak: string): AdaptiveCard => ({ ...card, speak }) as AdaptiveCard;

const joined = (v: string[] | undefined) => (v && v.length > 0 ? { value: v.join(',') } : {});

/**
 * The set-up form as a card, in one step: whole counties and single municipalities are both
 * multi-selects and the network gets their union, so «all of Agder but two» is a county plus
 * a trim in the tab later, and «five from Agder» is five picks. A card cannot pre-select
 * municipalities when a region is chosen (it has no client logic); the tab's form does.
 */
export function setupCard(options: SetupOptions, values: SetupValues = {}, error?: string): AdaptiveCard {
  const titles = municipalityTitles(options);
  const body: CardElement[] = [
    text(t('card.title'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    ...(error ? [text(error, { color: 'Attention', weight: 'Bolder' })] : []),
    text(t('card.intro')),
    {
      type: 'Input.Text',
      id: 'name',
      label: t('field.name'),
      isRequired: true,
      errorMessage: t('input.nameMissing'),
      placeholder: t('card.namePlaceholder'),
      maxLength: MAX_NAME,
      ...(values.name ? { value: values.name } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'region',
      label: t('field.region'),
      isRequired: true,
      errorMessage: t('input.regionUnknown'),
      placeholder: t('card.regionPlaceholder'),
      choices: options.regions.map((r) => ({ title: r.office, value: r.slug })),
      ...(values.region ? { value: values.region } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'reform',
      label: t('field.reform'),
      isRequired: true,
      errorMessage: t('input.reformUnknown'),
      placeholder: t('card.reformPlaceholder'),
      choices: options.reforms.map((r) => ({ title: r.name, value: r.code })),
      ...(values.reform ? { value: values.reform } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'bodies',
      label: t('field.bodies'),
      isMultiSelect: true,
      style: 'expanded',
      isRequired: true,
      errorMessage: t('input.bodiesMissing'),
      choices: options.bodies.map((b) => ({ title: b.name, value: b.code })),
      ...joined(values.bodies),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'counties',
      label: t('field.counties'),
      isMultiSelect: true,
      choices: options.counties.map((c) => ({ title: c.name, value: c.number })),
      ...joined(values.counties),
    },
    text(t('card.countiesHint'), { isSubtle: true, size: 'Small', spacing: 'None' }),
    {
      type: 'Input.ChoiceSet',
      id: 'municipalities',
      label: t('field.municipalities'),
      isMultiSelect: true,
      placeholder: t('card.municipalitiesPlaceholder'),
      choices: options.municipalities.map((m) => ({ title: titles.get(m.number) ?? m.name, value: m.number })),
      ...joined(values.municipalities),
    },
  ];
  const data = { verb: SETUP_VERB };
  const card = adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: t('card.submit'),
        verb: SETUP_VERB,
        data,
        style: 'positive',
        // Older clients without Action.Execute send the same data as a message.
        fallback: { type: 'Action.Submit', title: t('card.submit'), data },
      },
    ],
    error ? `${error} ${t('card.fallback')}` : t('card.fallback'),
  );
  return withCard(card, error ? `${error} ${t('card.fallback')}` : t('card.fallback'));
}

export function createdCard(created: NewNetworkResponse): AdaptiveCard {
  const vars = { name: created.name, region: created.regionName, reform: created.reformName, count: created.municipalityCount };
  const card = adaptiveCard(
    [
      text(t('card.createdTitle', vars), { size: 'Medium', weight: 'Bolder', style: 'heading', color: 'Good' }),
      text(created.teamBound ? t('card.createdBody', vars) : t('card.createdNoTeam', vars)),
      text(t('card.nextTitle'), { weight: 'Bolder' }),
      text(`1. ${t('card.nextPlan')}\n2. ${t('card.nextTab')}`),
    ],
    [commandButton(t('card.showPlan'), 'plan')],
    t('card.createdFallback', vars),
  );
  return withCard(card, t('card.createdFallback', vars));
}

/** The person may not set up networks: why, and whom to ask. */
export function notAllowedCard(message: string): AdaptiveCard {
  const card = adaptiveCard(
    [
      text(t('card.refusedTitle'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(t('card.notAllowedFallback')),
      text(message),
    ],
    [],
    `${t('card.notAllowedFallback')} ${message}`,
  );
  return withCard(card, `${t('card.notAllowedFallback')} ${message}`);
}

/** `plan` (or any network command) where there is no network: how to get one, and the form for who may. */
export function noNetworkCard(offerSetup: boolean): AdaptiveCard {
  const card = adaptiveCard(
    [
      text(t('noNetwork.title'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(t('noNetwork.body')),
      text(t('noNetwork.stepsTitle'), { weight: 'Bolder' }),
      text(`1. ${t('noNetwork.step1')}\n2. ${t('noNetwork.step2')}\n3. ${t('noNetwork.step3')}`),
    ],
    offerSetup
      ? [
          {
            type: 'Action.Execute',
            title: t('noNetwork.setUp'),
            verb: SHOW_SETUP_VERB,
            data: { verb: SHOW_SETUP_VERB },
            fallback: { type: 'Action.Submit', title: t('noNetwork.setUp'), data: { verb: SHOW_SETUP_VERB } },
          },
        ]
      : [],
    t('noNetwork.fallback'),
  );
  return withCard(card, t('noNetwork.fallback'));
}
