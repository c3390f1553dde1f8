import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

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
      ALLOWED_TENANT_IDS: 'a, b',
    });
    expect(c).toMatchObject({ mode: 'production', host: '0.0.0.0', seedDemo: false, bot: { appId: 'id', appType: 'SingleTenant' } });
    expect(c.sso.allowedTenantIds).toEqual(['a', 'b']);
  });
});
