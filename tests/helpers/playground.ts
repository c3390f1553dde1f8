/**
 * The Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, offline) for the browser
 * suites in tests/e2e/playground*.chromium.test.ts: the Playground CLI as a child process on a
 * free port, and Chromium pages that may only reach loopback.
 *
 * - The Playground may only reach loopback: every other request (it tries Segoe UI fonts and an
 *   animation worklet from res-1.cdn.office.net) is aborted and listed once at the end.
 * - Every wait is bounded (UI_WAIT for the UI, START_WAIT for start-up).
 * - Its files (logs, derived configs) go to devTools/playground-e2e/ (gitignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Queryable } from '../../src/platform/db/port.js';
import { DEMO_TENANT_ID } from '../../src/identity/local-tenant.js';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { freePort } from './ports.js';
import { waitFor } from './wait.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = path.join(repoRoot, 'test-results');
export const playgroundDir = path.join(repoRoot, 'devTools', 'playground-e2e');
const PLAYGROUND_CLI = path.join(repoRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
export const PLAYGROUND_CONFIG = path.join(repoRoot, '.m365agentsplayground.yml');

/** Longest single wait for the UI (a bot reply, a card); start-up waits get START_WAIT. */
export const UI_WAIT = 30_000;
export const START_WAIT = 60_000;

/** The Playground's message box (Lexical editor). */
export const MESSAGE_BOX = '[data-lexical-editor="true"]';
/** Every Adaptive Card the Playground renders (the Adaptive Cards JS renderer's root class). */
export const CARD = '.ac-adaptiveCard';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Tall, so a whole plan card fits on a screenshot (the chat scrolls inside the page). */
export const VIEWPORT = { width: 1400, height: 2000 };

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// The Playground CLI as a child process
// ---------------------------------------------------------------------------------------------

