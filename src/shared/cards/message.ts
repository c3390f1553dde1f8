import type { AdaptiveCard } from './card.js';

/**
 * What the app says in Teams, as plain data: text, a card, or both. The Teams platform turns
 * it into the SDK's activity (src/platform/teams/activity.ts), so capabilities never build one.
 */
export interface OutgoingMessage {
  text?: string;
  card?: AdaptiveCard;
  /** The notification preview (Teams shows «sent a card» without it). */
  summary?: string;
  /** Teams' channelData, as is: the in-meeting notification of a poll (src/meetings/notify.ts). */
  channelData?: Record<string, unknown>;
}

/** The longest notification preview we send; a preview is one line, the card has the rest. */
const MAX_SUMMARY = 200;

/** A card as a message, its first fallback line as the notification summary. */
export function cardMessage(card: AdaptiveCard): OutgoingMessage {
  const summary = card.fallbackText?.split('\n')[0]?.slice(0, MAX_SUMMARY);
  return { card, ...(summary ? { summary } : {}) };
}
