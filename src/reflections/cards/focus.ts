import { focusText, phaseLabel, type MunicipalityStanding } from '../../focus/domain/focus.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { REFLECTION_OPEN_VERB } from './reflection.js';

const dateText = (iso: string) => iso.split('-').reverse().join('.');

/** «fokusområde»: phase and chosen focus areas per municipality, and an open focus task if any. */
export function focusCard(standings: MunicipalityStanding[], openTask: { id: string; title: string } | null): AdaptiveCard {
  const body: CardElement[] = [heading('Fokusområder og fase')];
  const lines: string[] = [];
  for (const m of standings) {
    const phase = m.phase ? `Fase ${m.phase}: ${phaseLabel[m.phase]}` : 'Fase ikke satt';
    const items: CardElement[] = [
      text(m.name, { weight: 'Bolder' }),
      text(phase, { isSubtle: true, spacing: 'None' }),
    ];
    if (m.focus.length === 0) items.push(text('Ingen fokusområder valgt ennå.', { spacing: 'Small' }));
    for (const f of m.focus) items.push(text(`• ${focusText(f)} (valgt ${dateText(f.chosenOn)})`, { spacing: 'Small' }));
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
    lines.push(`${m.name}: ${phase}; ${m.focus.map(focusText).join('; ') || 'ingen fokusområder'}`);
  }
  const actions = openTask ? [executeButton(`Velg fokusområde: ${openTask.title}`.slice(0, 60), REFLECTION_OPEN_VERB, { taskId: openTask.id })] : [];
  return adaptiveCard(body, actions, `Fokusområder og fase\n${lines.join('\n')}`);
}
