import { focusText, phaseLabel, type MunicipalityStanding } from '../../focus/domain/focus.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { formatShortDate } from '../../platform/i18n/format.js';
import { osloInstant } from '../../shared/time.js';
import { REFLECTION_OPEN_VERB } from './reflection.js';
import { t } from '../messages.js';

/** A chosen-on date (yyyy-MM-dd) as the reader writes it: «20. nov.», «20 Nov». */
const dateText = (iso: string) => formatShortDate(osloInstant(iso, '12:00'));

/**
 * «fokusområde»: phase and chosen focus areas per municipality, and an open focus task if any.
 * The names of focus areas and solutions are the reform's own (bokmål); the rest is the reader's language.
 */
export function focusCard(standings: MunicipalityStanding[], openTask: { id: string; title: string } | null): AdaptiveCard {
  const title = t('focusCard.heading');
  const body: CardElement[] = [heading(title)];
  const lines: string[] = [];
  for (const m of standings) {
    const phase = m.phase ? t('focusCard.phase', { phase: m.phase, label: phaseLabel[m.phase] }) : t('focusCard.phaseNotSet');
    const items: CardElement[] = [
      text(m.name, { weight: 'Bolder' }),
      text(phase, { isSubtle: true, spacing: 'None' }),
    ];
    if (m.focus.length === 0) items.push(text(t('focusCard.none'), { spacing: 'Small' }));
    for (const f of m.focus) items.push(text(t('focusCard.item', { focus: focusText(f), date: dateText(f.chosenOn) }), { spacing: 'Small' }));
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
    lines.push(`${m.name}: ${phase}; ${m.focus.map(focusText).join('; ') || t('focusCard.noneShort')}`);
  }
  const actions = openTask ? [executeButton(t('focusCard.choose', { title: openTask.title }).slice(0, 60), REFLECTION_OPEN_VERB, { taskId: openTask.id })] : [];
  return adaptiveCard(body, actions, `${title}\n${lines.join('\n')}`);
}
