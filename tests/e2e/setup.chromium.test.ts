/**
 * The set-up form on the channel tab's configuration page (issue 12), in Chromium: a
 * fasilitator of the demo opens «Sett opp et nytt nettverk», gets a refusal naming the field,
 * picks five Agder municipalities by search and sets up «Agder læringsnettverk». Axe-clean in
 * light, dark and high contrast; no sideways scrolling at 320 px.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

const shots = path.join(repoRoot, 'docs', 'screenshots');
const FIVE = ['Risør', 'Grimstad', 'Arendal', 'Kristiansand', 'Lindesnes'];

describe.skipIf(!chromiumSuiteEnabled('setup.chromium'))('set-up form on the configuration page', () => {
  const suite = tabSuite('samlingspunkt-setup-');

  async function openForm(query = '', width = 1280): Promise<Page> {
    const page = await suite.newPage({ viewport: { width, height: 1000 } });
    await page.goto(`${suite.app.url}/tab/?view=config${query}`);
    await page.getByRole('button', { name: 'Sett opp et nytt nettverk' }).click();
    await page.getByRole('heading', { name: 'Sett opp et nytt læringsnettverk' }).waitFor();
    return page;
  }

  async function pickMunicipality(page: Page, name: string): Promise<void> {
    const box = page.getByRole('combobox', { name: /^Kommuner/ });
    // Focus, not a click: a multi-select list stays open over the field after a pick.
    await box.focus();
    // Typed key by key, as a person does: the list opens on a typed character.
    await box.pressSequentially(name);
    // A multi-select Combobox lists its choices as menu items with a check (Fluent v9).
    await page.getByRole('menuitemcheckbox', { name: new RegExp(`^${name} \\(`) }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Valgte kommuner' }).getByText(new RegExp(`^${name} \\(`)).count()).toBe(1);
    await box.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
  }

  it('refuses a missing name in the form, then sets up Agder læringsnettverk with five municipalities', async () => {
    const page = await openForm();
    await page.getByRole('combobox', { name: /^Region/ }).selectOption('agder');
    await page.getByRole('combobox', { name: /^Reform/ }).selectOption('bo-trygt-hjemme');
    await page.getByRole('checkbox', { name: 'USHT' }).check();
    for (const name of FIVE) await pickMunicipality(page, name);
    await expect.poll(() => page.getByText('5 kommuner valgt').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'setup-form-light.png'), fullPage: true });

    // Without a name: the server's refusal under the field, and focus on it.
    await page.getByRole('button', { name: 'Opprett nettverket' }).click();
    await page.getByText('Navn på nettverket: skriv et navn.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    await page.getByRole('textbox', { name: /^Navn på nettverket/ }).fill('Agder læringsnettverk');
    await page.getByRole('button', { name: 'Opprett nettverket' }).click();
    await page.getByText('Nettverket «Agder læringsnettverk» er opprettet med 5 kommuner, og du er fasilitator.').waitFor();
    // The new network is chosen in the picker, ready to bind the tab.
    const picker = page.getByRole('combobox', { name: /Læringsnettverk/ });
    await expect.poll(async () => picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Agder læringsnettverk (Agder)');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'setup-form-created-light.png'), fullPage: true });

    const { rows } = await suite.app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM network_municipality nm JOIN network n ON n.id = nm.network_id WHERE n.name = 'Agder læringsnettverk'`,
    );
    expect(rows[0]!.n).toBe(5);

    // The same name again in the same region: refused, named, nothing saved.
    const again = await openForm();
    await again.getByRole('textbox', { name: /^Navn på nettverket/ }).fill('Agder læringsnettverk');
    await again.getByRole('combobox', { name: /^Region/ }).selectOption('agder');
    await again.getByRole('combobox', { name: /^Reform/ }).selectOption('leve-hele-livet');
    await again.getByRole('checkbox', { name: 'KS' }).check();
    await again.getByRole('combobox', { name: /^Fylke/ }).selectOption('42');
    await again.getByRole('button', { name: 'Legg til hele fylket' }).click();
    await expect.poll(() => again.getByText('25 kommuner valgt').count()).toBe(1);
    await again.getByRole('button', { name: 'Opprett nettverket' }).click();
    await again.getByText(/det finnes allerede et nettverk som heter «Agder læringsnettverk» i Agder/).waitFor();
    const count = await suite.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM network WHERE name = 'Agder læringsnettverk'`);
    expect(count.rows[0]!.n).toBe(1);
  });

  it.each(['light', 'dark', 'contrast'])('is axe-clean in the %s theme, filled in', async (theme) => {
    const page = await openForm(`&theme=${theme}`);
    await page.getByRole('combobox', { name: /^Region/ }).selectOption('agder');
    await pickMunicipality(page, 'Arendal');
    await expectNoAxeViolations(page);
    if (theme !== 'light') await page.screenshot({ path: path.join(shots, `setup-form-${theme}.png`), fullPage: true });
  });

  it('does not scroll sideways at 320 px, in all three languages', async () => {
    for (const lang of ['nb', 'nn', 'en']) {
      const page = await suite.newPage({ viewport: { width: 320, height: 900 } });
      await page.goto(`${suite.app.url}/tab/?view=config&lang=${lang}`);
      await page.getByRole('button', { name: { nb: 'Sett opp et nytt nettverk', nn: 'Set opp eit nytt nettverk', en: 'Set up a new network' }[lang]! }).click();
      await page.locator('form[aria-labelledby="setup-title"]').waitFor();
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, lang).toBeLessThanOrEqual(client);
      if (lang === 'nb') await page.screenshot({ path: path.join(shots, 'setup-form-320.png'), fullPage: true });
    }
  });
});
