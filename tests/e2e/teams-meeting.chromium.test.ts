/**
 * «Opprett Teams-møte» in the plan editor (issue 14), in the fake Teams host: the app in
 * production mode with Entra and Graph faked on loopback (tests/helpers/fake-graph.ts), the
 * facilitator signed in with the token the host hands over. A failure shows the server's message
 * by the button; a success gives the item its «Bli med»-link and takes the button away.
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
import { FAKE_CLIENT_SECRET, FakeMicrosoft, trustInThisProcess } from '../helpers/fake-graph.js';
import { serveFakeTeamsHost } from '../helpers/fake-teams-host.js';
import { ingrid } from '../helpers/people.js';
import { productionEnv } from '../helpers/production-env.js';
import { expectNoAxeViolations, repoRoot } from '../helpers/tab-suite.js';

const shots = path.join(repoRoot, 'docs', 'screenshots');

describe.skipIf(!chromiumSuiteEnabled('teams-meeting.chromium'))('«Opprett Teams-møte» in the plan editor', () => {
  let jwks: LocalJwks;
  let fake: FakeMicrosoft;
  let restore: () => void = () => undefined;
  let app: RunningApp;
  let browser: Browser;
  let dataDir: string;
  let networkId = '';
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    jwks = await new LocalJwks().start();
    fake = await new FakeMicrosoft().start();
    restore = trustInThisProcess(fake);
    dataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-teams-meeting-'));
    app = await startApp({
      env: productionEnv({
        PORT: '0',
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        ALLOWED_TENANT_IDS: DEMO_TENANT_ID,
        SSO_JWKS_URL: jwks.url,
        AAD_APP_CLIENT_SECRET: FAKE_CLIENT_SECRET,
        GRAPH_BASE_URL: fake.graphUrl,
        GRAPH_AUTHORITY_URL: fake.authorityUrl,
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
    restore();
    await fake?.stop();
    await jwks?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openPlan(width: number, theme: 'default' | 'dark' | 'contrast' = 'default'): Promise<Page> {
    const token = await entraToken(jwks);
    fake.ssoTokens.add(token);
    context = await browser.newContext({ viewport: { width, height: 900 } });
    const hostUrl = await serveFakeTeamsHost(context, app.url, {
      tabUrl: `${app.url}/tab/?network=${networkId}&view=plan`,
      tenantId: DEMO_TENANT_ID,
      userObjectId: ingrid.aadObjectId,
      token,
      theme,
    });
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(hostUrl);
    return page;
  }

  it('shows Graph’s refusal by the button, then makes the meeting and shows its link', async () => {
    const page = await openPlan(1280);
    const tab = page.frameLocator('#tab');
    const buttons = tab.getByRole('button', { name: /^Opprett Teams-møte for «/ });
    await buttons.first().waitFor({ timeout: 30_000 });
    const name = (await buttons.first().getAttribute('aria-label'))!;
    const title = /«(.+)»$/.exec(name)![1]!;
    const button = tab.getByRole('button', { name, exact: true });

    fake.graphBehaviour = 500;
    await button.click();
    const alert = tab.getByRole('alert').filter({ hasText: 'Microsoft 365 svarte ikke som det skulle' });
    await alert.waitFor();
    expect(await button.isEnabled()).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'plan-teams-meeting-error.png') });

    fake.graphBehaviour = 'ok';
    await button.click();
    await tab.getByRole('link', { name: new RegExp(`Bli med i Teams-møtet.*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().waitFor();
    await button.waitFor({ state: 'detached' });
    expect(fake.eventCalls.at(-1)!.body.subject).toBe(title);
    const stored = await app.db.query<{ meeting_url: string }>(`SELECT meeting_url FROM plan_item WHERE network_id = $1 AND title = $2`, [networkId, title]);
    expect(stored.rows[0]!.meeting_url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    await expectNoAxeViolations(page);
  });

  it('keeps the button and its message usable at 320 px, in the dark and contrast themes', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const page = await openPlan(320, theme);
      const tab = page.frameLocator('#tab');
      const button = tab.getByRole('button', { name: /^Opprett Teams-møte for «/ }).first();
      await button.waitFor({ timeout: 30_000 });
      fake.tokenBehaviour = 'consent-required';
      await button.click();
      await tab.getByRole('alert').filter({ hasText: 'Gi samtykke' }).waitFor();
      fake.tokenBehaviour = 'ok';
      // Reflow: nothing wider than the frame.
      const overflow = await tab.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shots, `plan-teams-meeting-consent-${theme}-320.png`), fullPage: false });
      await context?.close();
      context = undefined;
    }
  });
});
