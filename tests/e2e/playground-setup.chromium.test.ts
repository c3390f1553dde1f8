/**
 * First run in the Microsoft 365 Agents Playground (issue 12): the app on an EMPTY database
 * (SEED_DEMO=false), Ingrid opens the Playground team's channel (the Playground installs the app
 * there: installationUpdate + conversationUpdate with the bot in membersAdded), gets the set-up
 * card, fills it in in the Playground's own card renderer with «Agder læringsnettverk» and five
 * Agder municipalities, and presses «Opprett nettverket» (Action.Execute). Then `plan` in that
 * channel answers with the new, empty plan.
 *
 * What the Playground cannot show (it has no tab): the tab's form is tests/e2e/setup.chromium.test.ts;
 * refusals (NETWORK_CREATORS, Graph groups) and every bad input are tests/network-setup.test.ts,
 * over /api/messages.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/app.js';
import { DEMO_TEAM_ID } from '../../src/demo/demo.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import {
  botCard,
  guardPage,
  openPlaygroundChat,
  PLAYGROUND_CONFIG,
  reportAborted,
  repoRoot,
  resultsDir,
  runCleanup,
  startPlayground,
  UI_WAIT,
  VIEWPORT,
  type Playground,
} from '../helpers/playground.js';

const shots = path.join(repoRoot, 'docs', 'screenshots');
const FIVE = ['Risør', 'Grimstad', 'Arendal', 'Kristiansand', 'Lindesnes'];
const SETUP_TITLE = /Sett opp læringsnettverket|Set up the learning network/;

describe.skipIf(!chromiumSuiteEnabled('playground-setup.chromium'))('setting up a network in the Agents Playground', () => {
  let app: RunningApp | undefined;
  let dataDir: string | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];
  const aborted = new Set<string>();

  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(resultsDir, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-playground-setup-'));
    app = await startApp({ env: { APP_MODE: 'local', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false' } });
    playground = await startPlayground('setup', `${app.url}/api/messages`, PLAYGROUND_CONFIG, 'setup');
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    reportAborted('playground-setup.chromium', aborted);
    await runCleanup([
      ['close Chromium', browser && (() => browser!.close())],
      [`stop ${playground?.url}`, playground?.stop],
      ['close the app', app && (() => app!.close())],
      ['remove the data dir', dataDir ? () => rm(dataDir!, { recursive: true, force: true }) : undefined],
    ]);
  }, 60_000);

  /** A choice in one of the card's drop-downs (the Playground renders ChoiceSets as Fluent comboboxes). */
  async function choose(page: Page, card: Locator, input: RegExp, option: string): Promise<void> {
    const box = card.getByRole('combobox', { name: input });
    await box.click({ timeout: UI_WAIT });
    await box.pressSequentially(option);
    // A multi-select lists its choices as menu items with a check (Fluent v9), a single one as options.
    await page.getByRole('option', { name: option, exact: true }).or(page.getByRole('menuitemcheckbox', { name: option, exact: true })).click({ timeout: UI_WAIT });
    await page.keyboard.press('Escape');
  }

  it('installs in the team, sets up Agder læringsnettverk from the card, makes Ingrid fasilitator and answers «plan»', async () => {
    if (!browser || !app || !playground) throw new Error('setup failed');
    expect((await app.db.query('SELECT 1 FROM network')).rows).toHaveLength(0);
    context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    pageErrors = [];
    await guardPage(page, aborted, (message) => pageErrors.push(message));
    await openPlaygroundChat(page, playground);

    // Opening the team's channel installs the app there.
    await page.getByText('General', { exact: true }).click({ timeout: UI_WAIT });
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: SETUP_TITLE }).first();
    await card.waitFor({ timeout: UI_WAIT });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'setup-card.png'), clip: (await card.boundingBox()) ?? undefined });

    const name = card.getByRole('textbox', { name: /Navn på nettverket|Network name/ });
    await name.click();
    // Typed, not filled: the Playground's renderer keeps the value from key events.
    await name.pressSequentially('Agder læringsnettverk');
    await choose(page, card, /Region/, 'Statsforvalteren i Agder');
    await choose(page, card, /Reform/, 'Bo trygt hjemme');
    await card.getByRole('checkbox', { name: 'USHT' }).check();
    await card.getByRole('checkbox', { name: 'Statsforvalteren' }).check();
    for (const name of FIVE) await choose(page, card, /Kommuner|Municipalities/, name);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'setup-card-filled.png'), clip: (await card.boundingBox()) ?? undefined });

    await card.getByRole('button', { name: /Opprett nettverket|Create the network/ }).click({ timeout: UI_WAIT });
    // Action.Execute: the answer card replaces the form in place.
    const done = botCard(page, 'Agder læringsnettverk');
    await done.filter({ hasText: /er opprettet|has been created/ }).waitFor({ timeout: UI_WAIT });
    expect(await done.innerText()).toMatch(/Agder · Bo trygt hjemme · 5 (kommuner|municipalities)/);
    await done.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'setup-card-confirmed.png'), clip: (await done.boundingBox()) ?? undefined });

    const { rows } = await app.db.query<{ name: string; team: string; role: string; person: string; n: number }>(
      `SELECT n.name, n.teams_team_id AS team, nm.role, m.display_name AS person,
              (SELECT count(*)::int FROM network_municipality x WHERE x.network_id = n.id) AS n
         FROM network n JOIN network_member nm ON nm.network_id = n.id JOIN member m ON m.id = nm.member_id`,
    );
    expect(rows).toEqual([{ name: 'Agder læringsnettverk', team: DEMO_TEAM_ID, role: 'fasilitator', person: 'Ingrid Haugen', n: 5 }]);

    // In the channel the bot hears @mentions only: «@Saml», pick Samlingspunkt, then the command.
    await page.locator('[data-lexical-editor="true"]').last().click({ timeout: UI_WAIT });
    await page.keyboard.type('@Saml');
    await page
      .getByRole('option', { name: /Samlingspunkt/ })
      .or(page.getByRole('menuitem', { name: /Samlingspunkt/ }))
      .first()
      .click({ timeout: UI_WAIT });
    await page.keyboard.type(' plan');
    await page.keyboard.press('Enter');
    const plan = botCard(page, 'Agder læringsnettverk').filter({ hasText: /Aktivitetsplan|Activity plan/ });
    await plan.waitFor({ timeout: UI_WAIT });
  }, 180_000);
});
