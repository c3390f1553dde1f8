import { adaptiveCard, commandButton, text, type AdaptiveCard } from '../../shared/cards/card.js';
import { t } from '../messages.js';

export interface CommandHelp {
  command: string;
  description: string;
}

/** Built in the reader's language: the person who added the bot (the turn's scope). */
export function welcomeCard(networkName: string | undefined): AdaptiveCard {
  const card = adaptiveCard(
    [
      text(t('welcome.title'), { size: 'Large', weight: 'Bolder', style: 'heading' }),
      text(networkName ? t('welcome.introNetwork', { network: networkName }) : t('welcome.introGeneral')),
      text(t('welcome.hint'), { isSubtle: true }),
    ],
    [commandButton(t('welcome.showPlan'), 'plan'), commandButton(t('welcome.help'), t('welcome.helpCommand'))],
    t('welcome.fallback'),
  );
  return { ...card, speak: t('welcome.fallback') } as AdaptiveCard;
}

export function helpCard(commands: CommandHelp[], unknownInput?: string): AdaptiveCard {
  const input = unknownInput?.slice(0, 80);
  const intro = input ? text(t('help.notUnderstood', { input })) : text(t('help.intro'));
  const list = commands.map((c) => c.command).join(', ');
  const fallback = input ? t('help.fallbackNotUnderstood', { input, commands: list }) : t('help.fallback', { commands: list });
  const card = adaptiveCard(
    [
      text(t('help.title'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      intro,
      {
        type: 'FactSet',
        facts: commands.map((c) => ({ title: c.command, value: c.description })),
      },
    ],
    [commandButton(t('welcome.showPlan'), 'plan')],
    fallback,
  );
  return { ...card, speak: fallback } as AdaptiveCard;
}
