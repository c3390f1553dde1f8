import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = path.join(repoRoot, 'test-results');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

describe.skipIf(!chromiumSuiteEnabled('tab.chromium'))('Teams tab in Chromium', () => {
  let app: { url: string; close(): Promise<void> } | undefined;
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
    dataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-tab-'));
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

  /** A fresh context per test so a stored language choice never leaks between tests. */
  async function open(query = ''): Promise<Page> {
    if (!browser || !app) throw new Error('setup failed');
    // A browser zone far from Oslo proves the plan is shown in Europe/Oslo regardless.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/tab/${query}`);
    return page;
  }

  async function openPlan(query = ''): Promise<Page> {
    const page = await open(query);
    await page.getByRole('table').first().waitFor({ timeout: 20_000 });
    return page;
  }

  it('shows the demo network’s activity plan in bokmål, without axe violations', async () => {
    const page = await openPlan();

    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('USHT Viken');
    for (const name of ['Dato og klokkeslett', 'Hva', 'Format', 'Ansvar']) {
      expect(await page.getByRole('columnheader', { name }).count()).toBeGreaterThan(0);
    }
    const row = page.getByRole('row').filter({ hasText: 'Samling 1' }).first();
    const rowText = await row.textContent();
    expect(rowText).toContain('Digitalt i Teams');
    expect(rowText).toMatch(/kl\. \d{2}:\d{2}–\d{2}:\d{2}/);

    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-plan.png'), fullPage: true });
  });

  it('switches to English and back', async () => {
    const page = await openPlan();
    await page.getByRole('button', { name: 'Switch to English' }).click();

    await page.getByRole('columnheader', { name: 'Date and time' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const row = page.getByRole('row').filter({ hasText: 'Samling 1' }).first();
    expect(await row.textContent()).toContain('Digital in Teams');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Bytt til norsk' }).click();
    await page.getByRole('columnheader', { name: 'Dato og klokkeslett' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
  });

  it('renders the dark theme accessibly', async () => {
    const page = await openPlan('?theme=dark');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-plan-dark.png'), fullPage: true });
  });

  it('offers the networks on the channel-tab configuration page', async () => {
    const page = await open('?view=config');
    const select = page.getByRole('combobox', { name: /Læringsnettverk/ });
    await select.waitFor({ timeout: 20_000 });
    const option = page.getByRole('option', { name: /USHT Viken/ });
    const networkId = await option.getAttribute('value');
    expect(networkId).toBeTruthy();

    await select.selectOption(networkId!);
    // Outside Teams there is no save button, so the page links to the plan it would bind.
    const preview = page.getByRole('link', { name: /USHT Viken/ });
    expect(await preview.getAttribute('href')).toBe(`${app!.url}/tab/?network=${encodeURIComponent(networkId!)}`);
    await expectNoAxeViolations(page);
  });
});
