/**
 * Production mode for tests: made-up credentials, everything on loopback. One copy for every
 * suite that starts the app with APP_MODE=production.
 */
export const PRODUCTION_APP_ID = '11111111-1111-4111-8111-111111111111';
export const PRODUCTION_TENANT_ID = '22222222-2222-4222-8222-222222222222';
export const PRODUCTION_TAB_CLIENT_ID = '33333333-3333-4333-8333-333333333333';
export const PRODUCTION_TAB_DOMAIN = 'samlingspunkt.example.no';
export const PRODUCTION_POLL_HASH_SECRET = 'test-poll-hash-secret-0123456789abcdef';

/** The least loadConfig accepts in production mode, but for POLL_HASH_SECRET (config unit tests). */
export const PRODUCTION_REQUIRED = {
  APP_MODE: 'production',
  MicrosoftAppId: 'id',
  MicrosoftAppPassword: 'pw',
  AAD_APP_CLIENT_ID: PRODUCTION_TAB_CLIENT_ID,
  TAB_DOMAIN: PRODUCTION_TAB_DOMAIN,
  ALLOWED_TENANT_IDS: PRODUCTION_TENANT_ID,
} as const;

/**
 * A whole production environment for startApp/startTestApp: a single-tenant bot, tab SSO whose
 * key set is never fetched (port 9 on loopback), no demo data, and the fake Bot Connector's
 * loopback serviceUrl allowed. `overrides` replace settings; an undefined one removes it.
 */
export function productionEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    APP_MODE: 'production',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    MicrosoftAppId: PRODUCTION_APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: PRODUCTION_TENANT_ID,
    MicrosoftAppType: 'SingleTenant',
    AAD_APP_CLIENT_ID: PRODUCTION_TAB_CLIENT_ID,
    TAB_DOMAIN: PRODUCTION_TAB_DOMAIN,
    ALLOWED_TENANT_IDS: PRODUCTION_TENANT_ID,
    POLL_HASH_SECRET: PRODUCTION_POLL_HASH_SECRET,
    SSO_JWKS_URL: 'http://127.0.0.1:9/keys',
    // The fake connector listens on a random loopback port.
    BOT_SERVICE_URL_ALLOWLIST: 'http://127.0.0.1:*/',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
