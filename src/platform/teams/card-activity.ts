import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../shared/cards/card.js';

/** A card as a message activity, its first fallback line as the notification summary. */
export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) message.summary = card.fallbackText.split('\n')[0];
  return message;
}
