import { formatDue } from '../../shared/due.js';
import type { ReflectionSummary } from '../domain/summary.js';
import { visibilityLabel } from '../domain/reflections.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { clip, executeButton, heading } from '../../shared/cards/execute.js';

export const REFLECTION_SUMMARY_VERB = 'refleksjon.deling';
export const REFLECTION_SEND_VERB = 'refleksjon.send';

// Keeps the card well under Teams' size limit; the tab shows everything.
const MAX_ENTRY_CHARS = 400;
const MAX_ENTRIES = 30;

export interface SummaryCardExtras {
  /** Other tasks to switch to (title, id). */
  others: { id: string; title: string }[];
  /** A facilitator sees «send» for a task nobody has received yet. */
  canSend: boolean;
}

export function reflectionSummaryCard(s: ReflectionSummary, extras: SummaryCardExtras): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Deling av refleksjoner: ${s.title}`),
    text(
      [`Frist ${formatDue(s.dueAt)}`, visibilityLabel[s.visibility], s.answerCount === null ? null : `${s.answerCount} svar`]
        .filter(Boolean)
        .join(' · '),
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  const lines: string[] = [];
  if (s.hiddenReason) {
    body.push(text(s.hiddenReason, { weight: 'Bolder' }));
  } else if (s.answerCount === 0) {
    body.push(text('Ingen har svart ennå.'));
  } else {
    let shown = 0;
    if (s.focus.length > 0) {
      body.push(text('Valgte fokusområder', { weight: 'Bolder', spacing: 'Medium' }));
      body.push({ type: 'FactSet', facts: s.focus.map((f) => ({ title: f.municipalityName, value: f.picks.join('; ') })) });
      lines.push(...s.focus.map((f) => `${f.municipalityName}: ${f.picks.join('; ')}`));
    }
    for (const p of s.prompts) {
      body.push(text(p.prompt, { weight: 'Bolder', spacing: 'Medium', size: 'Medium' }));
      if (p.groups.length === 0) body.push(text('Ingen svar på dette spørsmålet.', { isSubtle: true }));
      for (const g of p.groups) {
        const items: CardElement[] = [];
        if (g.municipalityName) items.push(text(g.municipalityName, { weight: 'Bolder' }));
        for (const e of g.entries) {
          if (shown >= MAX_ENTRIES) break;
          shown++;
          const who = e.version
            ? `Versjon ${e.version}${e.authorName ? `, ${e.authorName}` : ''}`
            : e.authorName;
          items.push(text(who ? `**${who}:** ${clip(e.text, MAX_ENTRY_CHARS)}` : `• ${clip(e.text, MAX_ENTRY_CHARS)}`, { spacing: 'Small' }));
          lines.push(`${p.prompt} – ${who ?? 'anonymt'}: ${clip(e.text, 120)}`);
        }
        body.push({ type: 'Container', style: 'emphasis', bleed: false, items });
      }
    }
    if (shown >= MAX_ENTRIES) body.push(text('Flere svar finnes – se alle i fanen.', { isSubtle: true }));
  }
  const actions: CardElement[] = [];
  if (extras.canSend) actions.push(executeButton('Send til deltakerne', REFLECTION_SEND_VERB, { taskId: s.taskId }));
  for (const o of extras.others.slice(0, 4)) {
    const title = o.title.length > 40 ? `${o.title.slice(0, 39)}…` : o.title;
    actions.push(executeButton(title, REFLECTION_SUMMARY_VERB, { taskId: o.id }));
  }
  const fallback = s.hiddenReason ?? (lines.length ? lines.join('\n') : 'Ingen har svart ennå.');
  return adaptiveCard(body, actions, `Deling av refleksjoner: ${s.title}\n${fallback}`);
}
