import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHUTDOWN_MS } from '../src/app/app.js';
import type { Database } from '../src/platform/db/port.js';
import { message } from './helpers/activities.js';
import { startTestAppOn, type TestApp } from './helpers/app.js';
import { databaseKinds, reopenableStorage, skipKind, type DatabaseKind, type ReopenableStorage } from './helpers/databases.js';
import { FakeConnector } from './helpers/fake-connector.js';
import { kari } from './helpers/people.js';
import { as, cardOf, channel, createViaBot, texts, updatesOf, vote } from './helpers/polls.js';
import { expectServerBuilt, startServer } from './helpers/server-process.js';
import { waitFor } from './helpers/wait.js';

const stores: ReopenableStorage[] = [];
const dirs: string[] = [];
afterAll(() => {
  stores.forEach((s) => s.remove());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** The same data twice: PGlite in a temporary directory, or one Postgres schema. */
async function storage(kind: DatabaseKind): Promise<ReopenableStorage> {
  const store = await reopenableStorage(kind, 'samlingspunkt-stopp-');
  stores.push(store);
  return store;
}

/** Retries as in production (from 1 s, six attempts): the connector's Retry-After decides. */
const start = (db: Database, schedulerSchema: string, connector: FakeConnector): Promise<TestApp> =>
  startTestAppOn(db, schedulerSchema, connector, { POLL_CARD_UPDATE_MS: '50', JOB_POLL_SECONDS: '0.5' });

describe.each(databaseKinds)('a bounded stop on %s', (kind) => {
  it.skipIf(skipKind(kind))(
    'stops within 10 s while a card update waits out a 30 s Retry-After, answers 503 meanwhile, and sends the update after a restart',
    async () => {
      const data = await storage(kind);
      const connector = await new FakeConnector().start();
      try {
        const t = await start(await data.open(), data.schedulerSchema, connector);
        const o = channel(t, 'stopp');
        const poll = await createViaBot(t, o, { question: 'Kommer du?', kind: 'enkeltvalg', options: 'Ja\nNei' });

        // Teams is down: every update of the card gets 503, «come back in 30 s».
        connector.failConversation(o.conversationId!, { status: 503, body: { error: { code: 'ServiceUnavailable' } }, headers: { 'retry-after': '30' } });
        expect((await vote(t, poll, '0', as(o, kari))).status).toBe(200);
        await waitFor(() => connector.calls.some((c) => c.method === 'PUT' && c.status === 503), { what: 'the card update to get its 503' });

        const started = performance.now();
        const closing = t.app.close();
        // A request during the stop is answered, not reset.
        const during = await fetch(`${t.url}/healthz`);
        expect(during.status).toBe(503);
        expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await during.json()) as { error: { code: string } }).error.code).toBe('stenger-ned');
        await closing;
        const stoppedMs = performance.now() - started;
        console.info(`[${kind}] close() with a card update in a 30 s retry wait: ${stoppedMs.toFixed(0)} ms`);
        expect(stoppedMs).toBeLessThan(10_000);
        expect(stoppedMs).toBeLessThan(SHUTDOWN_MS + 500);
        await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();

        // Teams is back; the next start on the same data sends the update that never went out.
        connector.failConversation(o.conversationId!, undefined);
        const again = await start(await data.open(), data.schedulerSchema, connector);
        try {
          await waitFor(() => connector.calls.some((c) => c.method === 'PUT' && c.status === 200 && texts(cardOf(c.body)).some((x) => x.includes('1 svar'))), {
            what: 'the card update «1 svar» after the restart',
            timeoutMs: 15_000,
          });
          expect(updatesOf(again, poll.activityId).length).toBeGreaterThanOrEqual(2);
          await waitFor(
            async () => {
              const { rows } = await again.app.db.query<{ card_pending: boolean }>(`SELECT card_pending FROM poll_post WHERE poll_id = $1`, [poll.pollId]);
              return rows.every((r) => !r.card_pending);
            },
            { what: 'no poll_post with card_pending' },
          );
        } finally {
          await again.close();
        }
      } finally {
        await connector.stop();
      }
    },
    60_000,
  );
});

// ───────────────────────── The real process: SIGTERM with a Bot Connector that hangs ─────────────────────────

describe('SIGTERM to the server process (node dist/src/main.js)', () => {
  it('exits 0 within 10 s although a bot turn hangs on the Bot Connector, answering 503 with Retry-After meanwhile', async () => {
    expectServerBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-sigterm-'));
    dirs.push(dataDir);
    const connector = await new FakeConnector().start();
    const server = await startServer({ DATA_DIR: dataDir }).catch(async (error: unknown) => {
      await connector.stop();
      throw error;
    });
    const { child, exited, port, url } = server;
    try {
      // Every request to the connector is held: the bot's reply to «hjelp» never gets an answer.
      let held = false;
      connector.holdAfter(0, () => (held = true));
      const body = JSON.stringify(message('hjelp', { serviceUrl: connector.url, conversationId: 'a:sigterm' }));
      const turn = new Promise<number>((resolve) => {
        const req = request(
          { host: '127.0.0.1', port, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', () => resolve(0));
        req.end(body);
      });
      await waitFor(() => held, { what: "the connector to hold the bot's reply" });

      const started = performance.now();
      child.kill('SIGTERM');
      // Answered while the stop lasts (the listener stays open until the end).
      let during: Response | undefined;
      await waitFor(
        async () => {
          during = await fetch(`${url}/healthz`).catch(() => undefined);
          return during?.status === 503;
        },
        { what: 'the stopping process to answer /healthz with 503' },
      );
      expect(during!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await exited).toBe(0);
      const stoppedMs = performance.now() - started;
      console.info(`SIGTERM → exit with a hung bot turn: ${stoppedMs.toFixed(0)} ms`);
      expect(stoppedMs).toBeLessThan(10_000);
      expect(server.output()).toMatch(/Samlingspunkt stoppet/);
      expect(existsSync(join(dataDir, 'samlingspunkt.lock'))).toBe(false);
      expect(await turn).not.toBe(200);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await connector.stop();
    }
  }, 90_000);
});
