import { sectorLabel } from '../../shared/labels.js';
import { sectors } from '../../shared/types.js';
import { adaptiveCard, text, type AdaptiveCard } from '../../shared/cards/card.js';

export const REGISTER_VERB = 'registrer';

export function onboardingCard(
  network: { id: string; name: string },
  municipalities: { number: string; name: string }[],
  error?: string,
): AdaptiveCard {
  const data = { verb: REGISTER_VERB, networkId: network.id };
  return adaptiveCard(
    [
      text(`Velkommen til ${network.name}!`, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      ...(error ? [text(error, { color: 'Attention', weight: 'Bolder' })] : []),
      text('Før du svarer på målinger og oppgaver, trenger jeg å vite hvilken kommune du representerer og hvilken sektor du jobber i.'),
      {
        type: 'Input.ChoiceSet',
        id: 'municipalityNumber',
        label: 'Kommune',
        isRequired: true,
        errorMessage: 'Velg kommunen din.',
        placeholder: 'Velg kommune',
        choices: municipalities.map((m) => ({ title: m.name, value: m.number })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'sector',
        label: 'Sektor',
        isRequired: true,
        errorMessage: 'Velg sektoren du jobber i.',
        placeholder: 'Velg sektor',
        choices: sectors.map((s) => ({ title: sectorLabel[s], value: s })),
      },
    ],
    [
      {
        type: 'Action.Execute',
        title: 'Registrer meg',
        verb: REGISTER_VERB,
        data,
        // Older clients without Action.Execute send the same data as a message.
        fallback: { type: 'Action.Submit', title: 'Registrer meg', data },
      },
    ],
    `Velkommen til ${network.name}! Velg kommune og sektor for å registrere deg.`,
  );
}

export function registeredCard(networkName: string, municipalityName: string, sector: string): AdaptiveCard {
  return adaptiveCard(
    [
      text('Du er registrert', { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(`Du deltar i **${networkName}** for **${municipalityName}** (${sector}).`),
      text('Skriv **plan** for å se aktivitetsplanen.', { isSubtle: true }),
    ],
    [],
    `Du er registrert i ${networkName} for ${municipalityName}.`,
  );
}
