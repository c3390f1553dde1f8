import type { AdaptiveCard } from '../cards/card.js';
import { cardMessage } from '../cards/message.js';
import type { BotTurn } from './routes.js';
import { t } from '../messages.js';

/** Replies with a card in the conversation the turn is in. */
export async function sendCard(ctx: Pick<BotTurn, 'turn'>, card: AdaptiveCard): Promise<void> {
  await ctx.turn.reply(cardMessage(card));
}

/** A message (typed command or Action.Submit fallback) in a channel or group chat: everyone there sees the reply. */
export function inSharedConversation(ctx: Pick<BotTurn, 'turn'>): boolean {
  return ctx.turn.activity.conversation.type !== 'personal';
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
  const { tenantId } = ctx.turn.activity.conversation;
  const { aadObjectId } = ctx.turn.activity.from;
  let delivered = Boolean(tenantId && aadObjectId);
  for (const card of cards) {
    if (!delivered) break;
    const outcome = await ctx.deps.sender.sendToMember(tenantId!, aadObjectId!, cardMessage(card), { purpose: 'svar' });
    delivered = outcome.status === 'sent';
  }
  await ctx.turn.reply(
    delivered
      ? t('reply.sentPrivately')
      : t('reply.notSentPrivately'),
  );
}
