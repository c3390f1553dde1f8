import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { retryDelayMs, SEND_ABORTED, type ProactiveSender, type SendOutcome } from '../shared/proactive.js';
import { cardMessage, type OutgoingMessage } from '../shared/cards/message.js';
import type { Database, Queryable } from '../platform/db/port.js';
import { findMemberTargets, pruneSendLog, type MemberTarget } from '../shared/sql/proactive.js';
import {
  acquirePump,
  cancelReminder,
  cancelSubjectReminders,
  claimDelivery,
  findReminder,
  finishReminders,
  insertReminder,
  lockSubjectReminders,
  moveReminder,
  nextRetryAt,
  queueDeliveries,
  releasePump,
  reminderSettings,
  remindersNeedingJobs,
  remindersOfSubject,
  remindersWithObsoleteJobs,
  setJobVersion,
  setReminderStatus,
  settleDelivery,
  startFanOut,
  subjectRules,
  type DeliveryResult,
  type QueuedDelivery,
} from './sql/reminders.js';
import { DEFAULT_RULES, MANUAL_RULE_KEY, planReminders, type ReminderKind } from './domain/reminders.js';
import type { Logger } from '../platform/logging.js';
import { reminderKindDefinition, registeredReminderKinds } from './kinds.js';
import { ensureQueue, type Scheduler } from '../platform/jobs/scheduler.js';
import { localesOfMembers } from '../identity/locale.js';
import { inLocale } from '../platform/i18n/context.js';
import { DEFAULT_LOCALE, type Locale } from '../platform/i18n/locale.js';
import type { ReminderKindDefinition, ReminderSubject } from './kind-definition.js';
import type { ReminderRow } from './sql/reminders.js';
import { storedConversationGone, storedReason } from './reasons.js';

interface Loaded {
  definition: ReminderKindDefinition;
  reminder: ReminderRow;
  subject: ReminderSubject;
}

export const REMINDER_QUEUE = 'paminnelse';
export const REMINDER_SWEEP_QUEUE = 'paminnelse-feiing';
export const REMINDER_REPLAN_QUEUE = 'paminnelse-omplanlegging';

/** Subjects a re-plan syncs before it makes their pg-boss jobs. */
export const REPLAN_BATCH = 20;

/**
 * Lets timers and I/O run. PGlite answers within the same turn of the event loop, so a long
 * chain of statements would otherwise hold up every request and bot turn until it ends.
 */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

// ───────────────────────── Keeping reminders in step with their subjects ─────────────────────────

export interface SyncSummary {
  created: number;
  moved: number;
  cancelled: number;
}

/**
 * Makes a subject's pending reminders match its deadline, its rules and the network's quiet
 * hours, at `now`: new rules get a reminder, a moved deadline moves them (a new version, so the
 * old pg-boss job does nothing), a removed rule or a removed subject cancels them. Reminders
 * already sent are history and stay. Call it in the same transaction as the change, then
 * `notifyRemindersChanged()` after commit.
 */
