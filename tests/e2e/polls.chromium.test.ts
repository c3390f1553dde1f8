import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { expectNoAxeViolations, resultsDir, tabSuite } from '../helpers/tab-suite.js';

describe.skipIf(!chromiumSuiteEnabled('polls.chromium'))('«Målinger» in the tab (Chromium)', () => {
  const suite = tabSuite('samlingspunkt-polls-tab-');

  async function open(query: string): Promise<Page> {
    // Far from Oslo on purpose: times are still shown and entered in Norwegian time.
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York', acceptDownloads: true });
    await page.goto(`${suite.app.url}/tab/${query}`);
    return page;
  }

  it('shows the before/after pair side by side with the shift, accessibly', async () => {
    const page = await open('?view=malinger');
    await page.getByRole('heading', { name: 'Før og etter' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('navigation', { name: 'Visning' }).getByRole('button', { name: 'Målinger' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('heading', { level: 2, name: /Leve hele livet bidra/ }).count()).toBeGreaterThan(0);

    const shifts = page.getByRole('listitem').filter({ hasText: 'I stor grad' }).filter({ hasText: 'Før:' });
    const text = (await shifts.first().textContent()) ?? '';
    expect(text).toMatch(/Før: 0\s?%/);
    expect(text).toMatch(/Etter: 50\s?%/);
    expect(text).toContain('+50 pp');
    expect(text).toContain('opp'); // the direction in words, not only an arrow
    const municipalities = page.getByRole('table', { name: /Endring per kommune/ });
    expect(await municipalities.getByRole('row').filter({ hasText: 'Bærum' }).count()).toBe(1);

    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-polls.png'), fullPage: true });
  });

  it('renders the results in the dark theme accessibly', async () => {
    const page = await open('?view=malinger&theme=dark');
    await page.getByRole('heading', { name: 'Før og etter' }).waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-polls-dark.png'), fullPage: true });
  });

  it('keeps the plan the default view and switches to «Målinger» in the nav', async () => {
    const page = await open('');
    await page.getByRole('table').first().waitFor({ timeout: 20_000 });
    const nav = page.getByRole('navigation', { name: 'Visning' });
    expect(await nav.getByRole('button', { name: 'Aktivitetsplan' }).getAttribute('aria-current')).toBe('page');
    await nav.getByRole('button', { name: 'Målinger' }).click();
    await page.getByRole('heading', { name: 'Alle målinger' }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('view')).toBe('malinger');
  });

  it('creates a poll from the form with a live preview of the card', async () => {
    const page = await open('?view=malinger');
    await page.getByRole('button', { name: 'Ny måling' }).click();
    await page.getByRole('textbox', { name: 'Spørsmål' }).fill('Hvilket innsatsområde velger dere?');
    await page.getByRole('radio', { name: 'Flere valg' }).check();
    await page.getByRole('textbox', { name: /Alternativer/ }).fill('Et aldersvennlig Norge\nAktivitet og fellesskap\nMat og måltider');
    const preview = page.getByRole('figure', { name: 'Forhåndsvisning av kortet i Teams' });
    expect(await preview.textContent()).toContain('Hvilket innsatsområde velger dere?');
    expect(await preview.getByRole('checkbox', { name: 'Mat og måltider' }).count()).toBe(1);
    await page.getByRole('checkbox', { name: /Anonym måling/ }).check();
    expect(await preview.textContent()).toContain('Anonym: svarene lagres uten navn');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-polls-form.png'), fullPage: true });

    await page.getByRole('button', { name: 'Opprett måling' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hvilket innsatsområde velger dere?' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Resultatene vises når minst 5 har svart (anonym måling).').count()).toBe(1);
  });

  it('refuses a bad poll with the server’s Norwegian reason', async () => {
    const page = await open('?view=malinger');
    await page.getByRole('button', { name: 'Ny måling' }).click();
    await page.getByRole('textbox', { name: 'Spørsmål' }).fill('Bare ett alternativ?');
    await page.getByRole('textbox', { name: /Alternativer/ }).fill('Ja');
    await page.getByRole('button', { name: 'Opprett måling' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('Skriv 2–10 alternativer');
  });
});
