import { pollKindLabel, pollStatusLabel, type PollStatus } from '../domain/polls.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { executeButton, heading } from '../../shared/cards/execute.js';
import { POLL_VERBS } from './poll.js';
import { formatOsloInstant } from './time.js';
import { t } from '../messages.js';
import { spoken } from './speak.js';

export interface PollListRow {
  id: string;
  question: string;
  kind: keyof typeof pollKindLabel;
  status: PollStatus;
  respondents: number;
  anonymous: boolean;
  createdAt: Date;
  isRepeat: boolean;
  /** Signature of «maling.vis» for this poll. */
  showSignature: string;
}

/** «målinger»: the network's newest polls, each with a button to its own view and results. */
export function pollListCard(networkName: string, rows: PollListRow[]): AdaptiveCard {
  const body: CardElement[] = [heading(t('list.heading', { network: networkName }))];
  if (rows.length === 0) body.push(text(t('list.empty')));
  for (const r of rows) {
    const facts = [
      pollKindLabel[r.kind],
      pollStatusLabel[r.status],
      t('answers', { count: r.respondents }),
      ...(r.anonymous ? [t('list.anonymous')] : []),
      ...(r.isRepeat ? [t('list.repeat')] : []),
      formatOsloInstant(r.createdAt),
    ];
    body.push(
      { type: 'Container', separator: true, items: [text(r.question, { weight: 'Bolder' }), text(facts.join(' · '), { isSubtle: true, size: 'Small', spacing: 'None' })] },
      { type: 'ActionSet', actions: [executeButton(t('list.show'), POLL_VERBS.show, { pollId: r.id, sig: r.showSignature })] },
    );
  }
  body.push(text(t('list.footer'), { isSubtle: true, size: 'Small' }));
  return spoken(adaptiveCard(body, [], t('list.fallback', { network: networkName, count: rows.length })));
}
