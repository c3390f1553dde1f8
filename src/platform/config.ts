import { z } from 'zod';
import { t } from './messages.js';

// The operator reads these at start, outside any reader's scope (so in bokmål); they are in the
// catalogue (src/platform/messages/*.json, «config») like every other text, and are functions
// so a start inside inLocale (a test, a tool) gets its own language.
const says = (key: Parameters<typeof t>[0], vars?: Record<string, string | number>) => ({ error: () => t(key, vars) });

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Entra ID's signing keys for tokens from every tenant (v1 and v2 tokens share them). */
export const DEFAULT_SSO_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAllowedJwksUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Where Teams' Bot Connector lives (public cloud, GCC, GCC High, DoD) and the Bot Framework's
 * own services. The bot posts its replies to the activity's serviceUrl with its credentials,
 * so it may only ever be one of these.
 */
export const DEFAULT_BOT_SERVICE_URLS = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://smba.infra.dod.teams.microsoft.us/',
  'https://*.botframework.com/',
];

/** One `BOT_SERVICE_URL_ALLOWLIST` entry: scheme, host (a leading `*.` for any subdomain), port (`*` for any) and path prefix. */
export interface ServiceUrlPattern {
  protocol: 'http:' | 'https:';
  host: string;
  anySubdomain: boolean;
  port: string | '*';
  pathPrefix: string;
}

const PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?(\/[^\s?#]*)?$/i;
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** Local mode: any port on this machine (the Agents Playground, the tests' fake connector). */
const LOCAL_SERVICE_URLS: ServiceUrlPattern[] = LOOPBACK_HOSTS.flatMap((host) =>
  (['http:', 'https:'] as const).map((protocol) => ({ protocol, host, anySubdomain: false, port: '*', pathPrefix: '/' })),
);

export function parseServiceUrlPattern(entry: string): ServiceUrlPattern | undefined {
  const m = PATTERN.exec(entry.trim());
  if (!m) return undefined;
  const protocol = `${m[1]!.toLowerCase()}:` as 'http:' | 'https:';
  const host = m[3]!.toLowerCase();
  // Plain http only to this machine (tests' fake connector), never to a wildcard.
  if (protocol === 'http:' && (m[2] || !LOOPBACK_HOSTS.includes(host))) return undefined;
  const defaultPort = protocol === 'https:' ? '443' : '80';
  return { protocol, host, anySubdomain: Boolean(m[2]), port: m[4] ?? defaultPort, pathPrefix: m[5] ?? '/' };
}

export function serviceUrlAllowed(patterns: ServiceUrlPattern[], serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return patterns.some(
    (p) =>
      p.protocol === url.protocol &&
      (p.anySubdomain ? host.endsWith(`.${p.host}`) : host === p.host) &&
      (p.port === '*' || p.port === port) &&
      url.pathname.startsWith(p.pathPrefix),
  );
}

const envSchema = z.object({
  APP_MODE: z.enum(['local', 'production'], says('config.appMode')).default('local'),
  PORT: z.coerce
    .number(says('config.number'))
    .int(says('config.integer'))
    .min(0, says('config.port'))
    .max(65535, says('config.port'))
    .default(3978),
  HOST: optionalText,
  DATA_DIR: z.string().trim().min(1, says('config.notEmpty')).default('./data'),
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    says('config.databaseUrl'),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], says('config.appType'))
    .default('MultiTenant'),
  AAD_APP_CLIENT_ID: optionalText,
  ALLOWED_TENANT_IDS: optionalText,
  TAB_DOMAIN: optionalText.refine(
    (v) => v === undefined || /^[a-z0-9.-]+(:[0-9]{1,5})?$/i.test(v),
    says('config.tabDomain'),
  ),
  SSO_JWKS_URL: optionalText.refine(
    (v) => v === undefined || isAllowedJwksUrl(v),
    says('config.jwksUrl'),
  ),
  BOT_SERVICE_URL_ALLOWLIST: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  // Proactive sending and reminders (see README «Påminnelser»).
  PROACTIVE_RATE_PER_SECOND: z.coerce.number(says('config.number')).min(1, says('config.atLeast', { min: 1 })).max(1000, says('config.atMost', { max: 1000 })).default(50),
  PROACTIVE_MAX_ATTEMPTS: z.coerce.number(says('config.number')).int(says('config.integer')).min(1, says('config.atLeast', { min: 1 })).max(20, says('config.atMost', { max: 20 })).default(6),
  PROACTIVE_RETRY_BASE_MS: z.coerce.number(says('config.number')).int(says('config.integer')).min(1, says('config.atLeast', { min: 1 })).max(60_000, says('config.atMost', { max: 60_000 })).default(1000),
  REMINDER_LEASE_SECONDS: z.coerce.number(says('config.number')).min(1, says('config.atLeast', { min: 1 })).max(3600, says('config.atMost', { max: 3600 })).default(30),
  REMINDER_IDLE_MS: z.coerce.number(says('config.number')).int(says('config.integer')).min(10, says('config.atLeast', { min: 10 })).max(600_000, says('config.atMost', { max: 600_000 })).default(5000),
  JOB_POLL_SECONDS: z.coerce.number(says('config.number')).min(0.5, says('config.atLeast', { min: 0.5 })).max(600, says('config.atMost', { max: 600 })).default(2),
  DB_SCHEMA: optionalText.refine((v) => v === undefined || /^[a-z_][a-z0-9_]*$/.test(v), says('config.schemaName')),
  PGBOSS_SCHEMA: optionalText.refine((v) => v === undefined || /^[a-z_][a-z0-9_]*$/.test(v), says('config.schemaName')),
  // Polls (issue 4): the key for anonymous voter hashes and card signatures, and the update delay.
  POLL_HASH_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, says('config.pollSecret')),
  POLL_CARD_UPDATE_MS: z.coerce.number(says('config.number')).int(says('config.integer')).min(0, says('config.atLeast', { min: 0 })).max(60_000, says('config.atMost', { max: 60_000 })).default(1500),
  // Setting up networks (issue 12): who may, whom a refused person asks, and Microsoft Graph for group checks.
  NETWORK_CREATORS: optionalText,
  NETWORK_CREATORS_CONTACT: optionalText.refine((v) => v === undefined || v.length <= 300, says('config.atMost', { max: 300 })),
  GRAPH_BASE_URL: optionalText.refine((v) => v === undefined || isAllowedJwksUrl(v), says('config.jwksUrl')),
  GRAPH_AUTHORITY_URL: optionalText.refine((v) => v === undefined || isAllowedJwksUrl(v), says('config.jwksUrl')),
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  // Teams meetings for plan items (issue 14): the tab's Entra app's own secret, for the on-behalf-of exchange.
  AAD_APP_CLIENT_SECRET: optionalText,
  // Region coordinators (issue 12): the first coordinator of a region, `region-slug:entra-object-id,…`.
  REGION_COORDINATORS: optionalText,
  // The Teams app's id in its manifest (Teams Toolkit writes it): deep links into the channel tab.
  TEAMS_APP_ID: optionalText,
});

