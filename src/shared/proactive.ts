/**
 * The port for writing into Teams on the app's own initiative (reminders, polls sent 1:1,
 * reflection tasks, card updates): what a capability calls, what comes back, and the retry
 * policy. Plain types, no SDK: the implementation is src/platform/teams/sender.ts.
 */
import type { OutgoingMessage } from './cards/message.js';
import type { MemberTarget } from './sql/proactive.js';

/** What happened to one proactive message. Expected failures are values, never thrown. */
export type SendOutcome =
  | { status: 'sent'; conversationId: string; activityId: string; attempts: number }
  /** 403 MessageWritesBlocked: the person blocked or removed the app. They are skipped from now on. */
  | { status: 'unreachable'; conversationId?: string; reason: string; attempts: number; statusCode?: number }
  /** 404 ConversationNotFound: the stored reference is stale (marked so; sendToMember makes a new chat). */
  | { status: 'stale'; conversationId?: string; reason: string; attempts: number; statusCode?: number }
  /**
   * Anything else. `retryable`: a later try may work (429/412/502/503/504, connection refused);
   * `retryAfterMs` is the server's Retry-After when it sent one.
   */
  | {
      status: 'failed';
      conversationId?: string;
      reason: string;
      retryable: boolean;
      attempts: number;
      statusCode?: number;
      retryAfterMs?: number;
    }
  /** Not attempted: the person or conversation is marked unreachable, or `beforeAttempt` said no. */
  | { status: 'skipped'; conversationId?: string; reason: string; attempts: number };

export interface SendOptions {
  /** What the message is for, stored with the outcome (e.g. 'måling', 'refleksjon'). Default 'melding'. */
  purpose?: string;
  /** 0–9, lower goes first when the app-wide limit queues sends. Default 5; bulk fan-out uses 7. */
  priority?: number;
  /** Attempts including the first (retries for 429/412/502/503/504). Default from config (6). */
  maxAttempts?: number;
  /**
   * Called right before each attempt goes on the wire, after the rate limiters let it through.
   * Return false to abandon the send (outcome 'skipped'): the reminder engine claims its
   * delivery row here, so nothing is claimed while it waits in a queue.
   */
  beforeAttempt?(attempt: number): Promise<boolean>;
  /**
   * false: the caller records the outcome itself (reminder deliveries do, per recipient).
   * Default true: the outcome goes to the proactive_send table.
   */
  record?: boolean;
  /**
   * sendToMember only: the person's lookup when the caller made it for a whole batch at once
   * (findMemberTargets in shared/sql/proactive.ts), so each send costs no lookup of its own.
   */
  resolved?: MemberTarget;
}

/**
 * The one way the app writes into Teams on its own initiative (reminders, polls sent 1:1,
 * reflection tasks, card updates). Per-conversation limits (7/s, 60 per 30 s), the app-wide
 * limit (PROACTIVE_RATE_PER_SECOND, default 50/s), retries with backoff and jitter honouring
 * Retry-After, and outcome bookkeeping (unreachable people, stale references) live behind it.
 */
export interface ProactiveSender {
  /** Posts a new message into a stored conversation (conversation_ref). */
  send(conversationId: string, message: OutgoingMessage, options?: SendOptions): Promise<SendOutcome>;
  /** Replaces a message the bot sent earlier (a card updated in place). */
  update(conversationId: string, activityId: string, message: OutgoingMessage, options?: SendOptions): Promise<SendOutcome>;
  /**
   * Sends to a person's 1:1 chat with the bot: the stored personal conversation, or a new one
   * created from a stored team conversation in the tenant (adapter.createConversationAsync).
   * People marked unreachable are skipped without a request.
   */
  sendToMember(tenantId: string, aadObjectId: string, message: OutgoingMessage, options?: SendOptions): Promise<SendOutcome>;
  /** Counters since start (health, benchmark). */
  stats(): SenderStats;
  /**
   * Shutdown: retries waiting for their backoff give up at once (their last failure is the
   * outcome), sends still queued in the limiters are not made (outcome 'skipped',
   * SEND_ABORTED), and the limiters' timers stop. Requests already on the wire finish.
   */
  stop(): Promise<void>;
}

export interface SenderStats {
  /** Requests put on the wire (every attempt, every create). */
  requests: number;
  sent: number;
  /** 429 answers received. */
  throttled: number;
  retries: number;
  failed: number;
  unreachable: number;
  stale: number;
  skipped: number;
  conversationsCreated: number;
  /** Sends waiting in the limiters right now. */
  queued: number;
}

export interface SenderSettings {
  /** The app-wide ceiling in requests per second (Teams: about 50 per app per tenant). */
  ratePerSecond: number;
  maxAttempts: number;
  /** First backoff step; doubles per attempt, with jitter, capped at retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_SENDER_SETTINGS: SenderSettings = { ratePerSecond: 50, maxAttempts: 6, retryBaseMs: 1_000, retryMaxMs: 60_000 };

// ──────────────────────────────────── Retry policy ────────────────────────────────────

/** Answers worth trying again: throttled (429), precondition (412), gateway and unavailable (502/503/504). */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/**
 * Delay before the next attempt: Retry-After when the server gave one (plus a little jitter so
 * a crowd of senders does not come back in the same millisecond), else exponential backoff with
 * "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, settings: Pick<SenderSettings, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random): number {
  const exp = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  if (retryAfterMs !== undefined) return Math.min(settings.retryMaxMs * 5, retryAfterMs) + Math.floor(random() * Math.min(1_000, exp / 2));
  return Math.floor(exp / 2 + random() * (exp / 2));
}

/** Retry-After as seconds or an HTTP date → milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The reason of a 'skipped' outcome for a send that never went out (`beforeAttempt` said no, or the sender stopped). */
export const SEND_ABORTED = 'avbrutt før sending'; // i18n-ignore: a reason in the log and the delivery report's data, not a sentence
