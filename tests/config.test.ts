import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, serviceUrlAllowed } from '../src/platform/config.js';
import { PRODUCTION_POLL_HASH_SECRET, PRODUCTION_REQUIRED } from './helpers/production-env.js';

describe('configuration', () => {
  it('defaults to local mode on loopback with the embedded database and demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3978, dataDir: './data', databaseUrl: undefined, bot: undefined, seedDemo: true });
  });

  it('never listens beyond loopback in local mode, even when HOST says so', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
  });

  it('refuses production mode without bot credentials, naming each missing variable', () => {
    try {
      loadConfig({ APP_MODE: 'production', MicrosoftAppType: 'SingleTenant' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/MicrosoftAppId: mangler/);
      expect(message).toMatch(/MicrosoftAppPassword: mangler/);
      expect(message).toMatch(/MicrosoftAppTenantId: mangler/);
    }
  });

  it('names each malformed variable', () => {
    expect(() => loadConfig({ PORT: 'åtte', APP_MODE: 'test', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT: må være et tall[\s\S]*APP_MODE: må være «local» eller «production»|APP_MODE[\s\S]*PORT/,
    );
    try {
      loadConfig({ PORT: 'åtte', APP_MODE: 'test', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/APP_MODE/);
      expect(problems).toMatch(/DATABASE_URL: må starte med postgres/);
    }
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig({
      APP_MODE: 'production',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: 'tenant',
      MicrosoftAppType: 'SingleTenant',
      DATABASE_URL: 'postgresql://u@h/db',
      AAD_APP_CLIENT_ID: '33333333-3333-4333-8333-33333333333A',
      TAB_DOMAIN: 'samlingspunkt.example.no',
      ALLOWED_TENANT_IDS: '22222222-2222-4222-8222-222222222222, 44444444-4444-4444-8444-44444444444B',
      POLL_HASH_SECRET: 'test-poll-hash-secret-0123456789abcdef',
    });
    expect(c).toMatchObject({ mode: 'production', host: '0.0.0.0', seedDemo: false, bot: { appId: 'id', appType: 'SingleTenant' } });
    expect(c.sso).toEqual({
      clientId: '33333333-3333-4333-8333-33333333333a',
      tabDomain: 'samlingspunkt.example.no',
      allowedTenantIds: ['22222222-2222-4222-8222-222222222222', '44444444-4444-4444-8444-44444444444b'],
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
  });

  it('refuses production mode without Teams SSO settings, naming each one', () => {
    try {
      loadConfig({ APP_MODE: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/AAD_APP_CLIENT_ID: mangler/);
      expect(problems).toMatch(/TAB_DOMAIN: mangler/);
      expect(problems).toMatch(/ALLOWED_TENANT_IDS: mangler/);
    }
  });

  it('names malformed Teams SSO settings', () => {
    try {
      loadConfig({
        AAD_APP_CLIENT_ID: 'min-app',
        TAB_DOMAIN: 'https://samlingspunkt.example.no/tab',
        ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com',
        SSO_JWKS_URL: 'http://keys.example.no/keys',
      });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/TAB_DOMAIN: må være et vertsnavn/);
      expect(problems).toMatch(/SSO_JWKS_URL: må være en https:\/\/-adresse/);
    }
    try {
      loadConfig({ AAD_APP_CLIENT_ID: 'min-app', ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/AAD_APP_CLIENT_ID: må være app-id-en/);
      expect(problems).toMatch(/ALLOWED_TENANT_IDS: «contoso.onmicrosoft.com» er ikke en tenant-id/);
    }
    expect(loadConfig({ SSO_JWKS_URL: 'http://127.0.0.1:4000/keys' }).sso.jwksUrl).toBe('http://127.0.0.1:4000/keys');
  });

  describe('BOT_SERVICE_URL_ALLOWLIST', () => {
    const production = { ...PRODUCTION_REQUIRED, POLL_HASH_SECRET: PRODUCTION_POLL_HASH_SECRET };
    const allowed = (env: Record<string, string>, url: string) => serviceUrlAllowed(loadConfig(env).botServiceUrls, url);

    it("defaults to Teams' Bot Connector hosts and the Bot Framework's", () => {
      for (const url of [
        'https://smba.trafficmanager.net/emea/',
        'https://smba.trafficmanager.net/teams/',
        'https://smba.infra.gcc.teams.microsoft.com/teams',
        'https://europe.webchat.botframework.com/',
        'https://SMBA.trafficmanager.net:443/amer/',
      ]) {
        expect(allowed(production, url), url).toBe(true);
      }
      for (const url of [
        'http://smba.trafficmanager.net/emea/',
        'https://smba.trafficmanager.net.evil.example/',
        'https://evilsmba.trafficmanager.net/',
        'https://botframework.com.evil.example/',
        'https://evilbotframework.com/',
        'https://smba.trafficmanager.net:8443/emea/',
        'https://user:pw@smba.trafficmanager.net/emea/',
        'http://127.0.0.1:3978/',
        'ikke en adresse',
      ]) {
        expect(allowed(production, url), url).toBe(false);
      }
    });

    it('takes a comma-separated list with host wildcards, any-port loopback and path prefixes', () => {
      const env = { ...production, BOT_SERVICE_URL_ALLOWLIST: 'https://smba.trafficmanager.net/emea/, http://127.0.0.1:*/' };
      expect(allowed(env, 'https://smba.trafficmanager.net/emea/v3')).toBe(true);
      expect(allowed(env, 'https://smba.trafficmanager.net/amer/')).toBe(false);
      expect(allowed(env, 'http://127.0.0.1:41234/')).toBe(true);
      expect(allowed(env, 'https://europe.webchat.botframework.com/')).toBe(false);
    });

    it('refuses plain http beyond loopback, wildcards over http and malformed entries', () => {
      try {
        loadConfig({ ...production, BOT_SERVICE_URL_ALLOWLIST: 'http://smba.trafficmanager.net/,http://*.localhost/,smba.trafficmanager.net' });
        expect.unreachable();
      } catch (error) {
        const problems = (error as ConfigError).problems.filter((p) => p.startsWith('BOT_SERVICE_URL_ALLOWLIST'));
        expect(problems).toHaveLength(3);
        expect(problems[0]).toMatch(/«http:\/\/smba.trafficmanager.net\/» må være en https:\/\/-adresse/);
      }
    });

    it('ignores the list in local mode: replies go to this machine only', () => {
      const env = { BOT_SERVICE_URL_ALLOWLIST: 'https://smba.trafficmanager.net/' };
      expect(allowed(env, 'https://smba.trafficmanager.net/emea/')).toBe(false);
      for (const url of ['http://127.0.0.1:56150/_connector', 'http://localhost:3978/', 'http://[::1]:4000/']) expect(allowed(env, url), url).toBe(true);
      expect(allowed({}, 'http://127.0.0.2:4000/')).toBe(false);
    });
  });
});
