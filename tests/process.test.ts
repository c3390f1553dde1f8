import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../src/identity/caller.js';
import { demoMembers } from '../src/demo/demo.js';
import { projectRoot } from '../src/platform/paths.js';
import { message } from './helpers/activities.js';
import { startTestApp } from './helpers/app.js';

const mainJs = join(projectRoot, 'dist', 'src', 'main.js');
const signedIn = { headers: { [DEV_USER_HEADER]: demoMembers[0]!.aadObjectId } };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', mainJs], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/healthz svarte ikke 200 innen ${timeoutMs} ms`);
}

describe('the server process (node dist/src/main.js)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('starts on PGlite, holds its data directory, stops cleanly on SIGTERM and keeps its data', async () => {
    expect(existsSync(mainJs), 'dist/src/main.js mangler: kjør «npm run build» først').toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-main-'));
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = startMain({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForHealth(url);
    expect(first.output()).toMatch(/Demodata opprettet/);
    expect(first.output()).toMatch(/innkommende tokens blir IKKE sjekket/);

    const second = startMain({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(/allerede i bruk av prosess \d+/);

    const networks = (await (await fetch(`${url}/api/networks`, signedIn)).json()) as { networks: unknown[] };
    expect(networks.networks).toHaveLength(1);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/Samlingspunkt stoppet/);
    expect(existsSync(join(dataDir, 'samlingspunkt.lock'))).toBe(false);

    const again = startMain({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForHealth(url);
    expect(again.output()).toMatch(/Demodata finnes fra før/);
    expect(await (await fetch(`${url}/api/networks`, signedIn)).json()).toEqual(networks);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('refuses to start in production mode without credentials, naming what is missing', async () => {
    const child = startMain({ APP_MODE: 'production', DATA_DIR: join(tmpdir(), 'samlingspunkt-never') });
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
    for (let i = 0; i < 500 && t.app.inFlight() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.app.inFlight()).toBe(1);
    const closed = t.app.close();
    await new Promise((r) => setTimeout(r, 200));
    finishBody();
    expect(await responded).toBe(200);
    await closed;
    expect(connector.sentActivities('a:inflight')).toHaveLength(1);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    await connector.stop();
  });
});

