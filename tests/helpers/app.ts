import { startApp, type RunningApp, type StartOptions } from '../../src/app/app.js';
import type { Database } from '../../src/platform/db/port.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';
import { FakeConnector } from './fake-connector.js';

export interface TestApp {
  app: RunningApp;
  connector: FakeConnector;
  /** pg-boss' schema in the app's database (tests/helpers/jobs.ts). */
  schedulerSchema: string;
  url: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

async function read(res: Response): Promise<{ status: number; json: any }> {
  const text = await res.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text, tests assert on it.
  }
  return { status: res.status, json };
}

/** The real server on a fresh database, with a fake Bot Connector for what the bot sends. */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: Partial<StartOptions> = {},
): Promise<TestApp> {
  const { db, schedulerSchema } = await openTestDatabase(kind);
  const connector = await new FakeConnector().start();
  const t = await startTestAppOn(db, schedulerSchema, connector, env, options);
  return {
    ...t,
    async close() {
      await t.close();
      await connector.stop();
    },
  };
}

/**
 * The real server on a database and connector the test already has (a restart on the same
 * data, two instances on one). close() stops the app and closes the database, not the connector.
 */
export async function startTestAppOn(
  database: Database,
  schedulerSchema: string,
  connector: FakeConnector,
  env: Record<string, string> = {},
  options: Partial<StartOptions> = {},
): Promise<TestApp> {
  const app = await startApp({
    env: { APP_MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'true', ...env },
    database,
    schedulerSchema,
    ...options,
  });
  return {
    app,
    connector,
    schedulerSchema: options.schedulerSchema ?? schedulerSchema,
    url: app.url,
    async post(path, body, headers = {}) {
      return read(
        await fetch(app.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      );
    },
    async get(path, headers = {}) {
      return read(await fetch(app.url + path, { headers }));
    },
    close: () => app.close(),
  };
}
