import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { postgresUrl, skipKind } from './helpers/databases.js';
import { productionEnv } from './helpers/production-env.js';

const BOT_PASSWORD = 'Bot-Passord-9f3c1e77';
const DB_PASSWORD = 'db-passord-5521aa';
const POLL_SECRET = 'maling-hemmelighet-7d1f0c9e2b4a6d8f0e1c3b5a';

describe('secrets never reach the log', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    if (skipKind('postgres')) return;
    const url = new URL(postgresUrl());
    url.password = DB_PASSWORD;
    t = await startTestApp(
      'postgres',
      // The loopback allowlist lets the activity below (fake connector) reach botbuilder's token check.
      productionEnv({
        SEED_DEMO: undefined,
        LOG_LEVEL: 'trace',
        DATABASE_URL: url.toString(),
        MicrosoftAppPassword: BOT_PASSWORD,
        TAB_DOMAIN: 'samlingspunkt.example.test',
        POLL_HASH_SECRET: POLL_SECRET,
      }),
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind('postgres'))('redacts the bot password and the database URL, even at trace level and on errors', async () => {
    await t.post('/api/messages', message('plan', { serviceUrl: t.connector.url }), { authorization: `Bearer ${BOT_PASSWORD}` });
    await t.get('/api/networks', { authorization: 'Bearer not.a.token' });
    await t.post('/api/messages', '{broken json');
    const log = lines.join('');
    expect(log).toContain('Konfigurasjon lest');
    expect(log).toContain('[skjult]');
    expect(log).not.toContain(BOT_PASSWORD);
    expect(log).not.toContain(DB_PASSWORD);
    expect(log).not.toContain(POLL_SECRET);
  });
});
