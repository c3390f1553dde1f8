/**
 * Issue 12 item 3 in Chromium: a facilitator starts a plan from the seed-000 template on a date
 * of their choice, and pastes a table from Excel, fixing a bad row after the preview; both
 * dialogs axe-clean in light, dark and high contrast, and without sideways scrolling at 320 px.
 * Screenshots of both dialogs in the three themes go to docs/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, kari } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

const shotsDir = path.join(repoRoot, 'docs/screenshots');
const THEMES = ['light', 'dark', 'contrast'] as const;

// A Tuesday well ahead, whatever day the suite runs: the template's weekdays stay.
const start = (() => {
  let d = DateTime.now().setZone('Europe/Oslo').plus({ months: 2 }).startOf('day');
  while (d.weekday !== 2) d = d.plus({ days: 1 });
  return d;
})();
const year = start.year + 1;

/** A table as Excel puts it on the clipboard; row 3's format is not one we know. */
const pasted = (format: string) =>
  [
    'Dato\tTid\tHva\tFormat\tAnsvar',
    `3.3.${year}\t10.00–12.00\tWebinar om mat og måltider\tTeams\tKS`,
    `4.3.${year}\tkl. 9–10.30\tDialogmøte med kommunene\t${format}\tStatsforvalteren`,
  ].join('\r\n');

