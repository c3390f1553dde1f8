import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { OutgoingMessage } from '../../shared/cards/message.js';

/** The one place an outgoing message becomes a Bot Framework activity (replies and proactive sends alike). */
export function activityOf(message: OutgoingMessage): Partial<Activity> {
  const activity = message.card
    ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), message.text)
    : MessageFactory.text(message.text ?? '');
  if (message.summary) activity.summary = message.summary;
  if (message.channelData) activity.channelData = message.channelData;
  return activity;
}
