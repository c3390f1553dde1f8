import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app/app.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { productionEnv } from '../helpers/production-env.js';
import { ingrid } from '../helpers/people.js';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { expectNoAxeViolations, resultsDir, tabSuite } from '../helpers/tab-suite.js';

describe.skipIf(!chromiumSuiteEnabled('tab.chromium'))('Teams tab in Chromium', () => {
  const suite = tabSuite('samlingspunkt-tab-');
  /** The same tab served by a production-mode app: outside Teams there is no way to sign in. */
  let prodApp: { url: string; close(): Promise<void> } | undefined;
  let prodDataDir: string | undefined;

  beforeAll(async () => {
    prodDataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-tab-prod-'));
    prodApp = await startApp({
      env: productionEnv({ PORT: '0', DATA_DIR: prodDataDir, SEED_DEMO: undefined, BOT_SERVICE_URL_ALLOWLIST: undefined }),
      logLevel: 'warn',
    });
  });

  afterAll(async () => {
    await prodApp?.close();
    if (prodDataDir) await rm(prodDataDir, { recursive: true, force: true });
  });

  /** A fresh context per test so a stored language or dev sign-in choice never leaks between tests. */
  async function open(query = '', baseUrl = suite.app.url): Promise<Page> {
    // A browser zone far from Oslo proves the plan is shown in Europe/Oslo regardless.
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' });
    await page.goto(`${baseUrl}/tab/${query}`);
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
    expect(rowText).toMatch(/kl\. \d{2}\.\d{2}–\d{2}\.\d{2}/);

    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-plan.png'), fullPage: true });
  });

  it('switches to English and back', async () => {
    const page = await openPlan();
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');

    await page.getByRole('columnheader', { name: 'Date and time' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const row = page.getByRole('row').filter({ hasText: 'Samling 1' }).first();
    // The shared catalogue's words, the same as on the cards.
    expect(await row.textContent()).toContain('Online in Teams');
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('nb');
    await page.getByRole('columnheader', { name: 'Dato og klokkeslett' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
  });

  it('opens in the language the person saved elsewhere, unless the link asks for one', async () => {
    // Ingrid (the first demo user, signed in by default) chose nynorsk in the bot or another browser.
    const save = (language: string | null) =>
      fetch(`${suite.app.url}/api/me/language`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ingrid.aadObjectId },
        body: JSON.stringify({ language }),
      });
    expect((await save('nn')).status).toBe(200);
    try {
      const page = await open();
      await page.waitForFunction(() => document.documentElement.lang === 'nn', undefined, { timeout: 20_000 });
      await page.getByRole('heading', { level: 2, name: /Komande aktivitetar/ }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Språk' }).inputValue()).toBe('nn');

      const forced = await open('?lang=en');
      await forced.getByRole('columnheader', { name: 'Date and time' }).first().waitFor({ timeout: 20_000 });
      expect(await forced.getAttribute('html', 'lang')).toBe('en');
    } finally {
      expect((await save(null)).status).toBe(200);
    }
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
    expect(await preview.getAttribute('href')).toBe(`${suite.app.url}/tab/?network=${encodeURIComponent(networkId!)}`);
    await expectNoAxeViolations(page);
  });
  it('signs in as a demo member in local mode and switches user with the picker', async () => {
    const page = await openPlan();
    const devHeaders: string[] = [];
    page.on('request', (req) => {
      const who = req.headers()['x-samlingspunkt-dev-user'];
      if (req.url().includes('/api/networks') && who) devHeaders.push(who);
    });

    const picker = page.getByRole('combobox', { name: 'Logget inn som' });
    expect(await picker.locator('option:checked').textContent()).toBe('Ingrid Haugen – fasilitator');
    // Everyone the demo has, in all its networks (the Playground's five among them).
    const devUsers = (await (await fetch(`${suite.app.url}/api/dev/users`)).json()) as { users: unknown[] };
    expect(devUsers.users.length).toBeGreaterThanOrEqual(5);
    expect(await picker.locator('option').count()).toBe(devUsers.users.length);
    await expectNoAxeViolations(page);

    const kari = await page.getByRole('option', { name: /^Kari Nordmann – deltaker/ }).getAttribute('value');
    await picker.selectOption(kari!);
    await page.getByRole('table').first().waitFor({ timeout: 20_000 });
    expect(devHeaders.at(-1)).toBe(kari);
    expect(await picker.locator('option:checked').textContent()).toMatch(/^Kari Nordmann – deltaker, \S/);
    await page.screenshot({ path: path.join(resultsDir, 'tab-dev-sign-in.png') });

    // Remembered across a reload, in this browser only.
    await page.reload();
    await page.getByRole('table').first().waitFor({ timeout: 20_000 });
    expect(await page.getByRole('combobox', { name: 'Logget inn som' }).inputValue()).toBe(kari);
  });

  it('shows the server’s Norwegian reason when the API refuses the caller', async () => {
    // A stale stored choice that is not a demo member falls back to the first fasilitator …
    const page = await suite.newPage({}, (context) => context.addInitScript(() => localStorage.setItem('samlingspunkt.devUser', 'ikke-en-bruker')));
    // … and a 401 from the API is shown with its own message.
    await page.route('**/api/networks', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'ikke-innlogget', message: 'Innloggingen har utløpt. Last inn fanen på nytt for å logge inn igjen.' } }),
      }),
    );
    await page.goto(`${suite.app.url}/tab/`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('Innloggingen har utløpt');
    expect(await page.getByRole('combobox', { name: 'Logget inn som' }).locator('option:checked').textContent()).toBe(
      'Ingrid Haugen – fasilitator',
    );
  });

  it('asks to open the app in Teams when a production server is opened in a plain browser', async () => {
    const page = await open('', prodApp?.url);
    const message = page.getByText('Åpne Samlingspunkt i Teams for å logge inn.');
    await message.waitFor({ timeout: 20_000 });
    expect(await page.getByRole('combobox', { name: 'Logget inn som' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-outside-teams.png') });
  });
});
