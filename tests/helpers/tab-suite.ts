/**
 * What every Chromium suite of the tab shares: the built tab, one local-mode app on a fresh
 * data dir, one browser, a fresh context per page, and no page errors. Call it inside the
 * `describe`; a suite's own `beforeAll` runs after this one, so `suite.app` is there.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/app.js';
import { launchChromium } from './chromium.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = path.join(repoRoot, 'test-results');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's WCAG 2.1 AA findings, one line each (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

export interface TabSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A page in a new context (the previous one is closed); `prepare` runs before the page opens. */
  newPage(options?: BrowserContextOptions, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page>;
  closePage(): Promise<void>;
}

export function tabSuite(dataDirPrefix: string): TabSuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist/tab/index.html'))) {
      throw new Error('dist/tab/index.html is missing: run `npm run build:tab` before this test');
    }
    browser = await launchChromium();
    await mkdir(resultsDir, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), dataDirPrefix));
    app = await startApp({ env: { APP_MODE: 'local', DATA_DIR: dataDir, PORT: '0' }, logLevel: 'warn' });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('setup failed');
    return value;
  };

  return {
    get app() {
      return ready(app);
    },
    get browser() {
      return ready(browser);
    },
    async newPage(options = {}, prepare) {
      await context?.close();
      context = await ready(browser).newContext(options);
      await prepare?.(context);
      const page = await context.newPage();
      pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      return page;
    },
    async closePage() {
      await context?.close();
      context = undefined;
    },
  };
}
