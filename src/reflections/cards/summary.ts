import { formatDue } from '../../shared/due.js';
import type { ReflectionSummary } from '../domain/summary.js';
import { visibilityLabel } from '../domain/reflections.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { clip, executeButton, heading } from '../../shared/cards/execute.js';
import { t } from '../messages.js';

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
    heading(t('summaryCard.heading', { title: s.title })),
    text(
      [t('summaryCard.due', { due: formatDue(s.dueAt) }), visibilityLabel[s.visibility], s.answerCount === null ? null : t('summaryCard.answers', { count: s.answerCount })]
        .filter(Boolean)
        .join(' · '),
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  const lines: string[] = [];
  if (s.hiddenReason) {
    body.push(text(s.hiddenReason, { weight: 'Bolder' }));
  } else if (s.answerCount === 0) {
    body.push(text(t('summaryCard.none')));
  } else {
    let shown = 0;
    if (s.focus.length > 0) {
      body.push(text(t('summaryCard.focus'), { weight: 'Bolder', spacing: 'Medium' }));
      body.push({ type: 'FactSet', facts: s.focus.map((f) => ({ title: f.municipalityName, value: f.picks.join('; ') })) });
      lines.push(...s.focus.map((f) => `${f.municipalityName}: ${f.picks.join('; ')}`));
    }
    for (const p of s.prompts) {
      body.push(text(p.prompt, { weight: 'Bolder', spacing: 'Medium', size: 'Medium' }));
      if (p.groups.length === 0) body.push(text(t('summaryCard.noAnswers'), { isSubtle: true }));
      for (const g of p.groups) {
        const items: CardElement[] = [];
        if (g.municipalityName) items.push(text(g.municipalityName, { weight: 'Bolder' }));
        for (const e of g.entries) {
          if (shown >= MAX_ENTRIES) break;
          shown++;
          const who = e.version
            ? e.authorName
              ? t('summaryCard.versionBy', { version: e.version, author: e.authorName })
              : t('summaryCard.version', { version: e.version })
            : e.authorName;
          items.push(text(who ? `**${who}:** ${clip(e.text, MAX_ENTRY_CHARS)}` : `• ${clip(e.text, MAX_ENTRY_CHARS)}`, { spacing: 'Small' }));
          lines.push(`${p.prompt} – ${who ?? t('summaryCard.anonymous')}: ${clip(e.text, 120)}`);
        }
        body.push({ type: 'Container', style: 'emphasis', bleed: false, items });
      }
    }
    if (shown >= MAX_ENTRIES) body.push(text(t('summaryCard.more'), { isSubtle: true }));
  }
  const actions: CardElement[] = [];
  if (extras.canSend) actions.push(executeButton(t('summaryCard.send'), REFLECTION_SEND_VERB, { taskId: s.taskId }));
  for (const o of extras.others.slice(0, 4)) {
    const title = o.title.length > 40 ? `${o.title.slice(0, 39)}…` : o.title;
    actions.push(executeButton(title, REFLECTION_SUMMARY_VERB, { taskId: o.id }));
  }
  const fallback = s.hiddenReason ?? (lines.length ? lines.join('\n') : t('summaryCard.none'));
  return adaptiveCard(body, actions, `${t('summaryCard.heading', { title: s.title })}\n${fallback}`);
}
