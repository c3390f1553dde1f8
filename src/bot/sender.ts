import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Database } from '../db/port.js';
import { findConversation } from '../db/sql/conversations.js';
import type { Logger } from '../logging.js';

/** What happened to one proactive message; recorded by callers, never thrown for expected failures. */
export type SendOutcome =
  | { status: 'sent'; activityId: string }
  /** 403 MessageWritesBlocked: the person blocked or removed the app. Stop sending to them. */
  | { status: 'unreachable'; reason: string }
  /** 404 ConversationNotFound: the stored reference is stale. */
  | { status: 'stale'; reason: string }
  | { status: 'failed'; reason: string; retryable: boolean };

/**
 * The one way the app writes into Teams on its own initiative (reminders, polls sent 1:1,
 * reflection tasks, card updates). Rate limits, retries and outcome bookkeeping live behind it.
 */
export interface ProactiveSender {
  send(conversationId: string, activity: Partial<Activity>): Promise<SendOutcome>;
  update(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<SendOutcome>;
}

function outcomeOf(error: unknown): SendOutcome {
  const e = error as { statusCode?: number; code?: string; message?: string; body?: { error?: { code?: string } } };
  const status = e.statusCode ?? 0;
  const code = e.body?.error?.code ?? e.code ?? '';
  const reason = `${status} ${code}`.trim() || String(e.message ?? error);
  if (status === 403) return { status: 'unreachable', reason };
  if (status === 404) return { status: 'stale', reason };
  return { status: 'failed', reason, retryable: [412, 429, 502, 503, 504].includes(status) || status === 0 };
}

export function createSender(adapter: CloudAdapter, botAppId: string, db: Database, log: Logger): ProactiveSender {
  async function withConversation(
    conversationId: string,
    work: (send: { sendActivity(a: Partial<Activity>): Promise<{ id?: string } | undefined>; updateActivity(a: Partial<Activity>): Promise<unknown> }) => Promise<string>,
  ): Promise<SendOutcome> {
    const stored = await findConversation(db, conversationId);
    if (!stored) return { status: 'stale', reason: 'ukjent samtale' };
    try {
      let activityId = '';
      await adapter.continueConversationAsync(botAppId, stored.reference as Partial<ConversationReference>, async (turn) => {
        activityId = await work(turn);
      });
      return { status: 'sent', activityId };
    } catch (error) {
      const outcome = outcomeOf(error);
      log.warn({ conversationId, outcome }, 'Proaktiv melding ble ikke levert');
      return outcome;
    }
  }

  return {
    send: (conversationId, activity) =>
      withConversation(conversationId, async (turn) => (await turn.sendActivity(activity))?.id ?? ''),
    update: (conversationId, activityId, activity) =>
      withConversation(conversationId, async (turn) => {
        await turn.updateActivity({ ...activity, id: activityId });
        return activityId;
      }),
  };
}
