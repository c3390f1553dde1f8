import type { AdaptiveCard } from '../../shared/cards/card.js';

/**
 * What a screen reader or a voice client says for the card: its fallback text (already in the
 * reader's language). The shared card builder sets only fallbackText; polls add `speak` here.
 */
export function spoken(card: AdaptiveCard): AdaptiveCard {
  const text = (card as { fallbackText?: unknown }).fallbackText;
  return typeof text === 'string' && text !== '' ? ({ ...card, speak: text } as AdaptiveCard) : card;
}
