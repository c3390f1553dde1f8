import type { ApiError } from '../result.js';
import { t } from '../messages.js';
import { adaptiveCard, text, type AdaptiveCard } from './card.js';

/** A short card: a heading and one paragraph. Used for confirmations and refusals alike. */
export function messageCard(title: string, body: string, tone: 'default' | 'attention' = 'default'): AdaptiveCard {
  return adaptiveCard(
    [
      text(title, { size: 'Medium', weight: 'Bolder', style: 'heading', ...(tone === 'attention' ? { color: 'Attention' } : {}) }),
      text(body),
    ],
    [],
    `${title}: ${body}`,
  );
}


/**
 * The one place an expected failure becomes a card (the HTTP side has sendResult). A caller may
 * name what failed («Svaret ble ikke lagret»); otherwise the heading follows the reason code.
 */
export function refusalCard(error: ApiError, title?: string): AdaptiveCard {
  return messageCard(title ?? t(`refusal.${error.code}`), error.message, 'attention');
}
