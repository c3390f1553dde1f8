/**
 * The seminar itself (issue 14's «Done when»), as one walk on the demo data in a (fake) Teams
 * host: Ingrid, the facilitator, opens the side panel of the demo's Samling 1 (the meeting chat
 * its Teams link names) and opens its «før» poll; Kari and Ola answer from their own side panels
 * (own browsers, own SSO tokens); Ingrid's live results show both answers and she shares them to
 * the stage, which the host records; the stage, loaded as Teams loads it, shows the results; a
 * replayed meeting (start, the two joining, end) over /api/messages closes the poll and records
 * attendance, which Per, the region's coordinator, sees by sector in the region overview. Then
 * the after-poll and its shift, side by side on the stage. axe clean in light, dark and
 * contrast, keyboard reachable, and the side panel reflows at 320 px.
 *
 * The app runs in local mode with Teams SSO switched on (a local Entra key set): the tab in the
 * host signs in with the token the host hands over, bot events need no channel token, and Per
 * uses the dev sign-in in a plain browser.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, demoMeetingThread, demoMeetingUrl } from '../../src/demo/demo.js';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import { testClock } from '../helpers/clock.js';
import { entraToken, LocalJwks } from '../helpers/entra.js';
import { hostRecord, serveFakeTeamsHost, type FakeHostOptions } from '../helpers/fake-teams-host.js';
import { meetingEnd, meetingStart, participantsJoin, type MeetingRef } from '../helpers/meeting-events.js';
import { ingrid, kari, ola, per } from '../helpers/people.js';
import { PRODUCTION_TAB_CLIENT_ID, PRODUCTION_TAB_DOMAIN } from '../helpers/production-env.js';
import { expectNoAxeViolations, repoRoot } from '../helpers/tab-suite.js';

const shots = path.join(repoRoot, 'docs', 'screenshots');
const QUESTION = 'Hvordan vil Leve hele livet bidra til forandring i din kommune?';
const THEMES = { light: 'default', dark: 'dark', contrast: 'contrast' } as const;
type Person = { aadObjectId: string; displayName: string };

describe.skipIf(!chromiumSuiteEnabled('meeting.chromium'))('the samling in its Teams meeting (side panel, stage, meeting events)', () => {
  let jwks: LocalJwks;
  let t: TestApp;
  let browser: Browser;
  let networkId = '';
  let samling: { id: string; title: string; startsAt: Date; endsAt: Date };
  let pollId = '';
  let stageUrl = '';
  const thread = demoMeetingThread('samling-1');
  let meeting: MeetingRef;
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];
  // The app's clock: the seminar happens now, the replayed meeting at Samling 1's own time (days ahead).
  const clock = testClock();

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => t.app.db.query<T>(sql, params).then((r) => r.rows);
  const api = async (method: string, url: string, who: { aadObjectId: string }) => {
    const res = await fetch(t.url + url, { method, headers: { [DEV_USER_HEADER]: who.aadObjectId } });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist/tab/index.html'))) throw new Error('dist/tab/index.html is missing: run `npm run build:tab` before this test');
    await mkdir(shots, { recursive: true });
    jwks = await new LocalJwks().start();
    t = await startTestApp('pglite', {
      LOG_LEVEL: 'warn',
      AAD_APP_CLIENT_ID: PRODUCTION_TAB_CLIENT_ID,
      TAB_DOMAIN: PRODUCTION_TAB_DOMAIN,
      ALLOWED_TENANT_IDS: DEMO_TENANT_ID,
      SSO_JWKS_URL: jwks.url,
    }, { now: clock.now });
    networkId = (await db<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`))[0]!.id;
    const items = await db<{ id: string; title: string; starts_at: Date; ends_at: Date }>(
      `SELECT id, title, starts_at, ends_at FROM plan_item WHERE network_id = $1 AND meeting_url = $2`,
      [networkId, demoMeetingUrl('samling-1', ingrid.aadObjectId)],
    );
    expect(items).toHaveLength(1);
    samling = { id: items[0]!.id, title: items[0]!.title, startsAt: new Date(items[0]!.starts_at), endsAt: new Date(items[0]!.ends_at) };
    meeting = {
      serviceUrl: t.connector.url,
      chatId: thread,
      meetingId: Buffer.from(`0#${thread}#0`).toString('base64'),
      joinUrl: demoMeetingUrl('samling-1', ingrid.aadObjectId),
      organizerAadObjectId: ingrid.aadObjectId,
    };
    browser = await launchChromium();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
    await jwks?.stop();
  });

  /** A person's own browser with the tab in the fake Teams host, signed in with their own token. */
  async function inHost(who: Person, options: Omit<Partial<FakeHostOptions>, 'theme'> & { width?: number; height?: number; theme?: keyof typeof THEMES } = {}): Promise<{ page: Page; tab: FrameLocator }> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 320, height: options.height ?? 900 } });
    contexts.push(context);
    const token = await entraToken(jwks, { claims: { oid: who.aadObjectId, name: who.displayName } });
    const hostUrl = await serveFakeTeamsHost(context, t.url, {
      tabUrl: `${t.url}/tab/?view=meeting`,
      frameContext: 'sidePanel',
      tenantId: DEMO_TENANT_ID,
      userObjectId: who.aadObjectId,
      chatId: thread,
      meetingId: meeting.meetingId,
      token,
      ...options,
      theme: THEMES[options.theme ?? 'light'],
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${who.displayName}: ${e.message}`));
    await page.goto(hostUrl);
    return { page, tab: page.frameLocator('#tab') };
  }

  const sidePanel = async (who: Person, options: Parameters<typeof inHost>[1] = {}) => {
    const opened = await inHost(who, options);
    await opened.tab.getByRole('heading', { level: 1, name: new RegExp(samling.title) }).waitFor({ timeout: 30_000 });
    return opened;
  };
  const pollItem = (tab: FrameLocator, status: string) => tab.getByRole('listitem').filter({ has: tab.getByRole('heading', { level: 3, name: QUESTION }) }).filter({ hasText: status });
  const noSidewaysScroll = (tab: FrameLocator) => tab.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);

  async function answer(who: Person, option: string, screenshot = false): Promise<void> {
    const { page, tab } = await sidePanel(who, { meetingRole: 'attendee' });
    await tab.getByRole('heading', { name: 'Svar nå' }).waitFor();
    // A deltaker runs nothing: no opening, closing or sharing.
    expect(await tab.getByRole('button', { name: /Åpne nå|Lukk|Del på scenen/ }).count()).toBe(0);
    await tab.getByRole('radio', { name: option }).check();
    await tab.getByRole('region', { name: 'Svar nå' }).getByRole('button', { name: 'Send svar' }).click();
    await tab.getByText('Takk! Svaret ditt er lagret.').waitFor();
    if (screenshot) {
      expect(await noSidewaysScroll(tab)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 320, height: await tab.locator('html').evaluate((el) => el.scrollHeight) });
      await page.screenshot({ path: path.join(shots, 'meeting-sidepanel-deltaker-light.png') });
    }
    await page.context().close();
  }

  let facilitator: { page: Page; tab: FrameLocator };
  let stage: { page: Page; tab: FrameLocator };

  it('lets the facilitator open the «før» poll from the side panel of Samling 1', async () => {
    facilitator = await sidePanel(ingrid, { meetingRole: 'organizer' });
    const { page, tab } = facilitator;
    await tab.getByRole('heading', { name: 'Målinger i samlingen' }).waitFor();
    const planned = pollItem(tab, 'Planlagt');
    await planned.getByText('Førmåling').waitFor();
    const polls = await db<{ id: string }>(`SELECT id FROM poll WHERE plan_item_id = $1 AND question = $2`, [samling.id, QUESTION]);
    expect(polls).toHaveLength(1);
    pollId = polls[0]!.id;
    // Not on the stage before it is open: nothing to show yet.
    expect(await planned.getByRole('button', { name: 'Del på scenen' }).count()).toBe(0);

    await planned.getByRole('button', { name: 'Åpne nå' }).click();
    const open = pollItem(tab, 'Åpen');
    await open.getByRole('button', { name: 'Lukk' }).waitFor();
    // «Åpne nå» is gone: the focus waits on the poll's heading, not at the top of the page.
    expect(await tab.locator(':focus').innerText()).toBe(QUESTION);
    // What opening did, said in the item's live region.
    const said = await open.locator('[aria-live="polite"]').first().innerText();
    expect(said.trim().length).toBeGreaterThan(0);
    const status = await api('GET', `/api/networks/${networkId}/polls/${pollId}`, ingrid);
    expect(status.json.poll.status).toBe('apen');
    expect(await page.evaluate(() => (window as unknown as { hostCalls: string[] }).hostCalls)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'meeting.getAppContentStageSharingCapabilities']),
    );
  });

  it('takes the answers of two deltakere from their own side panels, and shows them live to the facilitator', async () => {
    await answer(kari, 'I liten grad', true);
    await answer(ola, 'I stor grad');
    const votes = await db<{ n: number }>(`SELECT count(*)::int AS n FROM poll_vote WHERE poll_id = $1`, [pollId]);
    expect(votes[0]!.n).toBe(2);

    const open = pollItem(facilitator.tab, 'Åpen');
    // No reload: the panel asks for the results again every few seconds while the poll is open.
    await open.getByText('2 svar', { exact: true }).waitFor({ timeout: 15_000 });
    await open.getByText('1 svar (50 %)').first().waitFor();
    await open.getByRole('heading', { name: 'Per sektor' }).waitFor();
    const sectors = open.getByRole('table', { name: 'Per sektor' });
    await sectors.getByRole('row', { name: /Helse og omsorg/ }).waitFor();
    await sectors.getByRole('row', { name: /Plan/ }).waitFor();
  });

  it('shares the results to the stage, which shows them live as Teams loads it there', async () => {
    const { page, tab } = facilitator;
    const open = pollItem(tab, 'Åpen');
    await open.getByRole('button', { name: 'Del på scenen' }).click();
    await open.getByText('Resultatene vises nå på scenen i møtet.').waitFor();
    const record = await hostRecord(page);
    expect(record.sharedToStage).toHaveLength(1);
    stageUrl = record.sharedToStage[0]!.url;
    const shared = new URL(stageUrl);
    expect(shared.origin + shared.pathname).toBe(`${t.url}/tab/`);
    expect(Object.fromEntries(shared.searchParams)).toEqual({ view: 'stage', network: networkId, poll: pollId });
    expect(record.sharedToStage[0]!.options).toEqual({ sharingProtocol: 'Collaborative' });

    // An attendee's panel cannot share: Teams says no, and the button is not there.
    const attendee = await sidePanel(kari, { meetingRole: 'attendee' });
    expect(await attendee.tab.getByRole('button', { name: 'Del på scenen' }).count()).toBe(0);
    await attendee.page.context().close();

    stage = await inHost(ola, { tabUrl: stageUrl, frameContext: 'meetingStage', width: 1280, height: 720 });
    await stage.tab.getByRole('heading', { level: 1, name: QUESTION }).waitFor({ timeout: 30_000 });
    await stage.tab.getByText('Åpen · 2 har svart').waitFor();
    await stage.tab.getByText('1 svar · 50 %').first().waitFor();
    const summary = stage.tab.locator('[aria-live="polite"]');
    expect(await summary.innerText()).toContain('2 svar');
  });

  it('closes the poll and records attendance when the replayed meeting ends; the region overview shows it by sector', async () => {
    // The meeting as Teams reports it: started at the samling's start, Kari and Ola in it, ended at its end.
    clock.set(samling.startsAt);
    expect((await t.post('/api/messages', meetingStart(meeting, samling.title, samling.startsAt))).status).toBe(200);
    const people = [kari, ola].map((p) => ({ aadObjectId: p.aadObjectId, name: p.displayName }));
    clock.advance(2 * 60_000);
    expect((await t.post('/api/messages', participantsJoin(meeting, people))).status).toBe(200);
    const before = t.connector.sentActivities(thread).length;
    // Ended a little early, so it is the meeting's end that closes the poll, not its planned close.
    const endedAt = new Date(samling.endsAt.getTime() - 10 * 60_000);
    clock.set(endedAt);
    expect((await t.post('/api/messages', meetingEnd(meeting, samling.title, endedAt))).status).toBe(200);
    const sent = await t.connector.waitForActivities(before + 1, thread);
    expect(JSON.stringify(sent.at(-1))).toContain('2 deltakere er registrert som til stede.');
    expect(JSON.stringify(sent.at(-1))).toContain(`Målingen «${QUESTION}» er lukket.`);

    expect((await db(`SELECT 1 FROM poll WHERE id = $1 AND closed_at IS NOT NULL`, [pollId])).length).toBe(1);
    const attendance = await db<{ name: string; source: string }>(
      `SELECT m.display_name AS name, a.source FROM attendance a JOIN member m ON m.id = a.member_id WHERE a.plan_item_id = $1 ORDER BY 1`,
      [samling.id],
    );
    expect(attendance).toEqual([
      { name: 'Kari Nordmann', source: 'meeting' },
      { name: 'Ola Berg', source: 'meeting' },
    ]);

    // The stage follows by itself, the side panel on its next look.
    await stage.tab.getByText('Lukket · 2 har svart').waitFor({ timeout: 10_000 });
    await pollItem(facilitator.tab, 'Lukket').getByRole('button', { name: 'Gjenta som etter-måling' }).waitFor({ timeout: 20_000 });

    // Per, the region's coordinator: by API, and in the region overview.
    const regions = (await api('GET', '/api/regions', per)).json.regions as { id: string }[];
    const overview = (await api('GET', `/api/regions/${regions[0]!.id}/overview`, per)).json;
    const session = overview.sessions.find((x: { planItemId: string }) => x.planItemId === samling.id);
    expect(session.total).toBe(2);
    expect(Object.fromEntries(session.bySector.map((x: { sector: string; attendees: number }) => [x.sector, x.attendees]))).toEqual({ 'helse-og-omsorg': 1, plan: 1 });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), per.aadObjectId);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`Per: ${e.message}`));
    await page.goto(`${t.url}/tab/?view=region`);
    await page.getByRole('heading', { name: 'Oppmøte per samling og sektor' }).waitFor({ timeout: 20_000 });
    const table = page.getByRole('table').filter({ has: page.getByText('Antall deltakere per samling, fordelt på sektor, for kommunene som vises.') });
    const row = table.getByRole('row').filter({ hasText: samling.title });
    await row.first().waitFor();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    const cells = await row.first().getByRole('cell').allInnerTexts();
    const at = (header: string) => cells[headers.indexOf(header) - (headers.length - cells.length)];
    expect(at('Helse og omsorg')).toBe('1');
    expect(at('Plan')).toBe('1');
    expect(cells.at(-1)).toBe('2');
    await context.close();
  });

  it('repeats it as the after-poll and shows the shift, in the side panel and side by side on the stage', async () => {
    const { tab } = facilitator;
    await pollItem(tab, 'Lukket').getByRole('button', { name: 'Gjenta som etter-måling' }).click();
    const after = tab.getByRole('listitem').filter({ has: tab.getByText('Ettermåling', { exact: true }) }).filter({ hasText: 'Åpen' });
    await after.waitFor({ timeout: 15_000 });
    await answer(kari, 'I stor grad');
    await after.getByText('1 svar', { exact: true }).waitFor({ timeout: 15_000 });
    await after.getByRole('heading', { name: 'Før og etter' }).waitFor();

    await stage.tab.getByRole('heading', { level: 2, name: 'Før: 2 svar' }).waitFor({ timeout: 10_000 });
    await stage.tab.getByRole('heading', { level: 2, name: 'Etter: 1 svar' }).waitFor();
    await stage.tab.getByRole('heading', { name: 'Endring fra før til etter' }).waitFor();
    expect(await stage.tab.locator('[aria-live="polite"]').innerText()).toMatch(/Før: .*Etter: /);
  });

  it('shows the samling’s latest poll when Teams loads the meeting tab on the stage, and explains a meeting that is no samling', async () => {
    const onStage = await inHost(ola, { frameContext: 'meetingStage', width: 1280, height: 720 });
    await onStage.tab.getByRole('heading', { level: 1, name: QUESTION }).waitFor({ timeout: 30_000 });
    await onStage.tab.getByRole('heading', { level: 2, name: 'Etter: 1 svar' }).waitFor();
    await onStage.page.context().close();

    const elsewhere = await inHost(kari, { chatId: '19:meeting_ZmFrZS1tZWV0aW5nLW5vdC1hLXNhbWxpbmc@thread.v2', meetingId: 'bm90LWEtc2FtbGluZw==' });
    await elsewhere.tab.getByText('Dette møtet er ikke knyttet til en samling du er med i.', { exact: false }).waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(elsewhere.page);
    await elsewhere.page.context().close();
  });

  it('sets the meeting tab up without a network to choose: the side panel finds its samling by the meeting chat', async () => {
    const { page, tab } = await inHost(ingrid, { tabUrl: `${t.url}/tab/?view=config`, frameContext: 'settings', width: 600 });
    await tab.getByText(/^I møtet viser Samlingspunkt samlingen møtet hører til/).waitFor({ timeout: 30_000 });
    expect((await hostRecord(page)).config.valid).toBe(true);
    await page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
    await page.waitForFunction(() => (window as unknown as { config: { outcome: string | null } }).config.outcome !== null);
    const { config } = await hostRecord(page);
    expect(config.outcome).toBe('success');
    expect(config.saved).toMatchObject({ contentUrl: `${t.url}/tab/?view=meeting`, entityId: 'samlingspunkt-meeting' });
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('is axe clean, reachable by keyboard and reflows at 320 px in light, dark and contrast; screenshots', async () => {
    for (const theme of ['light', 'dark', 'contrast'] as const) {
      const { page, tab } = await sidePanel(ingrid, { meetingRole: 'presenter', theme });
      await pollItem(tab, 'Åpen').getByText('1 svar', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await noSidewaysScroll(tab)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 320, height: await tab.locator('html').evaluate((el) => el.scrollHeight) });
      await page.screenshot({ path: path.join(shots, `meeting-sidepanel-${theme}.png`) });
      if (theme === 'light') {
        // Every action of the panel is reached with Tab alone.
        const wanted = ['Lukk', 'Del på scenen']; // the after-poll's; the before-poll is repeated already
        const reached = new Set<string>();
        for (let i = 0; i < 80 && reached.size < wanted.length; i++) {
          await page.keyboard.press('Tab');
          const text = await tab.locator(':focus').evaluate((el) => (el.tagName === 'BUTTON' ? (el.textContent ?? '') : '')).catch(() => '');
          if (wanted.includes(text)) reached.add(text);
        }
        expect([...reached].sort()).toEqual([...wanted].sort());
      }
      await page.context().close();

      const stage = await inHost(ola, { tabUrl: stageUrl, frameContext: 'meetingStage', width: 1280, height: 720, theme });
      await stage.tab.getByRole('heading', { level: 2, name: 'Etter: 1 svar' }).waitFor({ timeout: 30_000 });
      await expectNoAxeViolations(stage.page);
      await stage.page.setViewportSize({ width: 1280, height: Math.max(720, await stage.tab.locator('html').evaluate((el) => el.scrollHeight)) });
      await stage.page.screenshot({ path: path.join(shots, `meeting-stage-${theme}.png`) });
      await stage.page.context().close();
    }
  });
});
