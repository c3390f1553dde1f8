/**
 * One bot turn as the capabilities see it: what arrived, and the few things a handler may do
 * with it. Plain types, no SDK (botbuilder is end-of-life): src/platform/teams makes one of
 * these from the SDK's turn, and a successor SDK only has to make the same.
 */
import type { OutgoingMessage } from '../cards/message.js';
import type { StoredConversation } from '../sql/conversations.js';

export type ConversationType = StoredConversation['conversationType'];

/** The fields of an incoming activity the app reads, already interpreted for Teams. */
export interface InboundActivity {
  /** 'message', 'conversationUpdate', 'installationUpdate', 'invoke', … */
  type: string;
  /** An invoke's name ('adaptiveCard/action' for a card button). */
  name?: string;
  /**
   * What the person typed, with the bot's @mention and any other tags removed, so
   * «@Samlingspunkt plan» routes as «plan». '' for a card submit or no text.
   */
  text: string;
  /** A card's submitted data (message) or the invoke's payload. */
  value?: unknown;
  /** The client's language tag («nb-NO», «nn-NO», «en-US»), when Teams sent one. */
  locale?: string;
  /** A Teams meeting's id (channelData.meeting.id), in a meeting's chat and its events. */
  meetingId?: string;
  /** installationUpdate: 'add', 'remove', 'add-upgrade', 'remove-upgrade'. */
  action?: string;
  from: {
    /** The Teams user id (29:…). */
    id: string;
    name?: string;
    /** The Entra object id, as Teams sent it (not lower-cased: who stores it decides). */
    aadObjectId?: string;
  };
  conversation: {
    id: string;
    type: ConversationType;
    tenantId: string | null;
    /** The team a channel conversation belongs to; null outside teams. */
    teamId: string | null;
  };
  /** conversationUpdate: the bot itself was added to, or removed from, the conversation. */
  botAdded: boolean;
  botRemoved: boolean;
  /** conversationUpdate: people (not the bot) who joined or left; Teams often sends no name. */
  membersAdded?: RosterMember[];
  membersRemoved?: RosterMember[];
}

/** One person in a conversation's roster. */
export interface RosterMember {
  /** The Teams user id (29:…). */
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface RosterPage {
  members: RosterMember[];
  /** More to read when set. */
  continuationToken?: string;
}

/** What a handler may do within a turn. */
export interface BotTurnIO {
  readonly activity: InboundActivity;
  /** Posts a message into this conversation; the id is the posted activity's, when Teams gave one. */
  reply(message: OutgoingMessage | string): Promise<{ id?: string }>;
  /** An invoke's answer (HTTP 200 with this body): a card action's replacement card, or a message. */
  invokeResponse(body: unknown): Promise<void>;
  /**
   * One page of the conversation's roster (the team's in a channel). Throws where the bot
   * may not read it.
   */
  membersPage(pageSize: number, continuationToken?: string): Promise<RosterPage>;
  /** This conversation as conversation_ref stores it, so proactive messages can reach it later. */
  storedConversation(): StoredConversation;
}
