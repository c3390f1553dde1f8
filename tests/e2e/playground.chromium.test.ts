/**
 * The bot end to end in the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground,
 * offline): the app runs in-process in local mode, the Playground CLI runs as a child process
 * pointed at it, and Debian's Chromium drives the Playground's web UI like a person would.
 *
 * - The Playground may only reach loopback: every other request (it tries Segoe UI fonts and an
 *   animation worklet from res-1.cdn.office.net) is aborted and listed once at the end.
 * - The Playground has no way to switch user in its UI. Its current user comes from the config
 *   file, so the onboarding test starts a second Playground with a config derived from
 *   .m365agentsplayground.yml in which the one non-member (Nils) is the current user.
 * - Its files (logs, the derived config) go to devTools/playground-e2e/ (gitignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { demoMembers } from '../../src/domain/demo.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = path.join(repoRoot, 'test-results');
const playgroundDir = path.join(repoRoot, 'devTools', 'playground-e2e');
const PLAYGROUND_CLI = path.join(repoRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const PLAYGROUND_CONFIG = path.join(repoRoot, '.m365agentsplayground.yml');

/** Longest single wait for the UI (a bot reply, a card); start-up waits get START_WAIT. */
const UI_WAIT = 30_000;
const START_WAIT = 60_000;

/** The Playground's message box (Lexical editor). */
const MESSAGE_BOX = '[data-lexical-editor="true"]';
/** Every Adaptive Card the Playground renders (the Adaptive Cards JS renderer's root class). */
const CARD = '.ac-adaptiveCard';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

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

