/**
 * The built server (node dist/src/main.js) as a child process, for the suites that test the
 * process itself: start-up, signals, several instances on one database. `npm run build:server`
 * makes dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { projectRoot } from '../../src/platform/paths.js';
import { freePort } from './ports.js';
import { waitFor } from './wait.js';

export const mainJs = join(projectRoot, 'dist', 'src', 'main.js');

/** Fails the test (not the run) with what to do when dist/src/main.js is missing. */
export function expectServerBuilt(): void {
  expect(existsSync(mainJs), 'dist/src/main.js mangler: kjør «npm run build:server» først').toBe(true);
}

export interface ServerProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Whether the process has exited. */
  gone(): boolean;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface RunningServer extends ServerProcess {
  port: number;
  url: string;
}

/** Children still running when the test worker exits are killed with it. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Spawns the server with PATH, LOG_LEVEL=info and `env` only (nothing else from this process),
 * without waiting for anything.
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', mainJs], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    }),
  );
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => out,
    exited,
    gone,
    async stop(graceMs = 15_000) {
      if (gone()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited.finally(() => clearTimeout(killer));
    },
  };
}

/**
 * Spawns the server on a free port (or env.PORT) and waits until /healthz answers 200; fails at
 * once, with its output, should the process exit first.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const server = spawnServer({ ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(server, url, timeoutMs);
  } catch (error) {
    await server.stop(1_000);
    throw error;
  }
  return { ...server, port, url };
}

/** Waits until `url`/healthz answers 200 from this process. */
export async function waitForHealthy(server: ServerProcess, url: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    async () => {
      if (server.gone()) throw new Error(`The server exited (${server.child.exitCode ?? server.child.signalCode}) before ${url}/healthz answered:\n${server.output()}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { what: `${url}/healthz to answer 200`, timeoutMs, intervalMs: 100, detail: () => `output so far:\n${server.output()}` },
  );
}
