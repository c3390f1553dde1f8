/**
 * First run in the Microsoft 365 Agents Playground (issue 12): the app on an EMPTY database
 * (SEED_DEMO=false), Ingrid opens the Playground team's channel (the Playground installs the app
 * there: installationUpdate + conversationUpdate with the bot in membersAdded), gets the set-up
 * card, fills it in in the Playground's own card renderer with «Agder læringsnettverk» and five
 * Agder municipalities, and presses «Opprett nettverket» (Action.Execute). Then `plan` in that
 * channel answers with the new, empty plan.
 *
 * Then, as the Playground has no tab, Ingrid opens the channel tab of the same app in Chromium:
 * she builds a three-item plan from the seed-000 template, moves one samling a week and deletes
 * another, and the reminders follow (checked in the database after each step).
 *
 * Elsewhere: the tab's set-up form is tests/e2e/setup.chromium.test.ts;
 * refusals (NETWORK_CREATORS, Graph groups) and every bad input are tests/network-setup.test.ts,
 * over /api/messages.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/app.js';
import { DEMO_TEAM_ID } from '../../src/demo/demo.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import { ingrid } from '../helpers/people.js';
import { waitFor } from '../helpers/wait.js';
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
const SAMLING_1 = 'Samling 1 – Oppstartseminar';
const SAMLING_3 = 'Samling 3 – Digitale verktøy og prosessledelse';
const VEILEDNING_1 = 'Sentervis veiledning, økt 1';

// A Tuesday a couple of months ahead, whatever day the suite runs: the template's weekdays stay.
const start = (() => {
  let d = DateTime.now().setZone('Europe/Oslo').plus({ months: 2 }).startOf('day');
  while (d.weekday !== 2) d = d.plus({ days: 1 });
  return d;
})();

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

  /** Each plan item's planned reminders (send times), by title; cancelled ones are counted apart. */
  async function reminders(): Promise<{ planned: Record<string, string[]>; cancelled: Record<string, number> }> {
    const { rows } = await app!.db.query<{ title: string | null; subject_id: string; status: string; send_at: Date }>(
      `SELECT p.title, r.subject_id, r.status, r.send_at
         FROM reminder r LEFT JOIN plan_item p ON p.id = r.subject_id
        WHERE r.kind = 'plan-item' ORDER BY r.send_at`,
    );
    const planned: Record<string, string[]> = {};
    const cancelled: Record<string, number> = {};
    for (const r of rows) {
      const key = r.title ?? r.subject_id;
      if (r.status === 'planlagt') (planned[key] ??= []).push(new Date(r.send_at).toISOString());
      if (r.status === 'avlyst') cancelled[key] = (cancelled[key] ?? 0) + 1;
    }
    return { planned, cancelled };
  }

  it('in the channel tab, builds a three-item plan from the seed-000 template, moves one samling and deletes another: the reminders follow', async () => {
    if (!browser || !app) throw new Error('setup failed');
    const networkId = (await app.db.query<{ id: string }>(`SELECT id FROM network WHERE name = 'Agder læringsnettverk'`)).rows[0]?.id;
    expect(networkId).toBeDefined();
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    await context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), ingrid.aadObjectId);
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.url}/tab/?view=plan&network=${networkId}`);
    await page.getByRole('group', { name: 'Start en plan' }).waitFor({ timeout: UI_WAIT });
    const settled = () => page.waitForFunction(() => !document.querySelector('.fui-Spinner') && document.getAnimations().every((a) => a.playState !== 'running'));

    // From the template: six items previewed, three kept (samling 1, the first veiledning with a slot per municipality, samling 3).
    await page.getByRole('button', { name: 'Start fra mal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Dato for første aktivitet/ }).fill(start.toFormat('dd.MM.yyyy'));
    await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
    const preview = dialog.getByRole('region', { name: 'Forhåndsvisning' });
    await preview.waitFor({ timeout: UI_WAIT });
    for (const title of ['Sentervis veiledning, økt 2', 'Samling 2 – Metoder og verktøy', 'Mellomarbeid med sentervis veiledning']) {
      await preview.getByRole('checkbox', { name: new RegExp(`^Ta med ${title}`) }).uncheck();
    }
    await preview.getByText('3 aktiviteter blir lagt inn').waitFor();
    // The veiledning has a slot for each of the five municipalities, 1.5 hours each.
    const veiledning = preview.getByRole('row').filter({ hasText: VEILEDNING_1 });
    expect(await veiledning.textContent()).toContain('5 økter, én per kommune');
    for (const name of FIVE) expect(await veiledning.textContent()).toContain(name);
    await settled();
    await page.screenshot({ path: path.join(shots, 'walk-template-preview.png') });
    await dialog.getByRole('button', { name: 'Importer 3 aktiviteter' }).click();
    await dialog.getByText('3 aktiviteter er lagt inn i planen, med påminnelser.').waitFor({ timeout: UI_WAIT });
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    // Detached, not just hidden: until the dialog is gone the page behind it is aria-hidden.
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Rediger «${SAMLING_1}»` }).waitFor({ timeout: UI_WAIT });

    const titles = (await app.db.query<{ title: string }>(`SELECT title FROM plan_item WHERE network_id = $1 ORDER BY starts_at`, [networkId])).rows.map((r) => r.title);
    expect(titles).toEqual([SAMLING_1, VEILEDNING_1, SAMLING_3]);
    const imported = await reminders();
    // The day before at 09:00 and an hour before, for each.
    expect(Object.keys(imported.planned).sort()).toEqual([SAMLING_1, SAMLING_3, VEILEDNING_1].sort());
    for (const times of Object.values(imported.planned)) expect(times).toHaveLength(2);
    await settled();
    await page.screenshot({ path: path.join(shots, 'walk-plan-three-items.png'), fullPage: true });

    // Move samling 1 a week on: the consequences are shown before saving, and its reminders move with it.
    const week = start.plus({ weeks: 1 });
    await page.getByRole('button', { name: `Rediger «${SAMLING_1}»` }).click();
    await dialog.getByLabel('Dato').fill(week.toFormat('dd.MM.yyyy'));
    await dialog.getByRole('button', { name: 'Gå videre' }).click();
    const consequences = dialog.getByTestId('plan-consequences');
    await consequences.waitFor({ timeout: UI_WAIT });
    expect(await consequences.textContent()).toMatch(/2 påminnelser flyttes/);
    await settled();
    await page.screenshot({ path: path.join(shots, 'walk-move-preview.png') });
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'detached' });
    const moved = await waitFor(async () => {
      const r = await reminders();
      return r.planned[SAMLING_1]?.[0] !== imported.planned[SAMLING_1]![0] ? r : undefined;
    }, { what: 'samling 1 to be moved', timeoutMs: UI_WAIT });
    const plusWeek = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Oslo').plus({ weeks: 1 }).toUTC().toISO();
    expect(moved.planned[SAMLING_1]).toEqual(imported.planned[SAMLING_1]!.map(plusWeek));
    expect(moved.planned[SAMLING_3]).toEqual(imported.planned[SAMLING_3]);

    // Delete samling 3 after the confirmation: its reminders are cancelled, the others stay.
    await page.getByRole('button', { name: `Flere valg for «${SAMLING_3}»` }).click();
    await page.getByRole('menuitem', { name: 'Slett' }).click();
    const alert = page.getByRole('alertdialog');
    await alert.getByTestId('plan-consequences').waitFor({ timeout: UI_WAIT });
    expect(await alert.textContent()).toMatch(/2 påminnelser avlyses/);
    await settled();
    await page.screenshot({ path: path.join(shots, 'walk-delete-confirm.png') });
    await alert.getByRole('button', { name: 'Slett aktiviteten' }).click();
    await alert.waitFor({ state: 'detached' });
    const after = await waitFor(async () => {
      const r = await reminders();
      return r.planned[SAMLING_3] === undefined ? r : undefined;
    }, { what: 'samling 3 to be deleted', timeoutMs: UI_WAIT });
    expect(Object.values(after.cancelled).reduce((a, b) => a + b, 0)).toBe(2);
    expect(after.planned[SAMLING_1]).toEqual(moved.planned[SAMLING_1]);
    expect(after.planned[VEILEDNING_1]).toEqual(imported.planned[VEILEDNING_1]);
    await page.getByRole('button', { name: `Rediger «${SAMLING_3}»` }).waitFor({ state: 'detached' });
    await settled();
    await page.screenshot({ path: path.join(shots, 'walk-plan-after.png'), fullPage: true });
  }, 180_000);
});
