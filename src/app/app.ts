import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { getAuthConfig } from '../identity/auth-config.js';
import { createCallerAuthenticator } from '../identity/caller.js';
import { getDevUsers } from '../identity/dev-users.js';
import { loadActor } from '../identity/sql/actors.js';
import { localeOfActor } from '../identity/locale.js';
import { localeFromTag } from '../platform/i18n/locale.js';
import { unregisteredActor, type ApiRoute } from '../shared/api/context.js';
import { createApiRoutes } from './api-routes.js';
import { createGraphMeetingCreator } from '../platform/graph/meetings.js';
import { serveCalendarFeed } from '../calendar/api/public-feed.js';
import { configuredCoordinatorAppointer } from '../network/api/configured-coordinators.js';
import { createBotEndpoint, type BotAuthOverrides } from '../platform/teams/endpoint.js';
import type { ProactiveSender } from '../shared/proactive.js';
import { createTurnLogic } from './bot-turns.js';
import { turnReadStats } from './sql/turn-context.js';
import { loadConfig, type AppConfig } from '../platform/config.js';
import { migrate } from '../platform/db/migrate.js';
import { openDatabase } from '../platform/db/open.js';
import type { Database } from '../platform/db/port.js';
import { pingDatabase } from '../platform/db/ping.js';
import { seedDemo } from '../demo/seed.js';
import { upsertReferenceData } from '../reference/sql/reference.js';
import { createHttpServer } from '../platform/http/server.js';
import { createLogger, type Logger } from '../platform/logging.js';
import { startPollJobs } from '../polls/jobs.js';
import { pollCloseReminders } from '../polls/close-reminders.js';
import { reflectionDueReminders } from '../reflections/reminder-kind.js';
import { mellomarbeidDueReminders } from '../mellomarbeid/reminder-kind.js';
import { PollService } from '../polls/service.js';
import { createMeetingAnnouncer } from '../meetings/notify.js';
import { createNetworkCreatorCheck } from '../network/setup/creators.js';
import { scheduleRetentionSweep } from '../privacy/retention.js';
import { startReminderJobs, type RegisteredJobs } from '../reminders/jobs.js';
import { registerReminderKind } from '../reminders/kinds.js';
import { schedulerHealthy, startScheduler, type Scheduler } from '../platform/jobs/scheduler.js';

/** The longest a stop may take (SIGTERM; Docker's default grace period is 10 s). */
export const SHUTDOWN_MS = 9_000;

export interface StartOptions {
  env?: Record<string, string | undefined>;
  port?: number;
  logLevel?: string;
  logDestination?: DestinationStream;
  /** An already open database (tests: one Postgres schema each). The app closes it. */
  database?: Database;
  schedulerSchema?: string;
  now?: () => Date;
  botAuthOverrides?: BotAuthOverrides;
}

export interface RunningApp {
  url: string;
  config: AppConfig;
  db: Database;
  scheduler: Scheduler;
  sender: ProactiveSender;
  polls: PollService;
  /** The tab API's route table (tests enumerate it). */
  apiRoutes: readonly ApiRoute[];
  log: Logger;
  /** Requests being handled right now (what a graceful stop waits for). */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const config = loadConfig({
    ...(options.env ?? process.env),
    ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
    ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
  });
  const log = createLogger(config.logLevel, options.logDestination);
  // Secrets in here are redacted by the logger; this line is what proves it in the tests.
  log.debug({ config }, 'Konfigurasjon lest');
  const now = options.now ?? (() => new Date());

