import { sectorLabel } from '../../shared/labels.js';
import { sectors } from '../../shared/types.js';
import { adaptiveCard, text, type AdaptiveCard } from '../../shared/cards/card.js';
import { t } from '../messages.js';

export const REGISTER_VERB = 'registrer';

export function onboardingCard(
  network: { id: string; name: string },
  municipalities: { number: string; name: string }[],
  error?: string,
): AdaptiveCard {
  const data = { verb: REGISTER_VERB, networkId: network.id };
  const fallback = error ? `${error} ${t('onboarding.fallback', { network: network.name })}` : t('onboarding.fallback', { network: network.name });
  const card = adaptiveCard(
    [
      text(t('onboarding.title', { network: network.name }), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      ...(error ? [text(error, { color: 'Attention', weight: 'Bolder' })] : []),
      text(t('onboarding.intro')),
      {
        type: 'Input.ChoiceSet',
        id: 'municipalityNumber',
        label: t('onboarding.municipality'),
        isRequired: true,
        errorMessage: t('onboarding.municipalityError'),
        placeholder: t('onboarding.municipalityPlaceholder'),
        choices: municipalities.map((m) => ({ title: m.name, value: m.number })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'sector',
        label: t('onboarding.sector'),
        isRequired: true,
        errorMessage: t('onboarding.sectorError'),
        placeholder: t('onboarding.sectorPlaceholder'),
        choices: sectors.map((s) => ({ title: sectorLabel[s], value: s })),
      },
    ],
    [
      {
        type: 'Action.Execute',
        title: t('onboarding.submit'),
        verb: REGISTER_VERB,
        data,
        // Older clients without Action.Execute send the same data as a message.
        fallback: { type: 'Action.Submit', title: t('onboarding.submit'), data },
      },
    ],
    fallback,
  );
  return { ...card, speak: fallback } as AdaptiveCard;
}

export function registeredCard(networkName: string, municipalityName: string, sector: string): AdaptiveCard {
  const fallback = t('onboarding.registeredFallback', { network: networkName, municipality: municipalityName });
  const card = adaptiveCard(
    [
      text(t('onboarding.registeredTitle'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(t('onboarding.registeredBody', { network: networkName, municipality: municipalityName, sector })),
      text(t('onboarding.registeredHint'), { isSubtle: true }),
    ],
    [],
    fallback,
  );
  return { ...card, speak: fallback } as AdaptiveCard;
}