describe.skipIf(!chromiumSuiteEnabled('plan-import.chromium'))('starting a plan from a template or a pasted table in Chromium', () => {
  const suite = tabSuite('samlingspunkt-plan-import-');
  let networkId = '';

  const api = async (url: string, who: { aadObjectId: string }) => {
    const res = await fetch(suite.app.url + url, { headers: { [DEV_USER_HEADER]: who.aadObjectId } });
    return (await res.json()) as any;
  };
  const titles = async () => ((await api(`/api/networks/${networkId}/plan`, ingrid)).items as { title: string; startsAt: string }[]);

  beforeAll(async () => {
    await mkdir(shotsDir, { recursive: true });
    networkId = (await api('/api/networks', ingrid)).networks[0].id;
  });

  async function open(who: { aadObjectId: string }, query = '', width = 1280): Promise<Page> {
    // An English browser in New York: the preview must still show Oslo dates and times.
    const page = await suite.newPage({ viewport: { width, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), who.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=plan${query}`);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 });
    await page.getByRole('group', { name: 'Start en plan' }).waitFor({ timeout: 20_000 });
    return page;
  }

  /** The dialog is open and nothing in it is moving (axe and screenshots see it finished). */
  async function settled(page: Page): Promise<Locator> {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => !document.querySelector('.fui-Spinner') && document.getAnimations().every((a) => a.playState !== 'running'));
    return dialog;
  }

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('is not offered to a deltaker', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } }, (c) =>
      c.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), kari.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=plan`);
    await page.getByRole('table').first().waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Start fra mal' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lim inn tabell' }).count()).toBe(0);
  });

  it('starts from the seed-000 template on a chosen Tuesday, by keyboard, previewed before import', async () => {
    const before = (await titles()).length;
    const page = await open(ingrid);
    await page.getByRole('button', { name: 'Start fra mal' }).focus();
    await page.keyboard.press('Enter');
    const dialog = await settled(page);
    await dialog.getByRole('combobox', { name: /Mal/ }).waitFor();
    // Preview without a date: the field says so and has the focus.
    await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
    const date = dialog.getByRole('textbox', { name: /Dato for første aktivitet/ });
    expect(await date.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type(start.toFormat('dd.MM.yyyy'));
    await page.keyboard.press('Enter');
    const preview = dialog.getByRole('region', { name: 'Forhåndsvisning' });
    await preview.waitFor();
    expect(await preview.evaluate((el) => el === document.activeElement)).toBe(true);
    const rows = preview.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(7);
    expect(await rows.nth(1).textContent()).toContain(`${start.day}. ${start.setLocale('nb').toFormat('LLLL')}`);
    expect(await rows.nth(1).textContent()).toContain('kl. 10.00–12.00');
    expect(await rows.nth(6).textContent()).toContain('Samling 3 – Digitale verktøy og prosessledelse');

    await expectNoAxeViolations(page);

    const importButton = dialog.getByRole('button', { name: 'Importer 6 aktiviteter' });
    await importButton.focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('6 aktiviteter er lagt inn i planen, med påminnelser.').waitFor();
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const after = await titles();
    expect(after.length).toBe(before + 6);
    const first = after.find((i) => i.title === 'Samling 1 – Oppstartseminar' && DateTime.fromISO(i.startsAt, { zone: 'Europe/Oslo' }).hasSame(start, 'day'));
    expect(DateTime.fromISO(first!.startsAt, { zone: 'Europe/Oslo' }).toFormat('HH:mm')).toBe('10:00');
    // The plan was reloaded: the new items are in the page.
    await page.getByText('Samling 1 – Oppstartseminar').first().waitFor();
  });

  it('pastes a table from Excel: the bad row is shown in its place, nothing imported until it is fixed', async () => {
    const before = (await titles()).length;
    const page = await open(ingrid);
    await page.getByRole('button', { name: 'Lim inn tabell' }).click();
    const dialog = await settled(page);
    const text = dialog.getByRole('textbox', { name: /Tabellen/ });
    await text.fill(pasted('brevdue'));
    await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
    const preview = dialog.getByRole('region', { name: 'Forhåndsvisning' });
    await preview.waitFor();
    await preview.getByText('1 rad kan ikke leses').waitFor();
    const bad = preview.getByRole('row').filter({ hasText: 'Rad 3, Format' });
    expect(await bad.textContent()).toContain('«brevdue» er ikke et format vi kjenner');
    expect(await dialog.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(shotsDir, 'plan-import-paste-errors-light.png') });
    await expectNoAxeViolations(page);

    // Changing the text takes the import away until the new text is previewed.
    await text.fill(pasted('fysisk'));
    expect(await dialog.getByRole('region', { name: 'Forhåndsvisning' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
    await preview.getByText('2 aktiviteter blir lagt inn').waitFor();
    expect(await preview.getByRole('row').filter({ hasText: 'Dialogmøte med kommunene' }).textContent()).toMatch(/kl\. 09\.00–10\.30.*Fysisk.*Statsforvalteren/);
    await dialog.getByRole('button', { name: 'Importer 2 aktiviteter' }).click();
    await dialog.getByText('2 aktiviteter er lagt inn i planen, med påminnelser.').waitFor();
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    await page.getByText('Webinar om mat og måltider').first().waitFor();
    expect((await titles()).length).toBe(before + 2);
  });

  it('has both dialogs axe-clean in light, dark and high contrast, with screenshots', { timeout: 120_000 }, async () => {
    for (const theme of THEMES) {
      const page = await open(ingrid, `&theme=${theme}`);
      await page.getByRole('button', { name: 'Start fra mal' }).click();
      let dialog = await settled(page);
      await dialog.getByRole('textbox', { name: /Dato for første aktivitet/ }).fill(start.plus({ weeks: 20 }).toFormat('dd.MM.yyyy'));
      await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
      await dialog.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shotsDir, `plan-import-template-${theme}.png`) });
      await dialog.getByRole('button', { name: 'Avbryt' }).click();

      await page.getByRole('button', { name: 'Lim inn tabell' }).click();
      dialog = await settled(page);
      await dialog.getByRole('textbox', { name: /Tabellen/ }).fill(pasted('brevdue'));
      await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
      await dialog.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shotsDir, `plan-import-paste-${theme}.png`) });
    }
  });

  it('reflows both dialogs at 320 px without sideways scrolling', async () => {
    const page = await open(ingrid, '', 320);
    await page.getByRole('button', { name: 'Lim inn tabell' }).click();
    let dialog = await settled(page);
    await dialog.getByRole('button', { name: 'Bruk eksempelet' }).click();
    await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
    await dialog.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
    await settled(page);
    expect(await noSidewaysScroll(page)).toBe(true);
    const box = await dialog.boundingBox();
    expect(box!.x >= 0 && box!.x + box!.width <= 320).toBe(true);
    await page.screenshot({ path: path.join(shotsDir, 'plan-import-paste-320.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('button', { name: 'Start fra mal' }).click();
    dialog = await settled(page);
    await dialog.getByRole('textbox', { name: /Dato for første aktivitet/ }).fill(start.toFormat('dd.MM.yyyy'));
    await dialog.getByRole('button', { name: 'Forhåndsvis' }).click();
    await dialog.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
    await settled(page);
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectNoAxeViolations(page);
  });
});
