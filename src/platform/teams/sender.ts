import Bottleneck from 'bottleneck';
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Database } from '../db/port.js';
import { upsertConversation } from '../../shared/sql/conversations.js';
import {
  findMemberTarget,
  findSendTarget,
  findTeamTargetFor,
  markStale,
  markUnreachable,
  recordSend,
  type SendTarget,
} from '../../shared/sql/proactive.js';
import type { OutgoingMessage } from '../../shared/cards/message.js';
import {
  DEFAULT_SENDER_SETTINGS,
  parseRetryAfter,
  RETRYABLE_STATUS,
  retryDelayMs,
  SEND_ABORTED,
  type ProactiveSender,
  type SendOptions,
  type SendOutcome,
  type SenderSettings,
} from '../../shared/proactive.js';
import type { Logger } from '../logging.js';
import { activityOf } from './activity.js';

// The port (ProactiveSender, outcomes, retry policy) is src/shared/proactive.ts; this is its
// Bot Framework implementation: limiters, the connector's error shapes, conversation creation.

/** Teams' limits per conversation (bot → one chat or channel thread). */
export const CONVERSATION_LIMITS = { perSecond: 7, per30Seconds: 60 } as const;

// ─────────────────────────────── The connector's failures ───────────────────────────────

interface Failure {
  statusCode: number;
  code: string;
  retryAfterMs: number | undefined;
  /** No response at all: refused (safe to retry) or cut off (the message may have arrived). */
  network: 'refused' | 'other' | undefined;
  message: string;
}

function failureOf(error: unknown): Failure {
  const e = error as {
    statusCode?: number;
    code?: string;
    message?: string;
    details?: { error?: { code?: string } };
    response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
    cause?: { code?: string };
  };
  const statusCode = typeof e?.statusCode === 'number' ? e.statusCode : 0;
  let code = e?.details?.error?.code ?? '';
  if (!code && e?.response?.bodyAsText) {
    try {
      code = (JSON.parse(e.response.bodyAsText) as { error?: { code?: string } }).error?.code ?? '';
    } catch {
      // Not JSON: keep the status alone.
    }
  }
  if (!code && statusCode > 0 && typeof e?.code === 'string' && !/^REQUEST_SEND_ERROR$/.test(e.code)) code = e.code;
  const retryAfterMs = parseRetryAfter(e?.response?.headers?.get?.('retry-after'));
  const sysCode = e?.cause?.code ?? (statusCode === 0 ? e?.code : undefined) ?? '';
  const network = statusCode > 0 ? undefined : /ECONNREFUSED/.test(`${sysCode} ${e?.message ?? ''}`) ? 'refused' : 'other';
  return { statusCode, code, retryAfterMs, network, message: String(e?.message ?? error) };
}

type Classified =
  | { status: 'unreachable' | 'stale'; reason: string; statusCode: number }
  | { status: 'failed'; reason: string; retryable: boolean; statusCode: number; retryAfterMs?: number };

function classify(f: Failure, op: 'send' | 'update'): Classified {
  const reason = f.statusCode > 0 ? `${f.statusCode}${f.code ? ` ${f.code}` : ''}` : `nettverksfeil: ${f.message}`.slice(0, 200);
  if (f.statusCode === 403 && /MessageWritesBlocked|ConversationBlockedByUser|BotNotInConversationRoster|BotDisabledByAdmin/i.test(f.code)) {
    return { status: 'unreachable', reason, statusCode: 403 };
  }
  if (f.statusCode === 404 && (/ConversationNotFound/i.test(f.code) || (op === 'send' && !f.code))) {
    return { status: 'stale', reason, statusCode: 404 };
  }
  const retryable = RETRYABLE_STATUS.has(f.statusCode) || f.network === 'refused';
  return { status: 'failed', reason, retryable, statusCode: f.statusCode, ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}) };
}

// ─────────────────────────────────────── The sender ───────────────────────────────────────

