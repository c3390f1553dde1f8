import { TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { BotTurnIO, InboundActivity, RosterMember } from '../../shared/bot/turn.js';
import { activityOf } from './activity.js';
import { commandTextOf, conversationTypeOf, storedConversationOf, teamIdOf, tenantIdOf } from './conversation.js';

/** What the capabilities' turn handler is (the composition root supplies it). */
export type TurnHandler = (turn: BotTurnIO) => Promise<void>;

/** The people in a conversationUpdate's membersAdded/membersRemoved, without the bot itself. */
function peopleOf(accounts: NonNullable<Activity['membersAdded']>, botId: string | undefined): RosterMember[] {
  return accounts
    .filter((m) => m.id !== botId)
    .map((m) => ({
      id: m.id,
      ...(m.name ? { name: m.name } : {}),
      ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
    }));
}

/** Teams puts the meeting's id in channelData (its events' value.Id is not always the same id). */
function meetingIdOf(activity: Activity): string | undefined {
  const id = (activity.channelData as { meeting?: { id?: unknown } } | undefined)?.meeting?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 1000 ? id : undefined;
}

function inboundOf(activity: Activity): InboundActivity {
  const botId = activity.recipient?.id;
  return {
    type: activity.type,
    ...(activity.name !== undefined ? { name: activity.name } : {}),
    text: commandTextOf(activity),
    ...(activity.value !== undefined ? { value: activity.value } : {}),
    ...(activity.action !== undefined ? { action: activity.action } : {}),
    ...(meetingIdOf(activity) ? { meetingId: meetingIdOf(activity) } : {}),
    ...(typeof activity.locale === 'string' && activity.locale ? { locale: activity.locale.slice(0, 20) } : {}),
    from: {
      id: activity.from?.id ?? '',
      ...(activity.from?.name !== undefined ? { name: activity.from.name } : {}),
      ...(activity.from?.aadObjectId !== undefined ? { aadObjectId: activity.from.aadObjectId } : {}),
    },
    conversation: {
      id: activity.conversation.id,
      type: conversationTypeOf(activity),
      tenantId: tenantIdOf(activity),
      teamId: teamIdOf(activity),
    },
    botAdded: (activity.membersAdded ?? []).some((m) => m.id === botId),
    botRemoved: (activity.membersRemoved ?? []).some((m) => m.id === botId),
    ...(activity.membersAdded?.some((m) => m.id !== botId) ? { membersAdded: peopleOf(activity.membersAdded, botId) } : {}),
    ...(activity.membersRemoved?.some((m) => m.id !== botId) ? { membersRemoved: peopleOf(activity.membersRemoved, botId) } : {}),
  };
}

/** botbuilder's turn as the app's neutral one (src/shared/bot/turn.ts). */
export function teamsTurn(context: TurnContext): BotTurnIO {
  return {
    activity: inboundOf(context.activity),
    async reply(message) {
      const sent = await context.sendActivity(typeof message === 'string' ? message : activityOf(message));
      return sent?.id ? { id: sent.id } : {};
    },
    async invokeResponse(body) {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
    },
    async membersPage(pageSize, continuationToken) {
      // The paged call: the unpaged one is retired for large teams.
      const page = await TeamsInfo.getPagedMembers(context, pageSize, continuationToken);
      return {
        members: (page?.members ?? []).map((m) => ({
          id: m.id,
          ...(m.name !== undefined ? { name: m.name } : {}),
          ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
        })),
        ...(page?.continuationToken ? { continuationToken: page.continuationToken } : {}),
      };
    },
    storedConversation: () => storedConversationOf(context.activity),
  };
}
