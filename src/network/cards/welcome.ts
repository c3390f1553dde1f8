import { adaptiveCard, commandButton, text, type AdaptiveCard } from '../../shared/cards/card.js';

export interface CommandHelp {
  command: string;
  description: string;
}

export function welcomeCard(networkName: string | undefined): AdaptiveCard {
  return adaptiveCard(
    [
      text('Velkommen til Samlingspunkt', { size: 'Large', weight: 'Bolder', style: 'heading' }),
      text(
        networkName
          ? `Jeg er assistenten for **${networkName}**. Her får dere målinger, refleksjonsoppgaver og påminnelser rundt samlingene, og aktivitetsplanen er alltid ett ord unna.`
          : 'Jeg er assistenten for læringsnettverkene i Leve hele livet og Bo trygt hjemme. Her får dere målinger, refleksjonsoppgaver og påminnelser rundt samlingene.',
      ),
      text('Skriv **plan** for å se aktivitetsplanen, eller **hjelp** for alt jeg kan.', { isSubtle: true }),
    ],
    [commandButton('Vis aktivitetsplanen', 'plan'), commandButton('Hjelp', 'hjelp')],
    'Velkommen til Samlingspunkt. Skriv «plan» for aktivitetsplanen eller «hjelp» for hjelp.',
  );
}

export function helpCard(commands: CommandHelp[], unknownInput?: string): AdaptiveCard {
  const intro = unknownInput
    ? text(`Jeg forsto ikke «${unknownInput.slice(0, 80)}». Dette kan jeg hjelpe med:`)
    : text('Dette kan jeg hjelpe med:');
  return adaptiveCard(
    [
      text('Samlingspunkt – hjelp', { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      intro,
      {
        type: 'FactSet',
        facts: commands.map((c) => ({ title: c.command, value: c.description })),
      },
    ],
    [commandButton('Vis aktivitetsplanen', 'plan')],
    `Kommandoer: ${commands.map((c) => c.command).join(', ')}`,
  );
}
