/**
 * Attendance in the tab (issue 13), in Chromium: as Ingrid (fasilitator) the network view's
 * attendance by sector, an activity's check-list, and the import of Teams' attendance report
 * (UTF-16LE, tabs, three sections) with an unknown person resolved by hand as a guest and one
 * left out explicitly; a deltaker sees none of it. Axe clean in light, dark and high contrast,
 * and no sideways scrolling at 320 px.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAttendance } from '../../src/demo/seed-attendance.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, kari } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

const report = fileURLToPath(new URL('../fixtures/attendance-teams-participants.csv', import.meta.url));
const SAMLING_1 = 'Samling 1 – Oppstartseminar';

describe.skipIf(!chromiumSuiteEnabled('attendance.chromium'))('attendance in the tab, in Chromium', () => {
  const suite = tabSuite('samlingspunkt-attendance-');
  const shots = path.join(repoRoot, 'docs', 'screenshots');

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    const db = suite.app.db;
    const networkId = (await db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
    const move = (key: string, daysAgo: number) =>
      db.query(
        `UPDATE plan_item SET starts_at = date_trunc('hour', now()) - make_interval(days => $3) , ends_at = date_trunc('hour', now()) - make_interval(days => $3) + interval '2 hours'
          WHERE network_id = $1 AND seed_key = $2`,
        [networkId, key, daysAgo],
      );
    // The demo plan lies ahead: Samling 2 is moved a day back and gets the demo's attendance
    // (mostly health and care), then Samling 1 a week back, with nothing recorded yet.
    await move('samling-2', 1);
    await db.transaction((tx) => seedDemoAttendance(tx, new Date()));
    await move('samling-1', 8);
  });

  async function open(who: { aadObjectId: string }, options: { theme?: string; width?: number } = {}): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), who.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=nettverk${options.theme ? `&theme=${options.theme}` : ''}`);
    await page.getByRole('heading', { name: 'Mellomarbeid', level: 2 }).waitFor({ timeout: 20_000 });
    return page;
  }

  const section = (page: Page) => page.getByRole('region', { name: 'Oppmøte' });
  // A dialog fades in: axe measures contrast at full opacity only once the animation is over.
  const axeClean = async (page: Page) => {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectNoAxeViolations(page);
  };

  it('imports the Teams report: the unknown person resolved by hand as a guest, one left out explicitly', async () => {
    const page = await open(ingrid);
    await section(page).getByText(/^Over programmet: 9 oppmøter i alt, \d+ % fra helse og omsorg\.$/).waitFor();
    await page.getByRole('button', { name: `Registrer oppmøte – ${SAMLING_1}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /^Kari Nordmann/ }).waitFor();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(0);

    await dialog.getByRole('tab', { name: 'Importer fra Teams' }).click();
    await dialog.getByLabel('Oppmøterapport (CSV fra Teams)').setInputFiles(report);
    const preview = dialog.getByRole('region', { name: 'Forhåndsvisning av importen' });
    await preview.getByText(`Rapporten gjelder «${SAMLING_1}», start 1/5/27, 9:58:02 AM.`).waitFor();
    await preview.getByText('Kari Nordmann, Bærum (funnet på navn)').waitFor();
    await preview.getByText('Ingrid Haugen, Uten kommune – fasilitator, telles ikke').waitFor();
    await preview.getByText('2 personer må avklares').waitFor();
    const importButton = preview.getByRole('button', { name: 'Importer' });
    expect(await importButton.getAttribute('aria-disabled')).toBe('true');
    await axeClean(page);

    const nils = preview.getByRole('group', { name: 'Rad 14: Nils Hansen' });
    await nils.getByRole('combobox', { name: 'Hvem er dette?' }).selectOption({ label: 'En gjest som ikke er i appen' });
    expect(await nils.getByRole('textbox', { name: 'Navn på gjesten' }).inputValue()).toBe('Nils Hansen');
    await nils.getByRole('combobox', { name: 'Kommune' }).selectOption({ label: 'Moss' });
    // Still open until the guest's sector is chosen: never a silent guess.
    await preview.getByText('Radene 14, 15 venter på et valg.').waitFor();
    await nils.getByRole('combobox', { name: 'Sektor' }).selectOption({ label: 'Helse og omsorg' });
    const berit = preview.getByRole('group', { name: 'Rad 15: Berit Aas (Gjest)' });
    await berit.getByRole('combobox', { name: 'Hvem er dette?' }).selectOption({ label: 'Ta ut av importen' });
    await preview.getByText('Gjest: Nils Hansen').waitFor();
    await preview.getByText('Tas ut').waitFor();
    expect(await importButton.getAttribute('aria-disabled')).not.toBe('true');
    await axeClean(page);
    await dialog.screenshot({ path: path.join(shots, 'attendance-import-light.png') });

    await importButton.click();
    await dialog.getByRole('status').filter({ hasText: 'Importert: 2 deltakere og 1 gjester.' }).waitFor();
    await dialog.getByRole('tab', { name: 'Avkrysning' }).click();
    await dialog.getByRole('checkbox', { name: 'Kari Nordmann (Helse og omsorg) – fra Teams-rapporten', checked: true }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Ola Berg (Plan) – fra Teams-rapporten', checked: true }).waitFor();
    await dialog.getByText('Nils Hansen, Moss (Helse og omsorg)').waitFor();

    // The check-list: Aisha came too; the facilitator ticks her and saves.
    await dialog.getByRole('checkbox', { name: /^Aisha Rahman/ }).check();
    await dialog.getByRole('button', { name: 'Lagre oppmøtet' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Lagret: 3 av 3 deltakere til stede.' }).waitFor();
    await axeClean(page);
    await dialog.screenshot({ path: path.join(shots, 'attendance-checklist-light.png') });
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = section(page).getByRole('row').filter({ hasText: SAMLING_1 });
    // Closing the dialog gives the page back to assistive technology (no aria-hidden left behind).
    await row.locator('td[data-label="Totalt"]').filter({ hasText: /^4$/ }).waitFor();
    await section(page).getByText(/^Over programmet: 13 oppmøter i alt/).waitFor();
  });

  it('shows a deltaker nothing of the attendance', async () => {
    const page = await open(kari);
    await page.getByRole('heading', { name: 'Fokusområder og fase', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Oppmøte', level: 2 }).count()).toBe(0);
  });

  it('is axe clean in light, dark and contrast, with screenshots', async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      const page = await open(ingrid, { theme });
      await section(page).getByRole('table').first().waitFor();
      await axeClean(page);
      await section(page).screenshot({ path: path.join(shots, `attendance-network-${theme}.png`) });
      await page.getByRole('button', { name: `Registrer oppmøte – ${SAMLING_1}` }).click();
      await page.getByRole('dialog').getByRole('checkbox').first().waitFor();
      await axeClean(page);
      if (theme !== 'light') await page.getByRole('dialog').screenshot({ path: path.join(shots, `attendance-checklist-${theme}.png`) });
    }
  });

  it('reflows at 320 px without sideways scrolling, the import preview included', async () => {
    const page = await open(ingrid, { width: 320 });
    await section(page).getByRole('table').first().waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await axeClean(page);
    await section(page).screenshot({ path: path.join(shots, 'attendance-network-320px.png') });
    await page.getByRole('button', { name: `Registrer oppmøte – ${SAMLING_1}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: 'Importer fra Teams' }).click();
    await dialog.getByLabel('Oppmøterapport (CSV fra Teams)').setInputFiles(report);
    const nils = dialog.getByRole('group', { name: 'Rad 14: Nils Hansen' });
    await nils.getByRole('combobox', { name: 'Hvem er dette?' }).selectOption({ label: 'En gjest som ikke er i appen' });
    const surfaceOverflow = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(surfaceOverflow).toBeLessThanOrEqual(0);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await axeClean(page);
    await dialog.screenshot({ path: path.join(shots, 'attendance-import-320px.png') });
  });
});
