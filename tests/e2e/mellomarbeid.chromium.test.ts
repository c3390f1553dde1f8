import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, kari } from '../helpers/people.js';
import { expectNoAxeViolations, resultsDir, tabSuite } from '../helpers/tab-suite.js';

describe.skipIf(!chromiumSuiteEnabled('mellomarbeid.chromium'))('network page (mellomarbeid, reflections, focus) in Chromium', () => {
  const suite = tabSuite('samlingspunkt-network-');
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
    // Kari answers the seeded seed-000 task, so the shared summary has something in it.
    const tasks = (await api('GET', `/api/networks/${networkId}/reflections`, ingrid)).json.tasks;
    const seeded = tasks.find((x: any) => x.title === 'Refleksjon etter oppstartseminaret');
    const answered = await api('PUT', `/api/networks/${networkId}/reflections/${seeded.id}/answer`, kari, {
      answers: ['Vi har god oversikt over sykehjemmene, mindre over hjemmetjenesten.', 'Kommunens helsedata og KS.', 'På neste ledermøte.'],
    });
    expect(answered.status).toBe(200);
    const focus = await api('PUT', `/api/networks/${networkId}/municipalities/3201/focus`, kari, {
      choices: ['fokusomrade:aktivitet-og-fellesskap', 'losning:mat-og-maltider-2'],
    });
    expect(focus.status).toBe(200);
  });

  async function open(who: { aadObjectId: string }, query = ''): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), who.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=nettverk${query}`);
    await page.getByRole('table', { name: 'Mellomarbeid' }).waitFor({ timeout: 20_000 });
    return page;
  }

  const cellText = async (page: Page, municipality: string) =>
    (await page.getByRole('table', { name: 'Mellomarbeid' }).getByRole('row').filter({ hasText: municipality }).textContent()) ?? '';

  it('shows the facilitator the status matrix, the shared reflections and focus areas with phase, without axe violations', async () => {
    const page = await open(ingrid);
    const nav = page.getByRole('navigation', { name: 'Visning' });
    expect(await nav.getByRole('button', { name: 'Mellomarbeid og refleksjoner' }).getAttribute('aria-current')).toBe('page');
    const matrix = page.getByRole('table', { name: 'Mellomarbeid' });
    expect(await matrix.getByRole('columnheader', { name: /Kartlegging av utfordringsbildet/ }).count()).toBe(1);
    expect(await matrix.getByRole('columnheader').first().textContent()).toBe('Kommune');
    expect(await matrix.getByText('0 av 6 levert').count()).toBe(1);
    expect(await matrix.getByRole('progressbar', { name: /Fremdrift for Kartlegging/ }).count()).toBe(1);
    expect(await matrix.getByRole('row').count()).toBe(7);
    expect(await cellText(page, 'Bærum')).toContain('Ikke startet');

    const sharing = page.getByRole('region', { name: 'Deling av refleksjoner og erfaringer' });
    const task = sharing.getByRole('article', { name: 'Refleksjon etter oppstartseminaret' });
    expect(await task.getByRole('heading', { name: 'Har jeg god innsikt i det totale utfordringsbildet?' }).count()).toBe(1);
    const taskText = await task.textContent();
    expect(taskText).toContain('Bærum');
    expect(taskText).toContain('Kari Nordmann');
    expect(taskText).toContain('Vi har god oversikt over sykehjemmene');
    expect(taskText).toContain('Delt med nettverket');
    expect(await task.getByRole('button', { name: 'Send til deltakerne' }).count()).toBe(1);

    const focus = page.getByRole('table', { name: 'Fokusområder og fase' });
    expect(await focus.getByRole('combobox', { name: 'Fase for Bærum' }).inputValue()).toBe('2');
    expect(await focus.getByRole('row').filter({ hasText: 'Moss' }).textContent()).toContain('Ingen valgt ennå');
    const baerum = await focus.getByRole('row').filter({ hasText: 'Bærum' }).textContent();
    expect(baerum).toContain('Aktivitet og fellesskap');
    expect(baerum).toContain('Mat og måltider: Måltidstider – maks 11 timer mellom kveldsmat og frokost');
    expect(baerum).toMatch(/valgt \d{2}\.\d{2}\.\d{4}/);

    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-network.png'), fullPage: true });
  });

  it('lets Kari move Bærum’s mellomarbeid to levert in the tab, offering no step that skips a status, and the matrix shows it', async () => {
    const page = await open(kari);
    const matrix = page.getByRole('table', { name: 'Mellomarbeid' });
    // A deltaker sees their own municipality's row only.
    expect(await matrix.getByRole('row').count()).toBe(2);
    await matrix.getByRole('button', { name: /Oppdater Kartlegging av utfordringsbildet i kommunen for Bærum/ }).click();

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Lever' }).count()).toBe(0);
    await dialog.getByRole('textbox', { name: /Besvarelse/ }).fill('Vi har kartlagt tjenestene og satt sammen et team på tvers av sektorer.');
    await dialog.getByRole('button', { name: 'Marker som påbegynt' }).click();
    await dialog.getByText('Lagret. Status: Påbegynt.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(resultsDir, 'tab-network-dialog.png') });

    await dialog.getByRole('button', { name: 'Lever' }).click();
    await dialog.getByText('Lagret. Status: Levert.').waitFor();
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await cellText(page, 'Bærum')).toContain('Levert');
    expect(await matrix.getByText('1 av 6 levert').count()).toBe(1);

    // The facilitator's matrix shows it after a fresh load, and the dark theme stays accessible.
    await suite.closePage();
    const facilitator = await open(ingrid, '&theme=dark');
    expect(await cellText(facilitator, 'Bærum')).toContain('Levert');
    expect(await cellText(facilitator, 'Asker')).toContain('Ikke startet');
    await expectNoAxeViolations(facilitator);
    await facilitator.screenshot({ path: path.join(resultsDir, 'tab-network-dark.png'), fullPage: true });
  });

  it('shows the server’s Norwegian refusal in the dialog when someone else moved the work first', async () => {
    const matrix = (await api('GET', `/api/networks/${networkId}/mellomarbeid`, ingrid)).json;
    const assignment = matrix.assignments[0].id;
    expect((await api('PUT', `/api/networks/${networkId}/mellomarbeid/${assignment}/3201`, ingrid, { status: 'pabegynt' })).status).toBe(200);
    const page = await open(kari);
    await page.getByRole('table', { name: 'Mellomarbeid' }).getByRole('button', { name: /for Bærum/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Another Bærum tab delivers meanwhile; this dialog still believes «påbegynt».
    expect((await api('PUT', `/api/networks/${networkId}/mellomarbeid/${assignment}/3201`, kari, { status: 'levert' })).status).toBe(200);
    await dialog.getByRole('button', { name: 'Lever' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Statusen er endret i mellomtiden (nå: «levert»)');
    await expectNoAxeViolations(page);
  });

  it('lets a facilitator give new mellomarbeid to chosen municipalities, due in Oslo time', async () => {
    const page = await open(ingrid);
    await page.getByRole('button', { name: 'Nytt mellomarbeid' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt mellomarbeid' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /Tittel/ }).fill('Forankring i kommunestyret');
    await dialog.getByRole('textbox', { name: /Beskrivelse/ }).fill('Beskriv hvordan arbeidet er forankret politisk.');
    // Typed as dd.mm.yyyy: the tab's date field does not follow the browser's locale.
    const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    await dialog.getByLabel(/Frist \(dato\)/).fill(day);
    for (const name of ['Drammen', 'Lillestrøm', 'Moss', 'Ringerike']) await dialog.getByRole('checkbox', { name }).uncheck();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Opprett' }).click();
    await dialog.waitFor({ state: 'detached' });

    const header = page.getByRole('table', { name: 'Mellomarbeid' }).getByRole('columnheader', { name: /Forankring i kommunestyret/ });
    await header.waitFor();
    const text = (await header.textContent()) ?? '';
    expect(text).toContain('kl. 16.00');
    expect(text).toContain('0 av 2 levert');
    expect(await cellText(page, 'Moss')).toContain('Ikke tildelt');
  });
});
