/**
 * The «Done when» of three features, end to end in the Microsoft 365 Agents Playground and the
 * tab, in Chromium: reminders (påminn nå / stopp påminnelser / påminnelser), reflection tasks and
 * mellomarbeid as a participant, and polls before and after in the group chat.
 *
 * Same set-up and rules as playground.chromium.test.ts (helpers in tests/helpers/playground.ts): the app
 * in-process in local mode, the Playground CLI as child processes on free ports (one with Ingrid,
 * fasilitator, from .m365agentsplayground.yml, one with Kari Nordmann, deltaker for Bærum, from
 * .m365agentsplayground.kari.yml), loopback only, every wait bounded. The tests share one app
 * and run in order: the poll test relies on Kari's 1:1 chat, stored when she types «hjelp».
 * Screenshots go to test-results/playground-flow-*.png, Playground logs to devTools/playground-e2e/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/app.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import {
  botCard,
  cards,
  guardPage,
  MESSAGE_BOX,
  demoPeopleChooseBokmal,
  openPlaygroundChat,
  PLAYGROUND_CONFIG,
  repoRoot,
  reportAborted,
  resultsDir,
  runCleanup,
  say,
  screenshot,
  START_WAIT,
  startPlayground,
  UI_WAIT,
  VIEWPORT,
  type CleanupStep,
  type Playground,
} from '../helpers/playground.js';

/** The same Playground with Kari Nordmann (deltaker, Bærum) as the current user. */
const KARI_CONFIG = path.join(repoRoot, '.m365agentsplayground.kari.yml');

const INGRID_AAD = '00000000-0000-4000-8000-000000000001';
const QUESTION = 'Hvordan vil Leve hele livet bidra til forandring i din kommune?';

