import type { ReminderKind } from '../domain/reminders.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { DateTime } from 'luxon';
import { OSLO } from '../../shared/time.js';

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

/** A deadline as the «Frist» fact shows it: «torsdag 12. juni kl. 10.00» (Oslo time). */
export const formatDeadline = (d: Date): string => DateTime.fromJSDate(d, { zone: OSLO }).setLocale('nb').toFormat("cccc d. LLLL 'kl.' HH.mm");

/** Every reminder card: what, when, the link to act on, and «Ikke påminn meg om dette». */
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
  actions.push({
    type: 'Action.Execute',
    title: 'Ikke påminn meg om dette',
    verb: OPT_OUT_VERB,
    data,
    fallback: { type: 'Action.Submit', title: 'Ikke påminn meg om dette', data },
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
  return adaptiveCard(
    [
      text('Påminnelser slått av', { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(`Du får ikke flere påminnelser om «${title}».`),
      text('Skriv **stopp påminnelser** for å slå av alle påminnelser.', { isSubtle: true }),
    ],
    [
      {
        type: 'Action.Execute',
        title: 'Angre',
        verb: OPT_IN_VERB,
        data,
        fallback: { type: 'Action.Submit', title: 'Angre', data },
      },
    ],
    `Du får ikke flere påminnelser om «${title}».`,
  );
}

export function optedInCard(title: string): AdaptiveCard {
  return adaptiveCard(
    [
      text('Påminnelser slått på igjen', { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(`Du får påminnelser om «${title}» som før.`),
    ],
    [],
    `Du får påminnelser om «${title}» som før.`,
  );
}
