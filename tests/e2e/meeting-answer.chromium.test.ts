/**
 * The in-meeting notification's answer page (issue 14, item 5): `?view=answer&network=&poll=`
 * in Teams' content bubble (the fake Teams host with frameContext «task», 460 × 300 as the bubble
 * link asks), where Kari answers the one poll and the page closes the dialog through teams-js
 * (`dialog.url.submit`, which the host records as `tasks.completeTask`); the same page in a plain
 * browser for a closed and an unknown poll, with a clear message; axe clean in light, dark and
 * contrast, and no sideways scrolling at 320 px.
 *
 * Local mode with Teams SSO switched on (a local Entra key set), as the meeting suite runs it.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/demo/demo.js';
import { BUBBLE } from '../../src/meetings/notify.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import { entraToken, LocalJwks } from '../helpers/entra.js';
import { hostRecord, serveFakeTeamsHost } from '../helpers/fake-teams-host.js';
import { as, ingrid, kari } from '../helpers/people.js';
import { PRODUCTION_TAB_CLIENT_ID, PRODUCTION_TAB_DOMAIN } from '../helpers/production-env.js';
import { expectNoAxeViolations, repoRoot, resultsDir } from '../helpers/tab-suite.js';
import { waitFor } from '../helpers/wait.js';

const QUESTION = 'Hvor trygg er du på velferdsteknologi i din kommune?';
const THEMES = { light: 'default', dark: 'dark', contrast: 'contrast' } as const;

describe.skipIf(!chromiumSuiteEnabled('meeting-answer.chromium'))('the answer page of the in-meeting notification', () => {
  let jwks: LocalJwks;
  let t: TestApp;
  let browser: Browser;
  let networkId = '';
  let pollId = '';
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  const answerUrl = (poll: string) => `${t.url}/tab/?view=answer&network=${networkId}&poll=${poll}`;

  async function createPoll(question: string): Promise<string> {
    const item = (await t.app.db.query<{ id: string }>(`SELECT id FROM plan_item WHERE network_id = $1 AND kind = 'samling' ORDER BY starts_at LIMIT 1`, [networkId])).rows[0]!;
    const res = await t.post(`/api/networks/${networkId}/polls`, { question, kind: 'enkeltvalg', options: ['Lite trygg', 'Ganske trygg', 'Svært trygg'], planItemId: item.id }, as(ingrid));
    expect(res.status).toBe(201);
    return res.json.poll.id as string;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist/tab/index.html'))) throw new Error('dist/tab/index.html is missing: run `npm run build:tab` before this test');
    await mkdir(resultsDir, { recursive: true });
    jwks = await new LocalJwks().start();
    t = await startTestApp('pglite', {
      LOG_LEVEL: 'warn',
      AAD_APP_CLIENT_ID: PRODUCTION_TAB_CLIENT_ID,
      TAB_DOMAIN: PRODUCTION_TAB_DOMAIN,
      ALLOWED_TENANT_IDS: DEMO_TENANT_ID,
      SSO_JWKS_URL: jwks.url,
    });
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
    pollId = await createPoll(QUESTION);
    browser = await launchChromium();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
    await jwks?.stop();
  });

  /** Kari's Teams, showing the bubble: the tab's answer page in a dialog the size the link asks for. */
  async function inBubble(theme: keyof typeof THEMES): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: BUBBLE.width, height: BUBBLE.height } });
    contexts.push(context);
    const hostUrl = await serveFakeTeamsHost(context, t.url, {
      tabUrl: answerUrl(pollId),
      frameContext: 'task',
      theme: THEMES[theme],
      tenantId: DEMO_TENANT_ID,
      userObjectId: kari.aadObjectId,
      token: await entraToken(jwks, { claims: { oid: kari.aadObjectId, name: kari.displayName } }),
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(hostUrl);
    return page;
  }

  /** A plain browser, signed in locally as Kari (or whoever is given). */
  async function inBrowser(url: string, width = 1024, who: { aadObjectId: string } = kari): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    contexts.push(context);
    await context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), who.aadObjectId);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    return page;
  }

  it('lets Kari answer in the bubble, and closes the dialog once the answer is saved', async () => {
    const page = await inBubble('light');
    const tab = page.frameLocator('#tab');
    await tab.getByRole('group', { name: QUESTION }).waitFor({ timeout: 30_000 });
    // The one poll, no navigation.
    expect(await tab.getByRole('navigation').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'meeting-answer-bubble-light.png') });
    expect((await hostRecord(page)).submittedTasks).toEqual([]);

    await tab.getByRole('radio', { name: 'Ganske trygg' }).check();
    await tab.getByRole('button', { name: 'Send svar' }).click();
    await waitFor(async () => (await hostRecord(page)).submittedTasks.length === 1, { what: 'the dialog submitted' });
    const votes = await t.app.db.query<{ choices: number[] }>(`SELECT choices FROM poll_vote WHERE poll_id = $1`, [pollId]);
    expect(votes.rows).toEqual([{ choices: [1] }]);
  });

  for (const theme of ['dark', 'contrast'] as const) {
    it(`is axe clean in the ${theme} theme, with Kari's answer shown`, async () => {
      const page = await inBubble(theme);
      const tab = page.frameLocator('#tab');
      await tab.getByText('Ditt svar: Ganske trygg.').waitFor({ timeout: 30_000 });
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(resultsDir, `meeting-answer-bubble-${theme}.png`) });
    });
  }

  it('reflows at 320 px', async () => {
    const page = await inBrowser(answerUrl(pollId), 320);
    await page.getByRole('group', { name: QUESTION }).waitFor({ timeout: 30_000 });
    expect(await page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });

  it('offers «Åpne når Teams-møtet starter» in the poll form once a samling is chosen', async () => {
    const page = await inBrowser(`${t.url}/tab/?view=malinger`, 1024, ingrid);
    await page.getByRole('button', { name: 'Ny måling' }).click({ timeout: 30_000 });
    await page.getByRole('textbox', { name: 'Spørsmål' }).fill('Før samlingen: hvor står dere?');
    await page.getByRole('textbox', { name: /Alternativer/ }).fill('Godt i gang\nSå vidt begynt');
    const atStart = page.getByRole('checkbox', { name: 'Åpne når Teams-møtet starter' });
    expect(await atStart.count()).toBe(0);
    const item = page.getByRole('combobox', { name: 'Knytt til aktivitet i planen' });
    await item.selectOption({ index: 1 });
    await atStart.check();
    await expectNoAxeViolations(page);
    const box = (await atStart.boundingBox())!;
    await page.screenshot({ path: path.join(resultsDir, 'meeting-poll-form-at-start.png'), clip: { x: 0, y: Math.max(0, box.y - 90), width: 700, height: 200 } });
    await page.getByRole('button', { name: 'Opprett måling' }).click();
    await page.getByRole('heading', { level: 2, name: 'Før samlingen: hvor står dere?' }).waitFor({ timeout: 20_000 });
    const { rows } = await t.app.db.query<{ opens_at_meeting_start: boolean; planned: boolean }>(
      `SELECT opens_at_meeting_start, opens_at > now() AS planned FROM poll WHERE question = $1`,
      ['Før samlingen: hvor står dere?'],
    );
    expect(rows).toEqual([{ opens_at_meeting_start: true, planned: true }]);
  });

  it('says so when the poll is closed, or when there is no such poll', async () => {
    const closed = await createPoll('Denne er lukket');
    expect((await t.post(`/api/networks/${networkId}/polls/${closed}/close`, {}, as(ingrid))).status).toBe(200);
    const page = await inBrowser(answerUrl(closed));
    await page.getByRole('heading', { name: 'Målingen er lukket' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    const unknown = await inBrowser(answerUrl(randomUUID()));
    await unknown.getByRole('heading', { name: 'Fant ikke målingen' }).waitFor({ timeout: 30_000 });
    await unknown.screenshot({ path: path.join(resultsDir, 'meeting-answer-unknown.png') });
  });
});