export interface Playground {
  url: string;
  /** Where the Playground logs every activity it sends and receives. */
  logFile: string;
  /** The CLI's last stdout/stderr, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Kills a still-running Playground process group if the test worker exits before afterAll. */
const livePlaygrounds = new Set<ChildProcess>();
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
process.once('exit', () => {
  for (const child of livePlaygrounds) killGroup(child, 'SIGKILL');
});

/**
 * Starts the Playground CLI pointed at `endpoint` with the config file `configPath`, and waits
 * until it listens and answers. It logs to devTools/playground-e2e/<logName>.log.
 */
export async function startPlayground(label: string, endpoint: string, configPath: string, logName = label): Promise<Playground> {
  if (!existsSync(PLAYGROUND_CLI)) {
    throw new Error(`${PLAYGROUND_CLI} is missing: run \`npm install\` (devDependency @microsoft/m365agentsplayground)`);
  }
  await mkdir(playgroundDir, { recursive: true });
  const logFile = path.join(playgroundDir, `${logName}.log`);
  await rm(logFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing from the caller's shell may redirect the Playground (port, endpoint, config, log).
  for (const key of Object.keys(env)) {
    if (/^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_|TEAMS_APP_TEST_TOOL_)/.test(key) || key === 'BOT_ENDPOINT') delete env[key];
  }
  Object.assign(env, {
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  });
  // A free port; should another process take it first, the CLI falls back to a random one. Either
  // way it prints the port it listens on, and that is the one used below.
  const requestedPort = await freePort();
  const child = spawn(process.execPath, [PLAYGROUND_CLI, '-e', endpoint, '--disable-telemetry', '--port', String(requestedPort)], {
    cwd: repoRoot,
    env,
    // Its own process group, so stop() can kill it and anything it starts with one signal.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  livePlaygrounds.add(child);
  const exited = once(child, 'exit').then(
    () => undefined,
    () => undefined,
  );
  let output = '';
  const collect = (chunk: string) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);

  const stop = async () => {
    livePlaygrounds.delete(child);
    killGroup(child, 'SIGTERM');
    const killer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await within(10_000, exited, `stopping the Playground (${label})`).finally(() => clearTimeout(killer));
  };

  try {
    const port = await within(
      START_WAIT,
      new Promise<number>((resolve, reject) => {
        const onData = () => {
          const match = /Listening on (\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        };
        child.stdout?.on('data', onData);
        child.once('error', reject);
        child.once('exit', (code, signal) => reject(new Error(`the Playground exited (${signal ?? code}) before listening`)));
      }),
      `Playground (${label}) start`,
    );
    const url = `http://localhost:${port}`;
    // It prints "Listening" before it reads the config file and exits when that is invalid.
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error('the Playground exited after listening');
        return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
          (res) => res.ok,
          () => false,
        );
      },
      { what: `the Playground at ${url} to answer`, timeoutMs: START_WAIT, intervalMs: 200 },
    );
    return { url, logFile, output: () => output, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    // Its reasons (a bad config file, …) go to the log file rather than to stdout.
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(
      `${(error as Error).message}\n--- Playground output (${label}) ---\n${output}\n--- ${logFile} (end) ---\n${log.slice(-4_000)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Pages in Chromium
// ---------------------------------------------------------------------------------------------

/**
 * Reports the page's uncaught errors to `onPageError` and aborts every non-loopback request,
 * adding its origin and path to `aborted`.
 */
export async function guardPage(page: Page, aborted: Set<string>, onPageError: (message: string) => void): Promise<void> {
  page.on('pageerror', (err) => onPageError(err.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!url.protocol.startsWith('http') || LOOPBACK_HOSTS.has(url.hostname)) return route.continue();
    aborted.add(`${url.origin}${url.pathname}`);
    return route.abort('blockedbyclient');
  });
}

/** Lists the aborted non-loopback requests once, at the end of a suite. */
export function reportAborted(suite: string, aborted: Set<string>): void {
  if (aborted.size > 0) {
    console.info(`${suite}: aborted ${aborted.size} non-loopback request(s):\n  ${[...aborted].sort().join('\n  ')}`);
  }
}

/** Opens the Playground at `pg` in `page` and waits for the bot's welcome card: the bot is connected. */
export async function openPlaygroundChat(page: Page, pg: Playground): Promise<void> {
  await page.goto(pg.url, { timeout: START_WAIT });
  try {
    // In bokmål for the demo people (they chose it), in English for anyone else: the Playground is en-US.
    await page.locator(CARD).filter({ hasText: /Velkommen til Samlingspunkt|Welcome to Samlingspunkt/ }).last().waitFor({ timeout: UI_WAIT });
  } catch (error) {
    const log = await readFile(pg.logFile, 'utf8').catch(() => '');
    throw new Error(`The bot's welcome card did not show in the Playground; ${pg.logFile} ends with:\n${log.slice(-3_000)}`, {
      cause: error,
    });
  }
}

/**
 * The Playground sends «en-US» with every activity, as an English Teams client would. The demo
 * people are made to have chosen bokmål (what «språk bokmål» saves), so the flows read as a
 * Norwegian user sees them; someone with no choice gets English (the outsider test shows it).
 */
export async function demoPeopleChooseBokmal(db: Queryable): Promise<void> {
  await db.query(`UPDATE member SET preferred_locale = 'nb' WHERE tenant_id = $1`, [DEMO_TENANT_ID]);
}

/** The last bot card containing `text` (wait for it with `.waitFor({ timeout: UI_WAIT })`). */
export const botCard = (page: Page, text: string): Locator => page.locator(CARD).filter({ hasText: text }).last();
/** Every bot card containing `text`. */
export const cards = (page: Page, text: string): Locator => page.locator(CARD).filter({ hasText: text });

/** Types `text` into the message box and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator(MESSAGE_BOX).last().click({ timeout: UI_WAIT });
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A screenshot to test-results/<fileName>. */
export async function screenshot(page: Page, fileName: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(resultsDir, fileName), fullPage });
}

// ---------------------------------------------------------------------------------------------
// Clean-up
// ---------------------------------------------------------------------------------------------

export type CleanupStep = [what: string, step: (() => Promise<void>) | undefined];

/**
 * Runs every step even when an earlier one fails (no Playground or data dir is left behind);
 * the failures are reported together afterwards.
 */
export async function runCleanup(steps: CleanupStep[]): Promise<void> {
  const failures: Error[] = [];
  for (const [what, step] of steps) {
    await step?.().catch((err: unknown) => failures.push(new Error(`${what}: ${(err as Error).message}`, { cause: err })));
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, failures.map((f) => f.message).join('; '));
}
