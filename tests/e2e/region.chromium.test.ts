/**
 * The region overview in the tab (issue 13), in Chromium, as Per (koordinator for Oslo og
 * Viken): both Viken networks with a shared municipality once with each, a filter, the
 * drill-down to a municipality with its delivered mellomarbeid, axe clean in light, dark and
 * contrast, and no sideways scrolling at 320 px.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { kari, per } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

const LHL = 'USHT Viken – læringsnettverk Leve hele livet';
const BTH = 'Viken – læringsnettverk Bo trygt hjemme';

describe.skipIf(!chromiumSuiteEnabled('region.chromium'))('the region overview in the tab, in Chromium', () => {
  const suite = tabSuite('samlingspunkt-region-');
  const shots = path.join(repoRoot, 'docs', 'screenshots');

  const api = async (method: string, url: string, who: { aadObjectId: string }, body?: unknown) => {
    const res = await fetch(suite.app.url + url, {
      method,
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: who.aadObjectId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    // Bærum delivers its mellomarbeid, so the drill-down has a text to show.
    const networkId = (await api('GET', '/api/networks', kari)).json.networks.find((n: any) => n.name === LHL).id;
    const matrix = (await api('GET', `/api/networks/${networkId}/mellomarbeid`, kari)).json;
    const path = `/api/networks/${networkId}/mellomarbeid/${matrix.assignments[0].id}/3201`;
    expect((await api('PUT', path, kari, { status: 'pabegynt' })).status).toBe(200);
    expect((await api('PUT', path, kari, { status: 'levert', submissionText: 'Vi har kartlagt tjenestene i Bærum.' })).status).toBe(200);
  });

  async function open(options: { theme?: string; width?: number } = {}): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), per.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?view=region${options.theme ? `&theme=${options.theme}` : ''}`);
    await page.getByRole('heading', { name: 'Kommunene i nettverkene' }).waitFor({ timeout: 20_000 });
    return page;
  }

  const table = (page: Page) => page.getByRole('table', { name: 'Kommunene i nettverkene' });

  it('shows both Viken networks, Bærum once with each, and attendance by sector', async () => {
    const page = await open();
    await page.getByRole('heading', { name: 'Oslo og Viken' }).waitFor();
    const rows = table(page).getByRole('row');
    expect(await rows.count()).toBe(11); // the header and 6 + 4 municipalities
    expect(await rows.filter({ hasText: LHL }).count()).toBe(6);
    expect(await rows.filter({ hasText: BTH }).count()).toBe(4);
    const baerum = rows.filter({ has: page.getByRole('button', { name: /^Åpne Bærum i / }) });
    expect(await baerum.count()).toBe(2);
    await page.getByRole('heading', { name: 'Oppmøte per samling og sektor' }).waitFor();
    // The demo's Bo trygt hjemme network held its first samling two weeks before the plan starts:
    // its attendance by sector is the «only health attends» picture of seed 004.
    const attendance = page.getByRole('table').filter({ has: page.getByText('Antall deltakere per samling, fordelt på sektor, for kommunene som vises.') });
    const held = attendance.getByRole('row').filter({ hasText: 'Oppstartsamling – Bo trygt hjemme' });
    await held.waitFor();
    const headers = await attendance.getByRole('columnheader').allInnerTexts();
    const cells = await held.getByRole('cell').allInnerTexts();
    const health = Number(cells[headers.indexOf('Helse og omsorg')]);
    const total = Number(cells.at(-1));
    expect(health).toBeGreaterThanOrEqual(4);
    expect(health / total).toBeGreaterThan(0.5);
    // And over the programme, in one sentence.
    const programme = await page.getByText(/^Over programmet: \d+ oppmøter i alt, \d+ % fra helse og omsorg\.$/).innerText();
    expect(Number(/(\d+) %/.exec(programme)![1])).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Last ned rapport (Excel)' }).waitFor();
    // Nothing from Vestland.
    expect(await page.getByText('Vestland').count()).toBe(0);
  });

  it('filters by network and phase, and says how many rows it shows', async () => {
    const page = await open();
    await page.getByRole('combobox', { name: 'Nettverk' }).selectOption({ label: BTH });
    await page.getByRole('status').filter({ hasText: '4 rader vises.' }).waitFor();
    expect(await table(page).getByRole('row').filter({ hasText: LHL }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Nettverk' }).selectOption({ label: 'Alle' });
    await page.getByRole('combobox', { name: 'Fase' }).selectOption({ label: '2 – Kartlegging og planlegging' });
    await page.getByRole('status').filter({ hasText: '2 rader vises.' }).waitFor();
  });

  it('drills down to Bærum, read-only, with the delivered text in both networks’ cards, and back', async () => {
    const page = await open();
    await page.getByRole('button', { name: `Åpne Bærum i ${LHL}` }).click();
    const heading = page.getByRole('heading', { name: 'Bærum i regionen' });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('heading', { name: LHL, level: 3 }).waitFor();
    await page.getByRole('heading', { name: BTH, level: 3 }).waitFor();
    await page.getByText('Vi har kartlagt tjenestene i Bærum.').waitFor();
    // Read-only: nothing to type or choose in the drill-down.
    const detail = page.getByRole('region', { name: 'Bærum i regionen' });
    expect(await detail.getByRole('textbox').count()).toBe(0);
    expect(await detail.getByRole('combobox').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'region-drilldown-light.png'), fullPage: true });
    await page.getByRole('button', { name: 'Tilbake til oversikten' }).click();
    await table(page).waitFor();
    const back = page.getByRole('button', { name: `Åpne Bærum i ${LHL}` });
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('open-'));
    expect(await back.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('is axe clean in light, dark and contrast, with screenshots', async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      const page = await open({ theme });
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shots, `region-${theme}.png`), fullPage: true });
    }
  });

  it('reflows at 320 px without sideways scrolling', async () => {
    const page = await open({ width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'region-320px.png'), fullPage: true });
  });
});
