/**
 * The tab inside Teams, as far as a browser can show it without Teams (issue 14's harness): a
 * fake Teams host page embeds the channel tab and answers teams-js (initialize, getContext,
 * getAuthToken). The app runs in production mode, so the tab's requests carry the Teams SSO
 * token the host hands over, and the server checks it against a local Entra key set. The host's
 * theme and language are the tab's; a token Teams cannot give without consent shows the consent bar.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/app.js';
import { DEMO_TENANT_ID } from '../../src/demo/demo.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import { entraToken, LocalJwks } from '../helpers/entra.js';
import { serveFakeTeamsHost, type FakeHostOptions } from '../helpers/fake-teams-host.js';
import { ingrid } from '../helpers/people.js';
import { PRODUCTION_TENANT_ID, productionEnv } from '../helpers/production-env.js';
import { expectNoAxeViolations, repoRoot } from '../helpers/tab-suite.js';

const shots = path.join(repoRoot, 'docs', 'screenshots');

describe.skipIf(!chromiumSuiteEnabled('teams-host.chromium'))('the tab in a (fake) Teams host', () => {
  let jwks: LocalJwks;
  let app: RunningApp;
  let browser: Browser;
  let dataDir: string;
  let networkId = '';
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    jwks = await new LocalJwks().start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-teams-host-'));
    app = await startApp({
      env: productionEnv({
        PORT: '0',
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        ALLOWED_TENANT_IDS: `${PRODUCTION_TENANT_ID}, ${DEMO_TENANT_ID}`,
        SSO_JWKS_URL: jwks.url,
      }),
      logLevel: 'warn',
    });
    networkId = (await app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await jwks?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openInHost(options: Partial<FakeHostOptions> & { token: string }): Promise<{ page: Page; authorizations: string[] }> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const hostUrl = await serveFakeTeamsHost(context, app.url, {
      tabUrl: `${app.url}/tab/?network=${networkId}&view=plan`,
      tenantId: DEMO_TENANT_ID,
      userObjectId: ingrid.aadObjectId,
      loginHint: 'ingrid.haugen@usht-viken.no',
      ...options,
    });
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const authorizations: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/networks')) authorizations.push(r.headers()['authorization'] ?? '(none)');
    });
    await page.goto(hostUrl);
    return { page, authorizations };
  }

  it('takes the host’s theme and language, and signs in with the token Teams hands over', async () => {
    const token = await entraToken(jwks);
    const { page, authorizations } = await openInHost({ token, theme: 'dark', locale: 'nn-no' });
    const tab = page.frameLocator('#tab');
    await tab.getByRole('heading', { name: /Komande aktivitetar/ }).waitFor({ timeout: 30_000 });
    // Nynorsk from the host, and no local sign-in: this is Teams.
    expect(await tab.getByText('Lokal modus (demo)').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hostCalls: string[] }).hostCalls)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    expect(authorizations.length).toBeGreaterThan(0);
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${token}`]));
    // Teams' dark theme: the tab's page is dark (its background's luminance is low).
    const background = await tab.locator('body').evaluate((b) => getComputedStyle(b.querySelector('.fui-FluentProvider') ?? b).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(80);
    // axe follows the host page into the tab's frame.
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'teams-host-dark-nn.png') });
  });

  it('asks for consent when Teams cannot give a token without it', async () => {
    const { page } = await openInHost({ token: 'error:resourceRequiresConsent' });
    const tab = page.frameLocator('#tab');
    await tab.getByText('Samtykke trengs').waitFor({ timeout: 30_000 });
    await tab.getByRole('button', { name: 'Gi samtykke og prøv igjen' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'teams-host-consent.png') });
  });
});

