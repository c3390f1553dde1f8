/**
 * «Legg til i kalender» in the plan view (issue 13), in Chromium, as Kari (deltaker): make a
 * subscription address, see it with its copy button and webcal:// link, fetch it as a calendar
 * would, make a new one (the old stops working) and delete it. Axe clean with the dialog open in
 * light, dark and contrast, and no sideways scrolling at 320 px.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { kari } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

describe.skipIf(!chromiumSuiteEnabled('calendar.chromium'))('«Legg til i kalender» in the plan view, in Chromium', () => {
  const suite = tabSuite('samlingspunkt-calendar-');
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let networkId = '';

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    const res = await fetch(`${suite.app.url}/api/networks`, { headers: { [DEV_USER_HEADER]: kari.aadObjectId } });
    networkId = ((await res.json()) as any).networks.find((n: any) => n.slug === 'usht-viken').id;
  });

  async function open(options: { theme?: string; width?: number } = {}): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), kari.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=plan&network=${networkId}${options.theme ? `&theme=${options.theme}` : ''}`);
    await page.getByRole('heading', { name: /Kommende/ }).waitFor({ timeout: 20_000 });
    return page;
  }
  const dialog = (page: Page) => page.getByRole('dialog');
  // A dialog fades in: axe measures contrast at full opacity only once the animation is over.
  const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const openDialog = async (page: Page) => {
    await page.getByRole('button', { name: 'Legg til i kalender' }).click();
    await dialog(page).getByRole('heading', { name: 'Abonner på aktivitetsplanen' }).waitFor();
    await dialog(page).getByRole('button', { name: /^Lag (ny )?lenke$/ }).waitFor();
    await settled(page);
  };

  it('makes an address, shows it once with copy and webcal, replaces it and deletes it', async () => {
    const page = await open();
    await openDialog(page);
    const d = dialog(page);
    // A fresh start: nobody has made Kari an address yet in this suite, or a previous test revoked it.
    if (await d.getByRole('button', { name: 'Slett lenke' }).count()) {
      await d.getByRole('button', { name: 'Slett lenke' }).click();
      await d.getByText('Du har ingen kalenderlenke ennå.').waitFor();
    }
    await d.getByRole('button', { name: 'Lag lenke' }).click();
    const address = d.getByLabel('Abonnementsadresse');
    await address.waitFor();
    const first = await address.inputValue();
    expect(first).toMatch(new RegExp(`^${suite.app.url.replace(/[.:/]/g, '\\$&')}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await d.getByRole('link', { name: /webcal/ }).getAttribute('href')).toBe(first.replace(/^http:/, 'webcal:'));
    await d.getByRole('status').filter({ hasText: 'Ny lenke laget.' }).waitFor();
    await d.getByRole('button', { name: 'Kopier adressen' }).click();
    await d.getByRole('status').filter({ hasText: 'Adressen er kopiert.' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'calendar-dialog-light.png') });

    // What a calendar client gets from it: the plan, as ICS.
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VTIMEZONE');

    await d.getByRole('button', { name: 'Lag ny lenke' }).click();
    await page.waitForFunction((old) => (document.querySelector('input[readonly]') as HTMLInputElement | null)?.value !== old, first);
    const second = await address.inputValue();
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);

    // Opened again, the address is not shown (only its hash is kept): when it was made and last fetched.
    await d.getByRole('button', { name: 'Lukk' }).click();
    // Closing puts the focus back where it was: on «Legg til i kalender».
    await page.waitForFunction(() => document.activeElement?.textContent === 'Legg til i kalender');
    await openDialog(page);
    // The reopened dialog is a dialog to assistive technology too (Fluent once left it aria-hidden).
    expect(await page.getByRole('dialog').count()).toBe(1);
    await dialog(page).getByText('Du har en kalenderlenke fra', { exact: false }).waitFor();
    expect(await dialog(page).innerText()).toMatch(/Du har en kalenderlenke fra .+\. Sist hentet av en kalender .+\./);
    expect(await dialog(page).getByLabel('Abonnementsadresse').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'calendar-existing-light.png') });

    await dialog(page).getByRole('button', { name: 'Slett lenke' }).click();
    await dialog(page).getByRole('status').filter({ hasText: 'Lenken er slettet.' }).waitFor();
    expect((await fetch(second)).status).toBe(404);
  });

  it('is axe clean with the dialog open in light, dark and contrast, with screenshots', async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      const page = await open({ theme });
      await expectNoAxeViolations(page);
      if (theme === 'light') await page.screenshot({ path: path.join(shots, 'calendar-plan-light.png') });
      await openDialog(page);
      await dialog(page).getByRole('button', { name: /^Lag (ny )?lenke$/ }).click();
      await dialog(page).getByLabel('Abonnementsadresse').waitFor();
      await settled(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shots, `calendar-${theme}.png`) });
    }
  });

  it('reflows at 320 px without sideways scrolling, dialog open', async () => {
    const page = await open({ width: 320 });
    await openDialog(page);
    await dialog(page).getByRole('button', { name: /^Lag (ny )?lenke$/ }).click();
    await dialog(page).getByLabel('Abonnementsadresse').waitFor();
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'calendar-320px.png'), fullPage: true });
  });
});