export async function syncSubjectReminders(
  db: Queryable,
  kind: ReminderKind,
  subjectId: string,
  now: Date,
  /** Leave the subject alone unless it belongs to this network (a network's re-plan). */
  onlyNetworkId?: string,
): Promise<SyncSummary> {
  const summary: SyncSummary = { created: 0, moved: 0, cancelled: 0 };
  const definition = reminderKindDefinition(kind);
  if (!definition) return summary;
  await lockSubjectReminders(db, kind, subjectId);
  const subject = await definition.load(db, subjectId);
  if (subject && onlyNetworkId !== undefined && subject.networkId !== onlyNetworkId) return summary;
  if (!subject) {
    summary.cancelled = await cancelSubjectReminders(db, kind, subjectId, storedReason('subjectRemoved'));
    return summary;
  }
  const settings = await reminderSettings(db, subject.networkId);
  const rules = (await subjectRules(db, kind, subjectId)) ?? settings.rules[kind] ?? DEFAULT_RULES[kind];
  const planned = planReminders(subject.deadline, rules, settings.quiet, now);
  const pending = new Map(
    (await remindersOfSubject(db, kind, subjectId))
      .filter((r) => r.status === 'planlagt' && r.ruleKey !== MANUAL_RULE_KEY)
      .map((r) => [r.ruleKey, r]),
  );
  for (const p of planned) {
    const row = pending.get(p.ruleKey);
    pending.delete(p.ruleKey);
    if (row && row.sendAt.getTime() === p.sendAt.getTime() && row.dueAt.getTime() === p.dueAt.getTime()) continue;
    if (p.skip) {
      const reason = storedReason(p.skip === 'passert' ? 'timePassed' : 'quietPastDeadline');
      if (row && (await cancelReminder(db, row.id, 'hoppet-over', reason))) summary.cancelled++;
      // Shown in the report; a time already passed is simply not planned.
      if (!row && p.skip === 'stille-tid') {
        await insertReminder(db, { networkId: subject.networkId, kind, subjectId, ruleKey: p.ruleKey, dueAt: p.dueAt, sendAt: p.sendAt, status: 'hoppet-over', statusReason: reason });
      }
      continue;
    }
    if (row) {
      if ((await moveReminder(db, row.id, p.dueAt, p.sendAt)) === 'flyttet') summary.moved++;
      else summary.cancelled++;
    } else if (await insertReminder(db, { networkId: subject.networkId, kind, subjectId, ruleKey: p.ruleKey, dueAt: p.dueAt, sendAt: p.sendAt })) {
      summary.created++;
    }
  }
  for (const leftover of pending.values()) {
    if (await cancelReminder(db, leftover.id, 'avlyst', storedReason('ruleRemoved'))) summary.cancelled++;
  }
  return summary;
}

const changeListeners = new Set<() => void>();
/** The engine running on each database in this process (tests run several apps in one). */
const replanners = new Map<Queryable, (networkId: string, kinds: readonly ReminderKind[]) => Promise<void>>();

/**
 * A network's rules or quiet hours changed: its upcoming subjects of these kinds are re-planned
 * by a pg-boss job, in batches, not in the request that changed them (one network can have
 * hundreds of items, and on PGlite every statement of a long re-plan holds up everyone else).
 * Resolves once the job is stored; false when no engine runs on `db` in this process (then
 * the minute sweep catches up).
 */
export async function requestReplan(db: Queryable, networkId: string, kinds: readonly ReminderKind[]): Promise<boolean> {
  const replanner = replanners.get(db);
  if (kinds.length === 0 || !replanner) return false;
  await replanner(networkId, kinds);
  return true;
}

/** Tells the running engine(s) in this process that reminders changed: jobs are made at once. */
export function notifyRemindersChanged(): void {
  for (const listener of changeListeners) listener();
}