export type AppMode = 'local' | 'production';

export interface BotCredentials {
  appId: string;
  password: string | undefined;
  tenantId: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface SsoConfig {
  /** Entra app (client) id of the tab, `AAD_APP_CLIENT_ID`. */
  clientId: string | undefined;
  /** Public host name, `TAB_DOMAIN`; the SSO resource is `api://<tabDomain>/<clientId>`. */
  tabDomain: string | undefined;
  /** Lower-case tenant ids whose users may sign in, `ALLOWED_TENANT_IDS`. */
  allowedTenantIds: string[];
  /** Where the token signing keys are fetched, `SSO_JWKS_URL`. */
  jwksUrl: string;
}

export interface AppConfig {
  mode: AppMode;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  bot: BotCredentials | undefined;
  /** Production: the only service URLs the bot replies to, `BOT_SERVICE_URL_ALLOWLIST`. Local mode: loopback only. */
  botServiceUrls: ServiceUrlPattern[];
  sso: SsoConfig;
  logLevel: string;
  seedDemo: boolean;
  /** Postgres schema for the app's tables (`DB_SCHEMA`; unset: the server's search_path). */
  databaseSchema: string | undefined;
  /** Postgres schema for pg-boss (`PGBOSS_SCHEMA`, default pgboss). */
  schedulerSchema: string | undefined;
  /** The one proactive sender: app-wide rate ceiling and retries. */
  proactive: { ratePerSecond: number; maxAttempts: number; retryBaseMs: number; retryMaxMs: number };
  /** Reminder engine timing (tests shorten these). */
  reminders: { leaseMs: number; idleMs: number; pollingIntervalSeconds: number };
  /** Polls: `POLL_HASH_SECRET` (never logged; local mode generates one) and the card update delay. */
  polls: { hashSecret: string | undefined; cardUpdateDelayMs: number };
  /**
   * `REGION_COORDINATORS`: who becomes a region's first coordinator when they sign in, while the
   * region has none (src/network/sql/coordinators.ts); later ones are appointed in the tab.
   */
  regionCoordinators: RegionCoordinatorEntry[];
  /** Who may set up a network (`NETWORK_CREATORS` and friends). */
  networkCreators: NetworkCreatorsConfig;
  /** `TEAMS_APP_ID`, the manifest's app id: the plan card's «Åpne i fanen» deep link needs it. */
  teamsAppId: string | undefined;
  /** Creating a plan item's Teams meeting in Microsoft Graph, on behalf of the signed-in facilitator. */
  teamsMeetings: TeamsMeetingsConfig;
}

/**
 * Graph calendar events on behalf of the facilitator (OBO): the tab's Entra app exchanges the
 * user's SSO token for a Graph token, so it is that app's id and its secret (`AAD_APP_CLIENT_SECRET`).
 * Graph and Entra addresses are the same settings as the group checks use (`GRAPH_BASE_URL`,
 * `GRAPH_AUTHORITY_URL`). Only production mode has SSO tokens to exchange.
 */
export interface TeamsMeetingsConfig {
  enabled: boolean;
  graphBaseUrl: string;
  authorityHost: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
}

/** `NETWORK_CREATORS`: anyone in an allowed tenant, or only the listed Entra users and groups. */
export type NetworkCreatorRule = { kind: 'tenant' } | { kind: 'listed'; users: string[]; groups: string[] };

export interface NetworkCreatorsConfig {
  rule: NetworkCreatorRule;
  /** `NETWORK_CREATORS_CONTACT`: whom a refused person should ask (shown as is). */
  contact: string | undefined;
  /** Microsoft Graph for `group:` entries: app-only token by client credentials. */
  graph: { baseUrl: string; authorityUrl: string; clientId: string | undefined; clientSecret: string | undefined };
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const DEFAULT_GRAPH_AUTHORITY_URL = 'https://login.microsoftonline.com';

/** `tenant`, or a comma list of `user:<object id>` and `group:<group id>`; undefined when an entry is wrong. */
export function parseNetworkCreators(value: string | undefined): NetworkCreatorRule | { bad: string } {
  if (value === undefined || value.trim().toLowerCase() === 'tenant') return { kind: 'tenant' };
  const users: string[] = [];
  const groups: string[] = [];
  for (const raw of value.split(',').map((v) => v.trim()).filter(Boolean)) {
    const m = /^(user|group):(.+)$/i.exec(raw);
    const id = m?.[2]?.trim().toLowerCase() ?? '';
    if (!m || !GUID.test(id)) return { bad: raw };
    (m[1]!.toLowerCase() === 'user' ? users : groups).push(id);
  }
  if (users.length === 0 && groups.length === 0) return { bad: value };
  return { kind: 'listed', users, groups };
}

export interface RegionCoordinatorEntry {
  regionSlug: string;
  /** Lower case. */
  aadObjectId: string;
}

/** `region-slug:entra-object-id` pairs, comma-separated; `{ bad }` names the first wrong entry. */
export function parseRegionCoordinators(value: string | undefined): RegionCoordinatorEntry[] | { bad: string } {
  const entries: RegionCoordinatorEntry[] = [];
  for (const raw of (value ?? '').split(',').map((v) => v.trim()).filter(Boolean)) {
    const m = /^([a-z0-9-]{2,60}):([0-9a-f-]{36})$/i.exec(raw);
    if (!m || !GUID.test(m[2]!)) return { bad: raw };
    entries.push({ regionSlug: m[1]!.toLowerCase(), aadObjectId: m[2]!.toLowerCase() });
  }
  return entries;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`${t('config.heading')}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment once at start; every later layer gets typed values. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable (KEY= in an .env file) means "not set", never port 0 or an empty mode.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || t('config.environment')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];

  let bot: BotCredentials | undefined;
  if (e.MicrosoftAppId) {
    bot = {
      appId: e.MicrosoftAppId,
      password: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
    };
  }

  const allowedTenantIds = (e.ALLOWED_TENANT_IDS ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  for (const tenant of allowedTenantIds) {
    if (!GUID.test(tenant)) problems.push(`ALLOWED_TENANT_IDS: ${t('config.tenantId', { tenant })}`);
  }
  if (e.AAD_APP_CLIENT_ID && !GUID.test(e.AAD_APP_CLIENT_ID)) {
    problems.push(`AAD_APP_CLIENT_ID: ${t('config.clientId')}`);
  }

  const botServiceUrls: ServiceUrlPattern[] = [];
  const serviceUrlEntries = e.BOT_SERVICE_URL_ALLOWLIST?.split(',').map((v) => v.trim()).filter(Boolean) ?? DEFAULT_BOT_SERVICE_URLS;
  for (const entry of serviceUrlEntries) {
    const pattern = parseServiceUrlPattern(entry);
    if (pattern) botServiceUrls.push(pattern);
    else problems.push(`BOT_SERVICE_URL_ALLOWLIST: ${t('config.serviceUrl', { entry })}`);
  }

  const creators = parseNetworkCreators(e.NETWORK_CREATORS);
  if ('bad' in creators) problems.push(`NETWORK_CREATORS: ${t('config.networkCreators', { entry: creators.bad })}`);
  const graphClientId = e.GRAPH_CLIENT_ID ?? e.MicrosoftAppId;
  const graphClientSecret = e.GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword;
  // Group entries are checked with Graph: without an app to ask it with, nobody could ever pass.
  if (!('bad' in creators) && creators.kind === 'listed' && creators.groups.length > 0 && (!graphClientId || !graphClientSecret)) {
    problems.push(`GRAPH_CLIENT_SECRET: ${t('config.missing.graphCredentials')}`);
  }

  const regionCoordinators = parseRegionCoordinators(e.REGION_COORDINATORS);
  if ('bad' in regionCoordinators) problems.push(`REGION_COORDINATORS: ${t('config.regionCoordinators', { entry: regionCoordinators.bad })}`);

  if (e.APP_MODE === 'production') {
    if (!e.MicrosoftAppId) problems.push(`MicrosoftAppId: ${t('config.missing.appId')}`);
    if (e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
      problems.push(`MicrosoftAppPassword: ${t('config.missing.appPassword')}`);
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId: ${t('config.missing.appTenantId')}`);
    }
    // Without these the tab cannot validate Teams SSO tokens, so nobody could sign in.
    if (!e.AAD_APP_CLIENT_ID) problems.push(`AAD_APP_CLIENT_ID: ${t('config.missing.clientId')}`);
    if (!e.TAB_DOMAIN) problems.push(`TAB_DOMAIN: ${t('config.missing.tabDomain')}`);
    if (allowedTenantIds.length === 0) {
      problems.push(`ALLOWED_TENANT_IDS: ${t('config.missing.allowedTenants')}`);
    }
    // Anonymous answers are deduplicated by an HMAC with this key; it must not live in the database.
    if (!e.POLL_HASH_SECRET) problems.push(`POLL_HASH_SECRET: ${t('config.missing.pollSecret')}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode: e.APP_MODE,
    port: e.PORT,
    // Local mode never checks inbound tokens, so it must not be reachable from the network.
    host: e.APP_MODE === 'local' ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    bot,
    // Local mode has no inbound token check, so its replies may only go to this machine.
    botServiceUrls: e.APP_MODE === 'local' ? LOCAL_SERVICE_URLS : botServiceUrls,
    sso: {
      clientId: e.AAD_APP_CLIENT_ID?.toLowerCase(),
      tabDomain: e.TAB_DOMAIN,
      allowedTenantIds,
      jwksUrl: e.SSO_JWKS_URL ?? DEFAULT_SSO_JWKS_URL,
    },
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : e.APP_MODE === 'local',
    databaseSchema: e.DB_SCHEMA,
    schedulerSchema: e.PGBOSS_SCHEMA,
    proactive: {
      ratePerSecond: e.PROACTIVE_RATE_PER_SECOND,
      maxAttempts: e.PROACTIVE_MAX_ATTEMPTS,
      retryBaseMs: e.PROACTIVE_RETRY_BASE_MS,
      retryMaxMs: 60_000,
    },
    reminders: {
      leaseMs: Math.round(e.REMINDER_LEASE_SECONDS * 1000),
      idleMs: e.REMINDER_IDLE_MS,
      pollingIntervalSeconds: e.JOB_POLL_SECONDS,
    },
    polls: { hashSecret: e.POLL_HASH_SECRET, cardUpdateDelayMs: e.POLL_CARD_UPDATE_MS },
    regionCoordinators: 'bad' in regionCoordinators ? [] : regionCoordinators,
    teamsAppId: e.TEAMS_APP_ID?.toLowerCase(),
    teamsMeetings: {
      enabled: e.APP_MODE === 'production' && Boolean(e.AAD_APP_CLIENT_ID && e.AAD_APP_CLIENT_SECRET),
      graphBaseUrl: (e.GRAPH_BASE_URL ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, ''),
      authorityHost: (e.GRAPH_AUTHORITY_URL ?? DEFAULT_GRAPH_AUTHORITY_URL).replace(/\/+$/, ''),
      clientId: e.AAD_APP_CLIENT_ID?.toLowerCase(),
      clientSecret: e.AAD_APP_CLIENT_SECRET,
    },
    networkCreators: {
      rule: 'bad' in creators ? { kind: 'tenant' } : creators,
      contact: e.NETWORK_CREATORS_CONTACT,
      graph: {
        baseUrl: (e.GRAPH_BASE_URL ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, ''),
        authorityUrl: (e.GRAPH_AUTHORITY_URL ?? DEFAULT_GRAPH_AUTHORITY_URL).replace(/\/+$/, ''),
        clientId: graphClientId,
        clientSecret: graphClientSecret,
      },
    },
  };
}
