import type { ReminderKind } from '../domain/reminders.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { formatDateLong, formatTime } from '../../platform/i18n/format.js';
import { t } from '../messages.js';

export const OPT_OUT_VERB = 'paminnelse-av';
export const OPT_IN_VERB = 'paminnelse-pa';

export interface ReminderCardInput {
  /** «Påminnelse: samling i morgen kl. 10.00» */
  heading: string;
  title: string;
  facts: { title: string; value: string }[];
  body?: string | null;
  link?: { title: string; url: string } | null;
  optOut: { kind: ReminderKind; subjectId: string; reminderId: string };
}

/** A deadline as the «Frist» fact shows it: «torsdag 12. juni kl. 10.00», «Thursday 12 June, 10:00» (Oslo time, the reader's language). */
export const formatDeadline = (d: Date): string => t('card.deadline', { date: formatDateLong(d), time: formatTime(d) });

/**
 * Every reminder card: what, when, the link to act on, and «Ikke påminn meg om dette». Built in
 * the current scope's language: the engine builds each recipient's card inside inLocale.
 */
export function reminderCard(input: ReminderCardInput): AdaptiveCard {
  const body: CardElement[] = [
    text(input.heading, { isSubtle: true, weight: 'Bolder', spacing: 'None' }),
    text(input.title, { size: 'Large', weight: 'Bolder', style: 'heading', spacing: 'Small' }),
  ];
  if (input.facts.length > 0) body.push({ type: 'FactSet', facts: input.facts });
  if (input.body) body.push(text(input.body));
  const actions: CardElement[] = [];
  if (input.link) actions.push({ type: 'Action.OpenUrl', title: input.link.title, url: input.link.url, style: 'positive' });
  const data = { verb: OPT_OUT_VERB, ...input.optOut };
  const optOut = t('card.optOut');
  actions.push({
    type: 'Action.Execute',
    title: optOut,
    verb: OPT_OUT_VERB,
    data,
    fallback: { type: 'Action.Submit', title: optOut, data },
  });
  const fallbackText = [
    `${input.heading}: ${input.title}`,
    ...input.facts.map((f) => `${f.title}: ${f.value}`),
    ...(input.link ? [`${input.link.title}: ${input.link.url}`] : []),
  ].join('\n');
  return adaptiveCard(body, actions, fallbackText);
}

/** What the card turns into after «Ikke påminn meg om dette», with a way back. */
export function optedOutCard(title: string, optOut: { kind: ReminderKind; subjectId: string }): AdaptiveCard {
  const data = { verb: OPT_IN_VERB, ...optOut };
  const body = t('card.optedOutBody', { title });
  const undo = t('card.undo');
  return adaptiveCard(
    [
      text(t('card.optedOutTitle'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(body),
      text(t('card.optedOutHint'), { isSubtle: true }),
    ],
    [
      {
        type: 'Action.Execute',
        title: undo,
        verb: OPT_IN_VERB,
        data,
        fallback: { type: 'Action.Submit', title: undo, data },
      },
    ],
    `${t('card.optedOutTitle')}: ${body}`,
  );
}

export function optedInCard(title: string): AdaptiveCard {
  const body = t('card.optedInBody', { title });
  return adaptiveCard([text(t('card.optedInTitle'), { size: 'Medium', weight: 'Bolder', style: 'heading' }), text(body)], [], `${t('card.optedInTitle')}: ${body}`);
}