interface Playground {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startPlayground(label: string, endpoint: string, configPath: string): Promise<Playground> {
  if (!existsSync(PLAYGROUND_CLI)) {
    throw new Error(`${PLAYGROUND_CLI} is missing: run \`npm install\` (devDependency @microsoft/m365agentsplayground)`);
  }
  await mkdir(playgroundDir, { recursive: true });
  const logFile = path.join(playgroundDir, `${label}.log`);
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
    const deadline = Date.now() + START_WAIT;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error('the Playground exited after listening');
      const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${START_WAIT / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
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
// A Playground config with another current user
// ---------------------------------------------------------------------------------------------

type Fields = [key: string, rawValue: string][];
const FIELD = /^\s*(?:-\s+)?([A-Za-z]\w*):\s*(.*?)\s*$/;
const unquote = (raw: string) => raw.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
const field = (fields: Fields, key: string) => unquote(fields.find(([k]) => k === key)?.[1] ?? '');

/**
 * .m365agentsplayground.yml with its one non-member (a user whose aadObjectId is not among the
 * demo members) as the current user, the old current user among `users`, and a personal chat
 * of its own. A line-based rewrite of the few top-level blocks the file has (no YAML library in
 * the project); everything else is copied as it is.
 */
function configWithOutsiderAsCurrentUser(yaml: string, memberAadObjectIds: readonly string[]) {
  const sections: { key: string | undefined; lines: string[] }[] = [{ key: undefined, lines: [] }];
  for (const line of yaml.split('\n')) {
    const top = /^([A-Za-z]\w*):/.exec(line);
    if (top) sections.push({ key: top[1], lines: [line] });
    else sections.at(-1)!.lines.push(line);
  }
  const section = (key: string) => {
    const found = sections.find((s) => s.key === key);
    if (!found) throw new Error(`${PLAYGROUND_CONFIG} has no top-level "${key}:"`);
    return found;
  };
  const current: Fields = section('currentUser')
    .lines.slice(1)
    .flatMap((line) => (FIELD.test(line) ? [FIELD.exec(line)!.slice(1, 3) as [string, string]] : []));
  const users: Fields[] = [];
  for (const line of section('users').lines.slice(1)) {
    const match = FIELD.exec(line);
    if (!match) continue;
    if (/^\s*-\s/.test(line)) users.push([]);
    users.at(-1)?.push([match[1]!, match[2]!]);
  }
  const members = new Set(memberAadObjectIds.map((id) => id.toLowerCase()));
  const outsiders = users.filter((u) => !members.has(field(u, 'aadObjectId').toLowerCase()));
  if (outsiders.length !== 1) {
    throw new Error(`expected exactly one non-member in ${PLAYGROUND_CONFIG} users, found ${outsiders.length}`);
  }
  const outsider = outsiders[0]!;

  section('currentUser').lines = ['currentUser:', ...outsider.map(([k, v]) => `  ${k}: ${v}`)];
  section('users').lines = [
    'users:',
    ...[current, ...users.filter((u) => u !== outsider)].flatMap((u) => u.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`)),
  ];
  const personal = section('personalChat');
  personal.lines = personal.lines.map((line) => line.replace(/^(\s+id:\s*).*$/, '$1"a:samlingspunkt-e2e-ny-bruker"'));

  const header = `# Generated by tests/e2e/playground.chromium.test.ts from .m365agentsplayground.yml: ${field(outsider, 'name')} is the current user.`;
  return {
    yaml: [header, ...sections.flatMap((s) => s.lines)].join('\n'),
    outsider: { name: field(outsider, 'name'), aadObjectId: field(outsider, 'aadObjectId') },
  };
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

describe.skipIf(!chromiumSuiteEnabled('playground.chromium'))('the bot in the Microsoft 365 Agents Playground', () => {
  let app: RunningApp | undefined;
  let dataDir: string | undefined;
  let playground: Playground | undefined;
  const extraPlaygrounds: Playground[] = [];
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];
  const aborted = new Set<string>();

  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(resultsDir, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-playground-'));
    // PORT 0: the OS picks a free port; app.url has it.
    app = await startApp({ env: { APP_MODE: 'local', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' } });
    playground = await startPlayground('fasilitator', `${app.url}/api/messages`, PLAYGROUND_CONFIG);
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    if (aborted.size > 0) {
      console.info(`playground.chromium: aborted ${aborted.size} non-loopback request(s):\n  ${[...aborted].sort().join('\n  ')}`);
    }
    // Every step runs even when an earlier one fails (no Playground or data dir is left behind);
    // the failures are reported together afterwards.
    const steps: [string, (() => Promise<void>) | undefined][] = [
      ['close Chromium', browser && (() => browser!.close())],
      ...[...extraPlaygrounds, playground].map((pg): [string, (() => Promise<void>) | undefined] => [`stop ${pg?.url}`, pg?.stop]),
      ['close the app', app && (() => app!.close())],
      ['remove the data dir', dataDir ? () => rm(dataDir!, { recursive: true, force: true }) : undefined],
    ];
    const failures: Error[] = [];
    for (const [what, step] of steps) {
      await step?.().catch((err: unknown) => failures.push(new Error(`${what}: ${(err as Error).message}`, { cause: err })));
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, failures.map((f) => f.message).join('; '));
  }, 60_000);

  /** Opens the Playground and waits for the bot's welcome card: the bot is connected. */
  async function open(pg: Playground): Promise<Page> {
    if (!browser) throw new Error('setup failed');
    // Tall, so a whole plan card fits on a screenshot (the chat scrolls inside the page).
    context = await browser.newContext({ viewport: { width: 1400, height: 2000 } });
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (!url.protocol.startsWith('http') || LOOPBACK_HOSTS.has(url.hostname)) return route.continue();
      aborted.add(`${url.origin}${url.pathname}`);
      return route.abort('blockedbyclient');
    });
    await page.goto(pg.url, { timeout: START_WAIT });
    try {
      await botCard(page, 'Velkommen til Samlingspunkt').waitFor({ timeout: UI_WAIT });
    } catch (error) {
      const log = await readFile(pg.logFile, 'utf8').catch(() => '');
      throw new Error(`The bot's welcome card did not show in the Playground; ${pg.logFile} ends with:\n${log.slice(-3_000)}`, {
        cause: error,
      });
    }
    return page;
  }

  const botCard = (page: Page, text: string): Locator => page.locator(CARD).filter({ hasText: text }).last();

  async function say(page: Page, text: string): Promise<void> {
    await page.locator(MESSAGE_BOX).last().click({ timeout: UI_WAIT });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('answers «plan» with the activity plan as a readable Adaptive Card table', async () => {
    const page = await open(playground!);
    await say(page, 'plan');

    const card = botCard(page, 'Aktivitetsplan – USHT Viken');
    await card.waitFor({ timeout: UI_WAIT });
    const text = await card.innerText();
    expect(text).toContain('Samling 1 – Oppstartseminar');
    expect(text).toContain('Digitalt i Teams');
    // Rendered as a Table (not its fallback Container): the session and its format share a row.
    const row = card.getByRole('row').filter({ hasText: 'Samling 1 – Oppstartseminar' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Digitalt i Teams');
    expect(await card.getByRole('columnheader').count()).toBeGreaterThanOrEqual(4);

    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'playground-plan.png') });
  });

  it('answers «hjelp» and unknown text with the help card', async () => {
    const page = await open(playground!);
    await say(page, 'hjelp');
    const help = botCard(page, 'Samlingspunkt – hjelp');
    await help.waitFor({ timeout: UI_WAIT });
    expect(await help.innerText()).toMatch(/plan\s+Vis aktivitetsplanen/);

    await say(page, 'blåbærsyltetøy?');
    const unknown = botCard(page, 'Jeg forsto ikke «blåbærsyltetøy?»');
    await unknown.waitFor({ timeout: UI_WAIT });
    expect(await unknown.innerText()).toContain('Dette kan jeg hjelpe med');
    await page.screenshot({ path: path.join(resultsDir, 'playground-help.png') });
  });

  it('lets a non-member register with the onboarding card (Action.Execute), then shows the plan', async () => {
    if (!app) throw new Error('setup failed');
    const derived = configWithOutsiderAsCurrentUser(
      await readFile(PLAYGROUND_CONFIG, 'utf8'),
      demoMembers.map((m) => m.aadObjectId),
    );
    const configPath = path.join(playgroundDir, 'outsider.m365agentsplayground.yml');
    await mkdir(playgroundDir, { recursive: true });
    await writeFile(configPath, derived.yaml);
    const outsiderPlayground = await startPlayground('outsider', `${app.url}/api/messages`, configPath);
    extraPlaygrounds.push(outsiderPlayground);

    const page = await open(outsiderPlayground);
    await page.getByText(derived.outsider.name, { exact: true }).first().waitFor({ timeout: UI_WAIT });
    await say(page, 'plan');

    const onboarding = botCard(page, 'Registrer meg');
    await onboarding.waitFor({ timeout: UI_WAIT });
    expect(await onboarding.innerText()).toContain('Velkommen til USHT Viken');
    await onboarding.getByRole('combobox', { name: /kommune/i }).click({ timeout: UI_WAIT });
    await page.getByRole('option', { name: 'Asker', exact: true }).click({ timeout: UI_WAIT });
    await onboarding.getByRole('combobox', { name: /sektor/i }).click({ timeout: UI_WAIT });
    await page.getByRole('option', { name: 'Helse og omsorg', exact: true }).click({ timeout: UI_WAIT });
    await onboarding.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'playground-onboarding.png') });

    await onboarding.getByRole('button', { name: 'Registrer meg' }).click({ timeout: UI_WAIT });
    // Action.Execute: the bot's invoke response replaces the card in place.
    const registered = botCard(page, 'Du er registrert');
    await registered.waitFor({ timeout: UI_WAIT });
    const registeredText = await registered.innerText();
    expect(registeredText).toContain('Asker');
    expect(registeredText).toContain('helse og omsorg');

    // Now a member: «plan» gives the plan instead of the onboarding card.
    await say(page, 'plan');
    const plan = botCard(page, 'Aktivitetsplan – USHT Viken');
    await plan.waitFor({ timeout: UI_WAIT });
    expect(await plan.innerText()).toContain('Samling 1 – Oppstartseminar');
    await registered.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'playground-registered.png') });
  });
});