describe.skipIf(!chromiumSuiteEnabled('playground-flows.chromium'))('reminders, reflections, mellomarbeid and polls in the Playground', () => {
  let app: RunningApp | undefined;
  let dataDir: string | undefined;
  let ingridPg: Playground | undefined;
  let kariPg: Playground | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let ingrid: Page | undefined;
  let kari: Page | undefined;
  let networkId = '';
  const pageErrors: string[] = [];
  const aborted = new Set<string>();

  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(resultsDir, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'samlingspunkt-playground-flows-'));
    app = await startApp({ env: { APP_MODE: 'local', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' } });
    await demoPeopleChooseBokmal(app.db);
    ingridPg = await startPlayground('ingrid', `${app.url}/api/messages`, PLAYGROUND_CONFIG, 'flows-ingrid');
    kariPg = await startPlayground('kari', `${app.url}/api/messages`, KARI_CONFIG, 'flows-kari');
    const networks = (await api('GET', '/api/networks')) as { networks: { id: string }[] };
    networkId = networks.networks[0]!.id;
  }, 180_000);

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    reportAborted('playground-flows.chromium', aborted);
    await runCleanup([
      ['close Chromium', browser && (() => browser!.close())],
      ...[kariPg, ingridPg].map((pg): CleanupStep => [`stop ${pg?.url}`, pg?.stop]),
      ['close the app', app && (() => app!.close())],
      ['remove the data dir', dataDir ? () => rm(dataDir!, { recursive: true, force: true }) : undefined],
    ]);
  }, 60_000);

  /** The tab API as Ingrid, with local mode's dev sign-in header. */
  async function api(method: string, route: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${app!.url}${route}`, {
      method,
      headers: { 'x-samlingspunkt-dev-user': INGRID_AAD, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(UI_WAIT),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  }

  async function newPage(): Promise<Page> {
    if (!browser) throw new Error('setup failed');
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    const page = await context.newPage();
    await guardPage(page, aborted, (message) => pageErrors.push(message));
    return page;
  }

  /** Opens a Playground and waits for the bot's welcome card; then «hjelp», so the bot stores the 1:1 chat. */
  async function openPlayground(pg: Playground): Promise<Page> {
    const page = await newPage();
    await openPlaygroundChat(page, pg);
    await say(page, 'hjelp');
    await botCard(page, 'Samlingspunkt – hjelp').waitFor({ timeout: UI_WAIT });
    return page;
  }

  /** The tab in Chromium, signed in as Ingrid (local mode's default: the first fasilitator). */
  async function openTab(view: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${app!.url}/tab/?view=${view}`, { timeout: START_WAIT });
    return page;
  }

  /** In a group chat the bot only hears @mentions: type «@Saml», pick Samlingspunkt, then the command. */
  async function mention(page: Page, command: string): Promise<void> {
    await page.locator(MESSAGE_BOX).last().click({ timeout: UI_WAIT });
    await page.keyboard.type('@Saml');
    // The Playground's mention picker (role option or menuitem, depending on its version).
    await page
      .getByRole('option', { name: /Samlingspunkt/ })
      .or(page.getByRole('menuitem', { name: /Samlingspunkt/ }))
      .first()
      .click({ timeout: UI_WAIT });
    await page.keyboard.type(` ${command}`);
    await page.keyboard.press('Enter');
  }

  async function shot(page: Page, name: string, fullPage = false): Promise<void> {
    await screenshot(page, `playground-flow-${name}.png`, fullPage);
  }

  it('reminders: «påminn nå» brings the card with the Teams link; after «stopp påminnelser» only the confirmation', async () => {
    ingrid = await openPlayground(ingridPg!);
    await say(ingrid, 'påminn nå');
    await botCard(ingrid, 'Påminnelse bestilt').waitFor({ timeout: UI_WAIT });
    const reminder = botCard(ingrid, 'Bli med i Teams-møtet');
    await reminder.waitFor({ timeout: UI_WAIT });
    const text = await reminder.innerText();
    expect(text).toContain('Samling 1 – Oppstartseminar');
    expect(text).toContain('Ikke påminn meg om dette');
    await reminder.scrollIntoViewIfNeeded();
    await shot(ingrid, 'reminder-card');

    await say(ingrid, 'stopp påminnelser');
    await botCard(ingrid, 'Påminnelser er slått av').waitFor({ timeout: UI_WAIT });
    await say(ingrid, 'påminn nå');
    await expect.poll(() => cards(ingrid!, 'Påminnelse bestilt').count(), { timeout: UI_WAIT }).toBe(2);
    // The report lists Ingrid as opted out of the second reminder once its recipients are frozen;
    // ask until it does, then no second reminder card may have come.
    await expect
      .poll(
        async () => {
          const before = await cards(ingrid!, 'Siste utsendinger').count();
          await say(ingrid!, 'påminnelser');
          await expect.poll(() => cards(ingrid!, 'Siste utsendinger').count(), { timeout: UI_WAIT }).toBe(before + 1);
          return botCard(ingrid!, 'Siste utsendinger').innerText();
        },
        { timeout: UI_WAIT, interval: 1_000 },
      )
      .toMatch(/Avmeldt \(1\)\s*Ingrid Haugen/);
    expect(await cards(ingrid, 'Bli med i Teams-møtet').count()).toBe(1);
    await botCard(ingrid, 'Siste utsendinger').scrollIntoViewIfNeeded();
    await shot(ingrid, 'reminder-report');

    await say(ingrid, 'start påminnelser');
    await botCard(ingrid, 'slått på').waitFor({ timeout: UI_WAIT });
  });

  it('reflections: Kari answers the task sent from the tab API, edits it, sees it under «mine refleksjoner»; the tab shows it', async () => {
    kari = await openPlayground(kariPg!);
    const { tasks } = (await api('GET', `/api/networks/${networkId}/reflections`)) as { tasks: { id: string; title: string }[] };
    const task = tasks.find((t) => t.title === 'Refleksjon etter oppstartseminaret');
    expect(task).toBeDefined();
    const sent = (await api('POST', `/api/networks/${networkId}/reflections/${task!.id}/send`, {})) as { delivery: { sent: number } };
    expect(sent.delivery.sent).toBeGreaterThanOrEqual(1);

    const card = botCard(kari, 'Refleksjon etter oppstartseminaret');
    await card.waitFor({ timeout: UI_WAIT });
    const answers = card.getByRole('textbox');
    await expect.poll(() => answers.count(), { timeout: UI_WAIT }).toBe(3);
    // By keyboard only (issue 11's walk): into the first answer, Tab to each next one, Tab to
    // «Send svar», Enter. Focus is checked at every step.
    const focused = (target: typeof answers) => target.evaluate((el) => el === document.activeElement);
    await answers.nth(0).focus();
    for (let i = 0; i < 3; i++) {
      expect(await focused(answers.nth(i)), `focus on answer ${i + 1}`).toBe(true);
      await kari.keyboard.type(`Svar ${i + 1} fra Kari`);
      await kari.keyboard.press('Tab');
    }
    const send = card.getByRole('button', { name: 'Send svar' });
    await expect.poll(() => focused(send), { timeout: UI_WAIT, message: 'focus on «Send svar» after the last answer' }).toBe(true);
    await kari.keyboard.press('Enter');
    // Action.Execute: the card is replaced in place, with the answers filled in.
    const saved = botCard(kari, 'Svaret er lagret');
    await saved.waitFor({ timeout: UI_WAIT });
    expect(await saved.getByRole('textbox').first().inputValue()).toBe('Svar 1 fra Kari');
    await saved.getByRole('textbox').first().fill('Endret svar 1 fra Kari');
    await saved.getByRole('button', { name: 'Oppdater svaret' }).click({ timeout: UI_WAIT });
    await expect
      .poll(async () => JSON.stringify(await api('GET', `/api/networks/${networkId}/reflections/${task!.id}/summary`)), { timeout: UI_WAIT })
      .toContain('Endret svar 1 fra Kari');
    await saved.scrollIntoViewIfNeeded();
    await shot(kari, 'reflection-answered');

    await say(kari, 'mine refleksjoner');
    // «Mine refleksjoner» alone would also match the help card (hasText ignores case).
    const mine = botCard(kari, 'Se og endre svaret');
    await mine.waitFor({ timeout: UI_WAIT });
    expect(await mine.innerText()).toContain('Endret svar 1 fra Kari');
    await mine.scrollIntoViewIfNeeded();
    await shot(kari, 'reflection-mine');

    const tab = await openTab('nettverk');
    const summary = tab.locator('section, article, div').filter({ hasText: 'Refleksjon etter oppstartseminaret' }).filter({ hasText: 'Endret svar 1 fra Kari' }).last();
    await summary.waitFor({ timeout: UI_WAIT });
    expect(await summary.innerText()).toContain('Bærum');
    await shot(tab, 'tab-reflections', true);
  });

  it('mellomarbeid: Kari moves Bærum to påbegynt, then levert; the tab matrix shows «Levert»', async () => {
    if (!kari) throw new Error('the reflections test did not open Kari\'s Playground');
    await say(kari, 'mellomarbeid');
    const card = botCard(kari, 'Marker som påbegynt');
    await card.waitFor({ timeout: UI_WAIT });
    expect(await card.innerText()).toContain('Status: Ikke startet');
    await card.getByRole('button', { name: 'Marker som påbegynt' }).click({ timeout: UI_WAIT });
    const started = botCard(kari, 'Status: Påbegynt');
    await started.getByRole('button', { name: 'Lever', exact: true }).waitFor({ timeout: UI_WAIT });
    await started.getByRole('textbox').first().fill('Bærum har kartlagt utfordringsbildet og forankret arbeidet.');
    await started.getByRole('button', { name: 'Lever', exact: true }).click({ timeout: UI_WAIT });
    const delivered = botCard(kari, 'Lagret. Status: Levert.');
    await delivered.waitFor({ timeout: UI_WAIT });
    await delivered.scrollIntoViewIfNeeded();
    await shot(kari, 'mellomarbeid-levert');

    const tab = await openTab('nettverk');
    const row = tab.getByRole('row').filter({ hasText: 'Bærum' }).filter({ hasText: 'Levert' });
    await row.first().waitFor({ timeout: UI_WAIT });
    await tab.getByText('1 av 6 levert').first().waitFor({ timeout: UI_WAIT });
    await shot(tab, 'tab-mellomarbeid', true);
  });

  it('polls: «ny måling» in the group chat, Ingrid and Kari vote, «gjenta måling», the tab compares before and after', async () => {
    if (!ingrid || !kari) throw new Error('the earlier tests did not open both Playgrounds');
    await ingrid.getByText('Kommunegruppe Asker, Bærum og Drammen').first().click({ timeout: UI_WAIT });
    // The group chat is open when the personal chat's cards are gone.
    await expect.poll(() => cards(ingrid!, 'Påminnelse bestilt').count(), { timeout: UI_WAIT }).toBe(0);
    await mention(ingrid, 'ny måling');
    const form = botCard(ingrid, 'Opprett og publiser her');
    await form.waitFor({ timeout: UI_WAIT });
    await form.getByRole('textbox', { name: /^Spørsmål/ }).fill(QUESTION);
    await form.getByRole('textbox', { name: /^Alternativer/ }).fill('I stor grad\nI noen grad\nI liten grad');
    await form.getByRole('checkbox', { name: /Send også 1:1/ }).check({ timeout: UI_WAIT });
    await form.scrollIntoViewIfNeeded();
    await shot(ingrid, 'poll-form');
    await form.getByRole('button', { name: 'Opprett og publiser her' }).click({ timeout: UI_WAIT });

    const poll = botCard(ingrid, 'Meningsmåling');
    await poll.getByRole('button', { name: 'Send svar' }).waitFor({ timeout: UI_WAIT });
    await poll.getByRole('radio', { name: 'I stor grad' }).check({ timeout: UI_WAIT });
    await poll.getByRole('button', { name: 'Send svar' }).click({ timeout: UI_WAIT });
    await expect.poll(() => botCard(ingrid!, 'Meningsmåling').innerText(), { timeout: UI_WAIT }).toContain('Åpen · 1 svar');

    // Kari got the poll in her 1:1 chat («Send også 1:1»); her own view after voting.
    const kariPoll = botCard(kari, QUESTION);
    await kariPoll.getByRole('button', { name: 'Send svar' }).waitFor({ timeout: UI_WAIT });
    await kariPoll.getByRole('radio', { name: 'I noen grad' }).check({ timeout: UI_WAIT });
    await kariPoll.getByRole('button', { name: 'Send svar' }).click({ timeout: UI_WAIT });
    const kariView = botCard(kari, 'Ditt svar');
    await kariView.waitFor({ timeout: UI_WAIT });
    expect(await kariView.innerText()).toMatch(/Ditt svar:\s*I noen grad/);
    expect(await kariView.innerText()).toContain('2 svar');
    await kariView.scrollIntoViewIfNeeded();
    await shot(kari, 'poll-kari-voted');

    // The shared card in the group chat is updated in place with the count.
    await expect.poll(() => botCard(ingrid!, 'Meningsmåling').innerText(), { timeout: UI_WAIT }).toContain('Åpen · 2 svar');
    await shot(ingrid, 'poll-group-two-votes');

    await mention(ingrid, 'gjenta måling');
    const repeat = botCard(ingrid, 'Opprett ettermåling');
    await repeat.getByRole('button', { name: 'Opprett ettermåling' }).click({ timeout: UI_WAIT });
    const after = botCard(ingrid, 'Ettermåling ·');
    await after.getByRole('button', { name: 'Send svar' }).waitFor({ timeout: UI_WAIT });
    await expect.poll(() => cards(ingrid!, 'Lukket · 2 svar').count(), { timeout: UI_WAIT }).toBeGreaterThanOrEqual(1);
    await after.getByRole('radio', { name: 'I liten grad' }).check({ timeout: UI_WAIT });
    await after.getByRole('button', { name: 'Send svar' }).click({ timeout: UI_WAIT });
    await expect.poll(() => botCard(ingrid!, 'Ettermåling ·').innerText(), { timeout: UI_WAIT }).toContain('Åpen · 1 svar');
    await shot(ingrid, 'poll-after');

    const tab = await openTab('malinger');
    await tab.getByText('Før og etter').first().waitFor({ timeout: UI_WAIT });
    const body = await tab.locator('body').innerText();
    expect(body).toMatch(/Før:.*2 svar/);
    expect(body).toMatch(/Etter:.*1 svar/);
    expect(body).toContain('pp');
    await tab.getByText('Før og etter').first().scrollIntoViewIfNeeded();
    await shot(tab, 'tab-polls', true);
  });
});
