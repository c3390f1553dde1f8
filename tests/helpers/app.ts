import { startApp, type RunningApp, type StartOptions } from '../../src/app/app.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';
import { FakeConnector } from './fake-connector.js';

export interface TestApp {
  app: RunningApp;
  connector: FakeConnector;
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
  const app = await startApp({
    env: { APP_MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'true', ...env },
    database: db,
    schedulerSchema,
    ...options,
  });
  return {
    app,
    connector,
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
    async close() {
      await app.close();
      await connector.stop();
    },
  };
}
