/**
 * «Administrasjon» in the tab (issue 12), in Chromium: add a municipality with the searchable
 * picker, change a role inline, remove a member after confirming, by keyboard too; axe clean in
 * light, dark and contrast; no sideways scrolling at 320 px.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, per } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, resultsDir, tabSuite } from '../helpers/tab-suite.js';
import { waitFor } from '../helpers/wait.js';

describe.skipIf(!chromiumSuiteEnabled('admin.chromium'))('«Administrasjon» in the tab, in Chromium', () => {
  const suite = tabSuite('samlingspunkt-admin-');
  let networkId = '';

  const api = async (method: string, url: string, who: { aadObjectId: string }, body?: unknown) => {
    const res = await fetch(suite.app.url + url, {
      method,
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: who.aadObjectId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    networkId = (await api('GET', '/api/networks', ingrid)).json.networks[0].id;
    // Someone to remove: a deltaker of its own, so the other suites' people stay as they are.
    const added = await api('POST', `/api/networks/${networkId}/members`, ingrid, {
      aadObjectId: '00000000-0000-4000-8000-00000000e2e1',
      displayName: 'Rita Fjernes',
      role: 'deltaker',
      municipalityNumber: '3205',
    });
    expect(added.status).toBe(201);
  });

  async function open(who: { aadObjectId: string }, options: { theme?: string; width?: number } = {}): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), who.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=administrasjon${options.theme ? `&theme=${options.theme}` : ''}`);
    await page.getByRole('heading', { name: 'Medlemmer og roller' }).waitFor({ timeout: 20_000 });
    return page;
  }

  // A dialog fades in: axe measures contrast at full opacity only once the animation is over.
  const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

  const memberRow = (page: Page, name: string) => page.getByRole('table', { name: 'Medlemmer og roller' }).getByRole('row').filter({ hasText: name });
  const roleOf = async (name: string) =>
    ((await api('GET', `/api/networks/${networkId}/members`, ingrid)).json.members as { displayName: string; role: string }[]).find((m) => m.displayName === name)?.role;

  it('adds a municipality picked by searching, shown in the list and said in the live region', async () => {
    const page = await open(ingrid);
    expect(await page.getByRole('navigation', { name: 'Visning' }).getByRole('button', { name: 'Administrasjon' }).getAttribute('aria-current')).toBe('page');
    const picker = page.getByRole('combobox', { name: 'Legg til kommuner' });
    await waitFor(() => picker.isEnabled(), { what: 'the municipality list to load' });
    await picker.click();
    await picker.pressSequentially('Kristians');
    // A multiselect Combobox lists its choices as menu item checkboxes.
    await page.getByRole('menuitemcheckbox', { name: 'Kristiansand (Agder)' }).click();
    // By keyboard from here: the picker closes as the focus leaves it.
    const add = page.getByRole('button', { name: 'Legg til', exact: true });
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Lagt til: Kristiansand.' }).waitFor();
    await page.getByRole('list', { name: 'Kommuner' }).getByRole('listitem').filter({ hasText: 'Kristiansand' }).waitFor();
    const overview = await api('GET', `/api/networks/${networkId}/admin`, ingrid);
    expect(overview.json.municipalities.map((m: { number: string }) => m.number)).toContain('4204');
  });

  it('changes a role inline with the keyboard, and removes a member after confirming', async () => {
    const page = await open(ingrid);
    const role = memberRow(page, 'Ola Berg').getByRole('combobox', { name: 'Rolle for Ola Berg' });
    await role.focus();
    await role.selectOption('fasilitator');
    await page.getByRole('status').filter({ hasText: 'Endringen for Ola Berg er lagret.' }).waitFor();
    await waitFor(async () => (await roleOf('Ola Berg')) === 'fasilitator', { what: 'Ola to be fasilitator' });
    // Back again, so other tests see the demo as it was; his municipality comes back with a Select.
    await role.selectOption('deltaker');
    await waitFor(async () => (await roleOf('Ola Berg')) === 'deltaker', { what: 'Ola to be deltaker again' });

    // Remove: by keyboard, a dialog first; cancel keeps the member, confirming removes them.
    const remove = memberRow(page, 'Rita Fjernes').getByRole('button', { name: 'Fjern Rita Fjernes fra nettverket' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Fjerne Rita Fjernes fra nettverket?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await roleOf('Rita Fjernes')).toBe('deltaker');
    // The focus is back on the button that opened the dialog (visible focus on a real control).
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Fjern' }).click();
    await page.getByRole('status').filter({ hasText: 'Rita Fjernes er fjernet fra nettverket.' }).waitFor();
    expect(await memberRow(page, 'Rita Fjernes').count()).toBe(0);
    expect(await roleOf('Rita Fjernes')).toBeUndefined();
  });

  it('refuses removing the last fasilitator with the server’s message', async () => {
    const page = await open(ingrid);
    await memberRow(page, 'Ingrid Haugen').getByRole('button', { name: 'Fjern Ingrid Haugen fra nettverket' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Fjern' }).click();
    await dialog.getByText(/minst én fasilitator/).waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('is axe clean in light, dark and contrast, for the facilitator and the coordinator, with screenshots', async () => {
    await mkdir(path.join(repoRoot, 'docs', 'screenshots'), { recursive: true });
    for (const theme of ['light', 'dark', 'contrast']) {
      const page = await open(ingrid, { theme });
      await page.getByRole('heading', { name: 'Avslutt nettverket' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', `admin-${theme}.png`), fullPage: true });
      // The confirmation that explains read-only and retention.
      await page.getByRole('button', { name: 'Avslutt nettverket …' }).click();
      const dialog = page.getByRole('alertdialog', { name: /^Avslutte / });
      await dialog.getByText(/lagringstiden er ute/).waitFor();
      await settled(page);
      await expectNoAxeViolations(page);
      if (theme === 'light') await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'admin-end-confirm-light.png') });
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
    }
    const page = await open(per);
    await page.getByRole('heading', { name: /^Koordinatorer for / }).waitFor();
    expect(await page.getByRole('combobox', { name: /^Rolle for / }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-admin-coordinator.png'), fullPage: true });
  });

  it('reflows at 320 px without sideways scrolling', async () => {
    const page = await open(ingrid, { width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'admin-320px.png'), fullPage: true });
  });
});