/** pg-boss job id for one version of a reminder: the same reminder version never gets two jobs. */
export function reminderJobId(reminderId: string, version: number): string {
  const h = createHash('sha1').update(`${reminderId}:${version}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

// ─────────────────────────────────────── The engine ───────────────────────────────────────

export interface ReminderEngineSettings {
  /** How long the pump lease lasts without renewal: how soon another instance takes over after a crash. */
  leaseMs: number;
  /** How often an idle pump looks for work (it is also woken at once by changes in this process). */
  idleMs: number;
  /** pg-boss polling for due reminder jobs. */
  pollingIntervalSeconds: number;
  /** Attempts per recipient before a delivery counts as failed. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Deliveries queued in this instance's limiter at once. */
  window: number;
}

export interface ReminderEngineDeps {
  db: Database;
  boss: Scheduler;
  sender: ProactiveSender;
  log: Logger;
  now: () => Date;
  settings: ReminderEngineSettings;
}

export interface ReminderEngine {
  readonly instanceId: string;
  start(): Promise<void>;
  /** Waits at most `timeoutMs` for sends on the wire; what was queued goes back to «venter». */
  stop(timeoutMs?: number): Promise<void>;
  /** Sync every upcoming subject, then make missing jobs. Runs every minute and at start. */
  sweep(): Promise<void>;
  /** Make pg-boss jobs for pending reminders that have none for their current version. */
  reconcile(): Promise<void>;
  /** Re-plans one network's upcoming subjects of these kinds, in batches (what the re-plan job does). */
  replan(networkId: string, kinds: readonly ReminderKind[]): Promise<SyncSummary & { subjects: number }>;
  /** Runs the fan-out of one due reminder (what the pg-boss job does). */
  fire(reminderId: string, version: number): Promise<'startet' | 'endret' | 'ingen'>;
  poke(): void;
}

export function createReminderEngine(deps: ReminderEngineDeps): ReminderEngine {
  const { db, boss, sender, log, now, settings } = deps;
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running = false;
  let stopped = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let woken = false;
  let inFlight = 0;
  const deliveries = new Set<Promise<void>>();
  /** Per reminder and language; cleared when the pump is idle, so an edited subject is read again. */
  const messages = new Map<string, Promise<OutgoingMessage | undefined>>();
  const loaded = new Map<string, Promise<Loaded | undefined>>();
  let lastPrune = 0;

  const poke = () => {
    woken = true;
    wake?.();
  };

  // ── pg-boss jobs ──
  let reconciling: Promise<void> | undefined;
  let reconcileAgain = false;
  async function reconcileOnce(): Promise<void> {
    for (;;) {
      const due = await remindersNeedingJobs(db, 200);
      for (const r of due) {
        await pause();
        if (stopped) return; // the next start's sweep makes the rest
        await boss.send(
          REMINDER_QUEUE,
          { reminderId: r.id, version: r.version },
          { id: reminderJobId(r.id, r.version), startAfter: r.sendAt, retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 },
        );
        if (r.jobVersion !== null) await boss.cancel(REMINDER_QUEUE, reminderJobId(r.id, r.jobVersion)).catch(() => undefined);
        await setJobVersion(db, r.id, r.version, r.version);
      }
      for (const r of await remindersWithObsoleteJobs(db, 200)) {
        await pause();
        if (stopped) return;
        await boss.cancel(REMINDER_QUEUE, reminderJobId(r.id, r.jobVersion)).catch(() => undefined);
        await setJobVersion(db, r.id, null);
      }
      if (due.length < 200) return;
    }
  }
  function reconcile(): Promise<void> {
    if (reconciling) {
      reconcileAgain = true;
      return reconciling;
    }
    reconciling = (async () => {
      try {
        do {
          reconcileAgain = false;
          await reconcileOnce();
        } while (reconcileAgain);
      } finally {
        reconciling = undefined;
      }
    })();
    return reconciling;
  }

  async function sweep(): Promise<void> {
    const at = now();
    for (const definition of registeredReminderKinds()) {
      for (const subjectId of await definition.upcoming(db, at)) {
        await db.transaction((tx) => syncSubjectReminders(tx, definition.kind, subjectId, at));
        await pause();
      }
    }
    await reconcile();
    if (Date.now() - lastPrune > 3_600_000) {
      lastPrune = Date.now();
      await pruneSendLog(db, new Date(at.getTime() - 90 * 86_400_000));
    }
    poke();
  }

  /**
   * One subject per transaction with a pause after each, so requests waiting for the database
   * get their turn (on PGlite's single session nothing else runs meanwhile); the pg-boss jobs
   * for what moved are made after every REPLAN_BATCH. Stopping leaves the rest to the next
   * start's sweep.
   */
  async function replan(networkId: string, kinds: readonly ReminderKind[]): Promise<SyncSummary & { subjects: number }> {
    const total = { created: 0, moved: 0, cancelled: 0, subjects: 0 };
    const at = now();
    for (const kind of kinds) {
      const definition = reminderKindDefinition(kind);
      if (!definition) continue;
      const ids = await definition.upcoming(db, at, networkId);
      for (let i = 0; i < ids.length && running; i += REPLAN_BATCH) {
        for (const id of ids.slice(i, i + REPLAN_BATCH)) {
          const s = await db.transaction((tx) => syncSubjectReminders(tx, kind, id, at, networkId));
          total.created += s.created;
          total.moved += s.moved;
          total.cancelled += s.cancelled;
          total.subjects++;
          await pause();
        }
        await reconcile();
      }
    }
    poke();
    return total;
  }

  /** The due moment: freeze the recipients in one transaction, then let the pump deliver. */
  async function fire(reminderId: string, version: number): Promise<'startet' | 'endret' | 'ingen'> {
    const at = now();
    const result = await db.transaction(async (tx) => {
      const r = await findReminder(tx, reminderId, true);
      if (!r || r.version !== version || r.status !== 'planlagt') return 'ingen' as const;
      const definition = reminderKindDefinition(r.kind);
      if (!definition) {
        await setReminderStatus(tx, r.id, 'avlyst', storedReason('unknownKind'));
        return 'ingen' as const;
      }
      if (r.ruleKey !== MANUAL_RULE_KEY) {
        // The subject may have moved since the job was made: never send on an old schedule.
        await syncSubjectReminders(tx, r.kind, r.subjectId, at);
        const again = await findReminder(tx, r.id);
        if (!again || again.status !== 'planlagt' || again.version !== version) return 'endret' as const;
      }
      const subject = await definition.load(tx, r.subjectId);
      if (!subject) {
        await setReminderStatus(tx, r.id, 'avlyst', storedReason('subjectGone'));
        return 'ingen' as const;
      }
      if (r.ruleKey !== MANUAL_RULE_KEY && subject.deadline.getTime() <= at.getTime()) {
        await setReminderStatus(tx, r.id, 'hoppet-over', storedReason('tooLate'));
        return 'ingen' as const;
      }
      const recipients = await definition.recipients(tx, subject);
      const rows = await startFanOut(tx, r, recipients);
      log.info({ reminderId, kind: r.kind, rule: r.ruleKey, recipients: rows }, 'Påminnelse sendes ut');
      return 'startet' as const;
    });
    if (result === 'endret') await reconcile();
    if (result === 'startet') poke();
    return result;
  }

  // ── the pump: delivers queued rows through the sender, one instance at a time ──

  /** What every recipient's card of one reminder is built from, loaded once per reminder. */
  function subjectFor(reminderId: string): Promise<Loaded | undefined> {
    let cached = loaded.get(reminderId);
    if (!cached) {
      cached = (async () => {
        const reminder = await findReminder(db, reminderId);
        const definition = reminder ? reminderKindDefinition(reminder.kind) : undefined;
        const subject = definition && reminder ? await definition.load(db, reminder.subjectId) : undefined;
        return definition && reminder && subject ? { definition, reminder, subject } : undefined;
      })();
      loaded.set(reminderId, cached);
    }
    return cached;
  }

  /**
   * The recipients' languages for a batch (one query per reminder in it): a reminder is
   * proactive, nobody's turn is behind it, so each card is built in its reader's language.
   */
  async function localesFor(batch: readonly QueuedDelivery[]): Promise<Map<string, Locale>> {
    const found = new Map<string, Locale>();
    for (const reminderId of new Set(batch.map((d) => d.reminderId))) {
      const networkId = (await subjectFor(reminderId))?.reminder.networkId ?? null;
      const members = batch.filter((d) => d.reminderId === reminderId).map((d) => d.memberId);
      for (const [memberId, locale] of await localesOfMembers(db, members, networkId)) found.set(`${reminderId}\u0000${memberId}`, locale);
    }
    return found;
  }

  /** One card per reminder and language, built inside inLocale(the recipient's language). */
  function messageFor(d: QueuedDelivery, locale: Locale): Promise<OutgoingMessage | undefined> {
    const cacheKey = `${d.reminderId}\u0000${locale}`;
    let cached = messages.get(cacheKey);
    if (!cached) {
      cached = (async () => {
        const found = await subjectFor(d.reminderId);
        if (!found) return undefined;
        const { definition, reminder, subject } = found;
        return inLocale(locale, () =>
          cardMessage(
            definition.card(subject, {
              reminderId: reminder.id,
              sentAt: reminder.ruleKey === MANUAL_RULE_KEY ? now() : reminder.sendAt,
              optOut: { kind: reminder.kind, subjectId: reminder.subjectId, reminderId: reminder.id },
            }),
          ),
        );
      })();
      messages.set(cacheKey, cached);
    }
    return cached;
  }

  function resultOf(outcome: SendOutcome, attempt: number): DeliveryResult {
    switch (outcome.status) {
      case 'sent':
        return { status: 'sendt', conversationId: outcome.conversationId, activityId: outcome.activityId };
      case 'unreachable':
        return { status: 'utilgjengelig', reason: outcome.reason, statusCode: outcome.statusCode ?? 403 };
      case 'skipped':
        return { status: 'utilgjengelig', reason: outcome.reason, statusCode: null };
      case 'stale':
        return { status: 'feilet', reason: storedConversationGone(outcome.reason), statusCode: outcome.statusCode ?? 404 };
      case 'failed':
        if (outcome.retryable && attempt < settings.maxAttempts) {
          return { status: 'venter', reason: outcome.reason, statusCode: outcome.statusCode ?? null, retryInMs: retryDelayMs(attempt, outcome.retryAfterMs, settings) };
        }
        return { status: 'feilet', reason: outcome.reason, statusCode: outcome.statusCode ?? null };
    }
  }

  async function deliverOne(d: QueuedDelivery, resolved: MemberTarget | undefined, locale: Locale): Promise<void> {
    const message = await messageFor(d, locale);
    if (!message) {
      await settleDelivery(db, d, instanceId, { status: 'feilet', reason: storedReason('nothingToSend'), statusCode: null }, false);
      return;
    }
    let claimed = false;
    const outcome = await sender.sendToMember(d.tenantId, d.aadObjectId, message, {
      purpose: 'påminnelse', // i18n-ignore: the send log's purpose, an internal name
      priority: 7,
      maxAttempts: 1,
      record: false,
      ...(resolved ? { resolved } : {}),
      // Claimed right before the request, never while waiting in a queue: a crash can only
      // leave behind rows that really were on their way.
      beforeAttempt: async () => {
        if (!claimed) claimed = running && (await claimDelivery(db, d, instanceId));
        return claimed;
      },
    });
    if (!claimed && outcome.status === 'skipped' && outcome.reason === SEND_ABORTED) {
      // Stopping, or another instance took over: the row goes back to «venter» for whoever drains next.
      return;
    }
    const attempt = d.attempts + (claimed ? 1 : 0);
    await settleDelivery(db, d, instanceId, resultOf(outcome, Math.max(1, attempt)), 'statusCode' in outcome && outcome.statusCode === 429);
  }

  async function pumpLoop(): Promise<void> {
    let owner = false;
    let renewedAt = 0;
    while (running) {
      let sleepMs = settings.idleMs;
      try {
        if (!owner || Date.now() - renewedAt > settings.leaseMs / 3) {
          const had = owner;
          owner = await acquirePump(db, instanceId, settings.leaseMs);
          if (owner) renewedAt = Date.now();
          if (owner && !had) log.debug({ instanceId }, 'Påminnelser: denne instansen sender nå');
        }
        if (owner) {
          const free = settings.window - inFlight;
          if (free >= Math.max(1, settings.window / 4)) {
            const batch = await queueDeliveries(db, instanceId, free);
            // Everyone's 1:1 chat in one query per tenant, not one per person.
            const resolved = new Map<string, MemberTarget>();
            for (const tenantId of new Set(batch.map((d) => d.tenantId))) {
              const found = await findMemberTargets(db, tenantId, batch.filter((d) => d.tenantId === tenantId).map((d) => d.aadObjectId));
              for (const [aad, t] of found) resolved.set(`${tenantId}\u0000${aad}`, t);
            }
            const locales = await localesFor(batch);
            for (const d of batch) {
              inFlight++;
              const locale = locales.get(`${d.reminderId}\u0000${d.memberId}`) ?? DEFAULT_LOCALE;
              const p: Promise<void> = deliverOne(d, resolved.get(`${d.tenantId}\u0000${d.aadObjectId.toLowerCase()}`), locale)
                .catch((err: unknown) => log.error({ err, reminderId: d.reminderId }, 'Påminnelse: levering feilet uventet'))
                .finally(() => {
                  inFlight--;
                  deliveries.delete(p);
                  if (inFlight <= (settings.window * 3) / 4) poke();
                });
              deliveries.add(p);
            }
            if (batch.length === free) continue;
          }
          if (inFlight === 0) {
            messages.clear();
            loaded.clear();
            const finished = await finishReminders(db);
            if (finished.length > 0) log.info({ reminders: finished }, 'Påminnelser ferdig sendt');
            const retryAt = await nextRetryAt(db);
            if (retryAt) sleepMs = Math.max(20, Math.min(sleepMs, retryAt.getTime() - Date.now()));
          } else {
            sleepMs = Math.min(sleepMs, settings.leaseMs / 3);
          }
        }
      } catch (err) {
        if (running) log.warn({ err }, 'Påminnelser: utsendingen tar en pause etter en feil');
      }
      if (!running) break;
      if (!woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, sleepMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      wake = undefined;
      woken = false;
    }
  }

  let replanWorker: string | undefined;
  const onReplan = async (networkId: string, kinds: readonly ReminderKind[]) => {
    await boss.send(REMINDER_REPLAN_QUEUE, { networkId, kinds }, { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 900 });
    if (replanWorker) boss.notifyWorker(replanWorker);
  };

  const onChange = () => {
    void reconcile()
      .then(poke)
      .catch((err: unknown) => log.warn({ err }, 'Påminnelser: kunne ikke lage jobber'));
  };

  return {
    instanceId,
    sweep,
    reconcile,
    fire,
    replan,
    poke,
    async start() {
      await ensureQueue(boss, REMINDER_QUEUE);
      await ensureQueue(boss, REMINDER_SWEEP_QUEUE);
      await ensureQueue(boss, REMINDER_REPLAN_QUEUE);
      await boss.work<{ reminderId: string; version: number }>(
        REMINDER_QUEUE,
        { pollingIntervalSeconds: settings.pollingIntervalSeconds, batchSize: 5 },
        async (jobs) => {
          for (const job of jobs) await fire(job.data.reminderId, job.data.version);
        },
      );
      await boss.schedule(REMINDER_SWEEP_QUEUE, '* * * * *', {}, { tz: 'Europe/Oslo' });
      await boss.work(REMINDER_SWEEP_QUEUE, { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 2) }, async () => {
        await sweep();
      });
      replanWorker = await boss.work<{ networkId: string; kinds: ReminderKind[] }>(
        REMINDER_REPLAN_QUEUE,
        { pollingIntervalSeconds: settings.pollingIntervalSeconds, batchSize: 10 },
        async (jobs) => {
          // Several saves of one network in a row are one re-plan of everything they touched.
          const wanted = new Map<string, Set<ReminderKind>>();
          for (const { data } of jobs) {
            const kinds = wanted.get(data.networkId) ?? new Set<ReminderKind>();
            data.kinds.forEach((k) => kinds.add(k));
            wanted.set(data.networkId, kinds);
          }
          for (const [networkId, kinds] of wanted) {
            const summary = await replan(networkId, [...kinds]);
            log.info({ networkId, kinds: [...kinds], ...summary }, 'Påminnelser planlagt på nytt etter endrede innstillinger');
          }
        },
      );
      running = true;
      changeListeners.add(onChange);
      replanners.set(db, onReplan);
      // A failed first sweep is repaired by the next one, a minute later; it must not stop the start.
      await sweep().catch((err: unknown) => log.warn({ err }, 'Påminnelser: første gjennomgang feilet'));
      loop = pumpLoop();
    },
    async stop(timeoutMs = 10_000) {
      if (!running) return;
      running = false;
      stopped = true;
      changeListeners.delete(onChange);
      if (replanners.get(db) === onReplan) replanners.delete(db);
      poke();
      await loop;
      // Sends already on the wire finish and are recorded; queued ones go back to «venter».
      await Promise.race([Promise.allSettled([...deliveries]), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
      await reconciling?.catch(() => undefined);
      await releasePump(db, instanceId).catch(() => undefined);
    },
  };
}