/**
 * botbuilder's HTTP pipeline (@azure/core-rest-pipeline) retries 429/5xx and dropped
 * connections on its own, up to three times, invisibly. Retries belong to this sender (it
 * counts them, goes back through the limiters and never repeats a send that may have arrived),
 * so the built-in policy is taken out of each connector client before it is used.
 */
function disableSdkRetries(turn: TurnContext): void {
  const adapter = turn.adapter as unknown as { ConnectorClientKey?: symbol };
  const client = adapter.ConnectorClientKey ? turn.turnState.get(adapter.ConnectorClientKey) : undefined;
  const pipeline = (client as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } } | undefined)?.client?.pipeline;
  pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

export function createSender(
  adapter: CloudAdapter,
  botAppId: string,
  db: Database,
  log: Logger,
  settings: SenderSettings = DEFAULT_SENDER_SETTINGS,
): ProactiveSender {
  const counters = { requests: 0, sent: 0, throttled: 0, retries: 0, failed: 0, unreachable: 0, stale: 0, skipped: 0, conversationsCreated: 0 };
  // Shutdown must not wait out a backoff (up to a minute against a Bot Connector that is down):
  // stop() ends every retry wait at once.
  let stopping = false;
  const waits = new Set<() => void>();
  const backoff = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      waits.add(done);
    });

  // App-wide, in two parts. `inflight` caps the requests waiting for Teams' answer; `gate` paces
  // them: one at a time, evenly spaced just under the ceiling (4 % headroom for the time between
  // the gate and the socket). maxConcurrent 1 matters: with more, Bottleneck schedules timers
  // ahead, and after an event-loop stall they fire together, a burst the connector punishes.
  const inflight = new Bottleneck({ maxConcurrent: Math.max(4, Math.ceil(settings.ratePerSecond / 2)) });
  const gate = new Bottleneck({ maxConcurrent: 1, minTime: (1_000 * 1.04) / settings.ratePerSecond });
  // Per conversation: one at a time, ≥ 1/7 s apart, and a bucket of 5 refilled one per 560 ms,
  // so any 1 s window holds ≤ 7 and any 30 s window ≤ 5 + 54 = 59 (< 60), even sliding.
  const conversations = new Bottleneck.Group({
    maxConcurrent: 1,
    minTime: Math.ceil(1_000 / CONVERSATION_LIMITS.perSecond),
    reservoir: 5,
    reservoirIncreaseInterval: 560,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseMaximum: 5,
    // Forget idle conversations only after the 30 s window has passed.
    timeout: 35_000,
  });
  /**
   * conversation slot → in-flight slot → the gate, where `ready` runs (the reminder engine claims
   * its delivery row there) → the request itself, at once.
   */
  const limited = async <T>(conversationKey: string, priority: number, ready: () => Promise<boolean>, work: () => Promise<T>, notReady: () => T): Promise<T> => {
    if (stopping) return notReady();
    try {
      return await conversations.key(conversationKey).schedule(() =>
        inflight.schedule({ priority }, async () => (!stopping && (await gate.schedule({ priority }, ready)) ? work() : notReady())),
      );
    } catch (error) {
      // A stopped limiter drops what waits in it: that send was never made.
      if (stopping) return notReady();
      throw error;
    }
  };

  async function record(options: SendOptions | undefined, target: { conversationId?: string; memberId?: string | null }, outcome: SendOutcome): Promise<void> {
    if (options?.record === false) return;
    await recordSend(db, {
      conversationId: target.conversationId ?? null,
      memberId: target.memberId ?? null,
      purpose: options?.purpose ?? 'melding',
      outcome: outcome.status,
      statusCode: 'statusCode' in outcome ? (outcome.statusCode ?? null) : outcome.status === 'sent' ? 200 : null,
      reason: 'reason' in outcome ? outcome.reason : null,
      attempts: outcome.attempts,
      activityId: outcome.status === 'sent' ? outcome.activityId : null,
    }).catch((err: unknown) => log.warn({ err }, 'Kunne ikke lagre utfallet av en proaktiv melding'));
  }

  function count(outcome: SendOutcome): SendOutcome {
    counters[outcome.status]++;
    return outcome;
  }

  /** One send or update, with retries, through both limiters. */
  async function deliver(
    target: SendTarget,
    op: 'send' | 'update',
    run: (turn: TurnContext) => Promise<string>,
    options: SendOptions | undefined,
  ): Promise<SendOutcome> {
    const conversationId = target.conversationId;
    if (target.unreachableAt || target.memberUnreachableAt || !target.installed) {
      return count({ status: 'skipped', conversationId, reason: target.installed ? 'mottakeren har blokkert appen' : 'appen er fjernet fra samtalen', attempts: 0 });
    }
    if (target.staleAt) return count({ status: 'stale', conversationId, reason: 'samtalen finnes ikke lenger', attempts: 0 });
    const maxAttempts = Math.max(1, options?.maxAttempts ?? settings.maxAttempts);
    const priority = options?.priority ?? 5;
    for (let attempt = 1; ; attempt++) {
      const result = await limited<SendOutcome | Classified>(
        conversationId,
        priority,
        async () => !options?.beforeAttempt || (await options.beforeAttempt(attempt)),
        async () => {
          counters.requests++;
          let activityId = '';
          // The adapter's onTurnError swallows what the logic throws, so the failure is caught in here.
          let failed: { error: unknown } | undefined;
          try {
            await adapter.continueConversationAsync(botAppId, target.reference as Partial<ConversationReference>, async (turn) => {
              try {
                disableSdkRetries(turn);
                activityId = await run(turn);
              } catch (error) {
                failed = { error };
              }
            });
          } catch (error) {
            failed = { error };
          }
          if (failed) return classify(failureOf(failed.error), op);
          return { status: 'sent', conversationId, activityId, attempts: attempt };
        },
        () => ({ status: 'skipped', conversationId, reason: SEND_ABORTED, attempts: attempt - 1 }),
      );
      if (result.status === 'sent' || result.status === 'skipped') return count(result);
      if (result.statusCode === 429) counters.throttled++;
      if (result.status === 'unreachable') {
        await markUnreachable(db, conversationId, result.reason);
        log.info({ conversationId, reason: result.reason }, 'Mottakeren har blokkert appen: hoppes over fra nå av');
        return count({ ...result, status: 'unreachable', conversationId, attempts: attempt });
      }
      if (result.status !== 'failed') {
        await markStale(db, conversationId);
        log.info({ conversationId, reason: result.reason }, 'Samtalereferansen er utdatert');
        return count({ ...result, status: 'stale', conversationId, attempts: attempt });
      }
      if (!result.retryable || attempt >= maxAttempts || stopping) {
        log.warn({ conversationId, reason: result.reason, attempts: attempt }, 'Proaktiv melding ble ikke levert');
        return count({ ...result, conversationId, attempts: attempt });
      }
      counters.retries++;
      await backoff(retryDelayMs(attempt, result.retryAfterMs, settings));
      if (stopping) {
        log.warn({ conversationId, reason: result.reason, attempts: attempt }, 'Proaktiv melding ble ikke levert før stopp');
        return count({ ...result, conversationId, attempts: attempt });
      }
    }
  }

  async function sendMessage(conversationId: string, message: OutgoingMessage, options?: SendOptions, known?: SendTarget): Promise<SendOutcome> {
    const target = known ?? (await findSendTarget(db, conversationId));
    const activity = activityOf(message);
    const outcome = target
      ? await deliver(target, 'send', async (turn) => (await turn.sendActivity(activity))?.id ?? '', options)
      : count({ status: 'stale', conversationId, reason: 'ukjent samtale', attempts: 0 });
    await record(options, { conversationId, memberId: target?.memberId }, outcome);
    return outcome;
  }

  /** A new 1:1 chat from a team conversation's serviceUrl; stored like one Teams told us about. */
  async function createPersonalConversation(tenantId: string, aadObjectId: string, priority: number): Promise<string | Classified> {
    const team = await findTeamTargetFor(db, tenantId, aadObjectId);
    if (!team) return { status: 'failed', reason: 'ingen samtale å nå personen fra (boten er ikke installert for dem)', retryable: false, statusCode: 0 }; // i18n-ignore: a reason for the log and the audit, not for people
    return limited<string | Classified>(`opprett:${tenantId}`, priority, async () => true, async () => {
      counters.requests++;
      try {
        let created: { id: string; reference: Record<string, unknown> } | undefined;
        await adapter.createConversationAsync(
          botAppId,
          team.channelId,
          team.serviceUrl,
          undefined as unknown as string,
          {
            isGroup: false,
            bot: { id: team.botId, name: 'Samlingspunkt' },
            members: [{ id: aadObjectId, name: '' }],
            tenantId,
            channelData: { tenant: { id: tenantId } },
          } as never,
          async (turn) => {
            created = { id: turn.activity.conversation.id, reference: TurnContext.getConversationReference(turn.activity) as Record<string, unknown> };
          },
        );
        const made = created as { id: string; reference: Record<string, unknown> } | undefined;
        if (!made) return { status: 'failed', reason: 'Teams laget ingen samtale', retryable: true, statusCode: 0 } satisfies Classified; // i18n-ignore: log reason
        await upsertConversation(db, {
          conversationId: made.id,
          channelId: team.channelId,
          serviceUrl: team.serviceUrl,
          tenantId,
          conversationType: 'personal',
          teamId: null,
          botId: team.botId,
          userAadObjectId: aadObjectId.toLowerCase(),
          reference: { ...made.reference, user: { id: aadObjectId, aadObjectId } },
        });
        counters.conversationsCreated++;
        return made.id;
      } catch (error) {
        return classify(failureOf(error), 'send');
      }
    }, () => ({ status: 'failed', reason: 'avbrutt', retryable: true, statusCode: 0 }));
  }

  return {
    send: sendMessage,

    async update(conversationId, activityId, message, options) {
      const target = await findSendTarget(db, conversationId);
      const outcome = target
        ? await deliver(
            target,
            'update',
            async (turn) => {
              await turn.updateActivity({ ...activityOf(message), id: activityId });
              return activityId;
            },
            options,
          )
        : count({ status: 'stale', conversationId, reason: 'ukjent samtale', attempts: 0 });
      await record(options, { conversationId, memberId: target?.memberId }, outcome);
      return outcome;
    },

    async sendToMember(tenantId, aadObjectId, message, options) {
      const person = options?.resolved ?? (await findMemberTarget(db, tenantId, aadObjectId));
      if (person.unreachableAt) {
        const skipped = count({ status: 'skipped', reason: 'mottakeren har blokkert appen', attempts: 0 });
        await record(options, { memberId: person.memberId }, skipped);
        return skipped;
      }
      const existing = person.target;
      if (existing) {
        const outcome = await sendMessage(existing.conversationId, message, options, existing);
        // A chat Teams no longer knows: make a new one below, once.
        if (outcome.status !== 'stale') return outcome;
      }
      const created = await createPersonalConversation(tenantId, aadObjectId, options?.priority ?? 5);
      if (typeof created !== 'string') {
        const outcome = count({ ...created, attempts: 1 } as SendOutcome);
        await record(options, { memberId: person.memberId }, outcome);
        return outcome;
      }
      return sendMessage(created, message, options);
    },

    stats: () => ({ ...counters, queued: inflight.counts().QUEUED + inflight.counts().RECEIVED }),

    async stop() {
      stopping = true;
      for (const done of [...waits]) done();
      // Dropped jobs reject, and `limited` turns that into SEND_ABORTED.
      await Promise.all([inflight, gate, ...conversations.limiters().map((l) => l.limiter)].map((l) => l.stop({ dropWaitingJobs: true }).catch(() => undefined)));
      // The group's cleanup timer would keep the process alive for the idle timeout.
      (conversations as unknown as { interval?: NodeJS.Timeout }).interval?.unref?.();
      clearInterval((conversations as unknown as { interval?: NodeJS.Timeout }).interval);
    },
  };
}
