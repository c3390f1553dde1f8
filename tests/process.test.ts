import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../src/shared/api/caller.js';
import { demoMembers } from '../src/demo/demo.js';
import { message } from './helpers/activities.js';
import { startTestApp } from './helpers/app.js';
import { freePort } from './helpers/ports.js';
import { expectServerBuilt, spawnServer, startServer } from './helpers/server-process.js';
import { waitFor } from './helpers/wait.js';

const signedIn = { headers: { [DEV_USER_HEADER]: demoMembers[0]!.aadObjectId } };

describe('the server process (node dist/src/main.js)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('starts on PGlite, holds its data directory, stops cleanly on SIGTERM and keeps its data', async () => {
    expectServerBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-main-'));
    dirs.push(dataDir);
    const first = await startServer({ DATA_DIR: dataDir });
    const { port, url } = first;
    expect(first.output()).toMatch(/Demodata opprettet/);
    expect(first.output()).toMatch(/innkommende tokens blir IKKE sjekket/);

    const second = spawnServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(/allerede i bruk av prosess \d+/);

    const networks = (await (await fetch(`${url}/api/networks`, signedIn)).json()) as { networks: unknown[] };
    expect(networks.networks).toHaveLength(1);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/Samlingspunkt stoppet/);
    expect(existsSync(join(dataDir, 'samlingspunkt.lock'))).toBe(false);

    const again = await startServer({ DATA_DIR: dataDir, PORT: String(port) });
    expect(again.output()).toMatch(/Demodata finnes fra før/);
    expect(await (await fetch(`${url}/api/networks`, signedIn)).json()).toEqual(networks);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('refuses to start in production mode without credentials, naming what is missing', async () => {
    const child = spawnServer({ APP_MODE: 'production', DATA_DIR: join(tmpdir(), 'samlingspunkt-never') });
    expect(await child.exited).toBe(2);
    expect(child.output()).toMatch(/MicrosoftAppId: mangler/);
    expect(child.output()).toMatch(/MicrosoftAppPassword: mangler/);
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight bot turn finish before closing, then refuses new connections', async () => {
    const t = await startTestApp('pglite');
    const connector = t.connector;
    const body = JSON.stringify(message('plan', { serviceUrl: connector.url, conversationId: 'a:inflight' }));
    const half = Math.floor(body.length / 2);
    const { port } = new URL(t.url);
    let finishBody = () => undefined as unknown;
    const responded = new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      finishBody = () => req.end(body.slice(half));
    });
    // Close only once the server is handling the request (headers in, body still coming).
    await waitFor(() => t.app.inFlight() > 0, { what: 'the half-sent bot turn to be in flight' });
    expect(t.app.inFlight()).toBe(1);
    const closed = t.app.close();
    // The body comes only once the stop is under way: the server answers new requests 503.
    await waitFor(async () => (await fetch(`${t.url}/healthz`)).status === 503, { what: 'the stopping server to answer /healthz with 503' });
    finishBody();
    expect(await responded).toBe(200);
    await closed;
    expect(connector.sentActivities('a:inflight')).toHaveLength(1);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    await connector.stop();
  });
});

