import { TurnContext, type Activity } from 'botbuilder';
import type { StoredConversation } from '../../shared/sql/conversations.js';

type ConversationType = StoredConversation['conversationType'];

export function conversationTypeOf(activity: Activity): ConversationType {
  const t = activity.conversation?.conversationType;
  if (t === 'channel' || t === 'groupChat' || t === 'personal') return t;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

export function tenantIdOf(activity: Activity): string | null {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? null;
}

export function teamIdOf(activity: Activity): string | null {
  const channelData = activity.channelData as { team?: { id?: string } } | undefined;
  return channelData?.team?.id ?? null;
}

export function storedConversationOf(activity: Activity): StoredConversation {
  const type = conversationTypeOf(activity);
  return {
    conversationId: activity.conversation.id,
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    tenantId: tenantIdOf(activity),
    conversationType: type,
    teamId: teamIdOf(activity),
    botId: activity.recipient.id,
    userAadObjectId: type === 'personal' ? (activity.from?.aadObjectId ?? null) : null,
    reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
  };
}

/** Removes the bot's @mention and any other <at> tags so «@Samlingspunkt plan» routes as «plan». */
export function commandTextOf(activity: Activity): string {
  if (!activity.text) return '';
  // On a copy: botbuilder's helper rewrites the text of the activity it is given.
  const withoutBot = TurnContext.removeRecipientMention({ ...activity }) ?? activity.text;
  return withoutBot
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