  // How long each start-up step took, in one log line: where a slow start goes (issue 15).
  const startup: Record<string, number> = {};
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      startup[name] = Math.round(performance.now() - started);
    }
  };
  const db = options.database ?? (await step('database', () => openDatabase(config)));
  // Polls need the bot's sender and the bot needs the polls: the sender is attached right after.
  const creators = createNetworkCreatorCheck({ mode: config.mode, allowedTenantIds: config.sso.allowedTenantIds, creators: config.networkCreators, log });
  const polls = new PollService({ db, log, now, hashSecret: config.polls.hashSecret, cardUpdateDelayMs: config.polls.cardUpdateDelayMs });
  const bot = createBotEndpoint(
    config,
    { db, log },
    (sender) => createTurnLogic({ db, log, mode: config.mode, now, sender, polls, creators, teamsAppId: config.teamsAppId }),
    options.botAuthOverrides,
  );
  polls.attachSender(bot.sender);
  // A samling's poll that opens goes to its meeting chat, with Teams' in-meeting notification (issue 14).
  let tabUrl = config.sso.tabDomain ? `https://${config.sso.tabDomain}/tab/` : `http://127.0.0.1:${config.port}/tab/`;
  polls.announcer = createMeetingAnnouncer(polls, { mode: config.mode, teamsAppId: config.teamsAppId, botAppId: config.bot?.appId, tabUrl: () => tabUrl, log });
  let scheduler: Scheduler | undefined;
  let jobs: RegisteredJobs | undefined;
  try {
    await step('migrations', () => migrate(db));
    await step('referenceData', () => upsertReferenceData(db));
    if (config.seedDemo) {
      const seeded = await step('demo', () => seedDemo(db, now()));
      log.info({ seeded }, seeded === 'created' ? 'Demodata opprettet' : 'Demodata finnes fra før');
    }
    scheduler = await step('scheduler', () => startScheduler(db, log, { schema: options.schedulerSchema ?? config.schedulerSchema }));
    // Each capability's reminder kind, before the engine's first sweep (plan items are built in).
    for (const kind of [pollCloseReminders, reflectionDueReminders, mellomarbeidDueReminders]) registerReminderKind(kind);
    const boss = scheduler;
    await step('retention', () => scheduleRetentionSweep(boss, db, log, now));
    jobs = await step('reminders', () => startReminderJobs({ boss, db, log, now, sender: bot.sender, config }));
    await step('pollKeys', () => polls.keys()); // local mode: the generated key exists before the first card is signed
    polls.jobs = await step('pollJobs', () => startPollJobs(polls, boss, config.reminders.pollingIntervalSeconds));
    // Shared poll cards the last run did not get updated before it stopped (or crashed).
    const resumed = await step('pollCards', () => polls.resumeCardUpdates());
    if (resumed > 0) log.info({ polls: resumed }, 'Oppdaterer målingskort som ventet fra forrige kjøring');
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    await scheduler?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
  const boss = scheduler;
  const work = jobs;

  const apiRoutes = createApiRoutes({ polls, creators, meetings: createGraphMeetingCreator({ config: config.teamsMeetings, log }) });
  const appointConfigured = configuredCoordinatorAppointer(config.regionCoordinators);
  const http = createHttpServer({
    mode: config.mode,
    db,
    bot,
    routes: apiRoutes,
    publicRoutes: [
      { path: '/api/auth/config', handle: async () => getAuthConfig(config) },
      { path: '/api/dev/users', localOnly: true, handle: () => getDevUsers(db) },
      // Calendar subscriptions: the secret in the address is the key (clients cannot sign in).
      { path: '/calendar/:file', handle: ({ params }) => serveCalendarFeed(db, params.file, now()) },
    ],
    callers: createCallerAuthenticator(config),
    loadActor: async (caller) => {
      // REGION_COORDINATORS: a configured first coordinator is appointed as they sign in.
      await appointConfigured(db, caller);
      return (await loadActor(db, caller.tenantId, caller.aadObjectId)) ?? unregisteredActor(caller);
    },
    // The tab sends the language it shows (its switch, saved choice or Teams context): its own
    // page and the server's words in it must agree. Without the header, the person's settings.
    localeOf: (actor, requested) => localeFromTag(requested) ?? localeOfActor(actor, undefined),
    log,
    now,
    async health() {
      const dbOk = await pingDatabase(db);
      const schedulerOk = await schedulerHealthy(boss);
      return {
        healthy: dbOk && schedulerOk,
        body: {
          status: dbOk && schedulerOk ? 'ok' : 'feil',
          mode: config.mode,
          database: { kind: db.kind, ok: dbOk },
          scheduler: { kind: 'pg-boss', ok: schedulerOk },
          // Counters only (no one's data): what the benchmark reads to count statements per vote.
          polls: {
            ...polls.stats,
            voteBatches: polls.votes.stats.batches,
            largestVoteBatch: polls.votes.stats.largest,
            turnReads: turnReadStats(db)?.batches ?? 0,
          },
        },
      };
    },
  });

  // The listener goes once listening: left on restify's server it would also catch the errors
  // restify emits there under the name «error» (pg's DatabaseError) and leave that request unanswered.
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, () => {
      http.server.off('error', reject);
      resolve();
    });
  });
  const address = http.server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;
  // Local mode: the bubble's answer page is this server's own tab (the port is known now).
  if (!config.sso.tabDomain) tabUrl = `${url}/tab/`;
  if (config.mode === 'local') {
    log.warn({ url }, 'Lokal modus: lytter bare på 127.0.0.1, og innkommende tokens blir IKKE sjekket');
  }
  log.info({ url, database: db.kind, startupMs: startup }, 'Samlingspunkt kjører');

  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    db,
    scheduler: boss,
    sender: bot.sender,
    polls,
    apiRoutes,
    log,
    inFlight: () => http.inFlight(),
    close() {
      closing ??= (async () => {
        // All of it within SHUTDOWN_MS, however the Bot Connector or the database behave:
        // every step gets what is left, and unsent work stays in the database for the next start.
        const deadline = Date.now() + SHUTDOWN_MS;
        const left = (ms: number) => Math.max(0, Math.min(ms, deadline - Date.now()));
        const atMost = (ms: number, work: Promise<unknown>) =>
          Promise.race([work, new Promise((resolve) => setTimeout(resolve, left(ms)).unref())]);
        // New requests get 503 + Retry-After from here on; those in flight may finish.
        await http.drain(left(4_000));
        // Card updates waiting for their round go out now, each tried once: the sender's stop
        // ends retry waits. What does not get through stays marked for the next start.
        const cards = polls.stop().catch((err: unknown) => log.warn({ err }, 'Målingskortene ble ikke oppdatert før stopp'));
        await atMost(1_500, cards);
        await atMost(1_000, bot.sender.stop());
        await atMost(1_000, cards);
        await work?.stop(left(1_000)).catch((err: unknown) => log.warn({ err }, 'Påminnelsene stoppet ikke rent'));
        await atMost(
          2_000,
          boss.stop({ graceful: true, wait: true, timeout: left(1_500) }).catch((err: unknown) => log.warn({ err }, 'pg-boss stoppet ikke rent')),
        );
        // Only now does the port close (and any connection left with it).
        const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
        http.server.server.closeAllConnections();
        await atMost(500, closed);
        await db.close();
        log.info({ ms: SHUTDOWN_MS - (deadline - Date.now()) }, 'Samlingspunkt stoppet');
      })();
      return closing;
    },
  };
}
