import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card.js';
import { conversationTypeOf, tenantIdOf } from '../../platform/teams/conversation.js';
import { cardActivity } from '../../reflections/views.js';
import type { BotTurn } from './routes.js';

/** Replies with a card in the conversation the turn is in (its first fallback line as the notification summary). */
export async function sendCard(ctx: Pick<BotTurn, 'turn'>, card: AdaptiveCard): Promise<void> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) message.summary = card.fallbackText.split('\n')[0];
  await ctx.turn.sendActivity(message);
}

/** A message (typed command or Action.Submit fallback) in a channel or group chat: everyone there sees the reply. */
export function inSharedConversation(ctx: BotTurn): boolean {
  return conversationTypeOf(ctx.turn.activity as Activity) !== 'personal';
}

/**
 * Someone's own answers and their municipality's work are not for the whole channel: in a
 * shared conversation they go to the person's 1:1 chat, with a short note where they asked.
 */
export async function replyPrivately(ctx: BotTurn, cards: AdaptiveCard[]): Promise<void> {
  if (!inSharedConversation(ctx)) {
    for (const card of cards) await sendCard(ctx, card);
    return;
  }
  const tenantId = tenantIdOf(ctx.turn.activity);
  const aadObjectId = ctx.turn.activity.from?.aadObjectId;
  let delivered = Boolean(tenantId && aadObjectId);
  for (const card of cards) {
    if (!delivered) break;
    const outcome = await ctx.deps.sender.sendToMember(tenantId!, aadObjectId!, cardActivity(card), { purpose: 'svar' });
    delivered = outcome.status === 'sent';
  }
  await ctx.turn.sendActivity(
    delivered
      ? 'Jeg har sendt det til deg i en personlig chat, siden det bare er for deg.'
      : 'Dette er bare for deg, men jeg fikk ikke sendt det i en personlig chat. Skriv til meg direkte (personlig chat med Samlingspunkt) og prøv igjen.',
  );
}
