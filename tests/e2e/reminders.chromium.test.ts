import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { chromiumSuiteEnabled, launchChromium } from '../helpers/chromium.js';
import { as, ingrid, kari } from '../helpers/people.js';
import { addPersonalConversation, demoNetworkId } from '../helpers/recipients.js';
import { waitFor } from '../helpers/wait.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe.skipIf(!chromiumSuiteEnabled('reminders.chromium'))('«Påminnelser» in the tab, in Chromium', () => {
  let t: TestApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist/tab/index.html'))) {
      throw new Error('dist/tab/index.html is missing: run `npm run build:tab` before this test');
    }
    browser = await launchChromium();
    t = await startTestApp('pglite', { JOB_POLL_SECONDS: '0.5', REMINDER_IDLE_MS: '100' });
    const networkId = await demoNetworkId(t.app.db);
    // Kari has a 1:1 chat; the others have none and no team to open one from: they fail, by name.
    await addPersonalConversation(t.app.db, kari.aadObjectId, t.connector.url);
    const plan = (await t.get(`/api/networks/${networkId}/plan`, as(ingrid))).json.items as { id: string }[];
    const sent = await t.post(`/api/networks/${networkId}/plan/${plan[0]!.id}/reminders/send`, {}, as(ingrid));
    expect(sent.status).toBe(201);
    const status = async () => (await t!.app.db.query<{ status: string }>(`SELECT status FROM reminder WHERE id = $1`, [sent.json.reminderId])).rows[0]?.status;
    await waitFor(async () => (await status()) === 'ferdig', {
      what: 'the reminder to be ferdig',
      timeoutMs: 30_000,
      intervalMs: 100,
      detail: async () => `status ${await status()}`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a facilitator who got the reminder and who did not, by name, without axe violations', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${t!.url}/tab/?view=paminnelser`);
    await page.getByRole('heading', { name: 'Siste utsendinger' }).waitFor({ timeout: 20_000 });
    // The view is in the tab's navigation, marked as the current page.
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Påminnelser' }).getAttribute('aria-current')).toBe('page');
    const card = page.getByRole('heading', { name: 'Samling 1 – Oppstartseminar', level: 3 });
    await card.waitFor();
    expect(await page.getByText('Sendt: 1').count()).toBe(1);
    expect(await page.getByText('Feilet: 3').count()).toBe(1);
    await page.getByRole('button', { name: /Vis alle 4 mottakere/ }).click();
    await page.getByRole('listitem').filter({ hasText: 'Kari Nordmann' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: /Ingrid Haugen – ingen samtale/ }).count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(1);
    await mkdir(path.join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'tab-reminders.png'), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
