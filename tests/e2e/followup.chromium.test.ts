/**
 * «Hvem har ikke svart» in Chromium (issue 13), as Ingrid (fasilitator): the panel under a
 * reflection task in the network view lists the deltakere who have not answered per
 * municipality, and «Send påminnelse til disse» shows its confirmation; the same panel under a
 * named poll in «Målinger», none under an anonymous one. Axe clean in light, dark and contrast,
 * no sideways scrolling at 320 px.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

const TASK = 'Oppfølging i nettleseren';
const POLL = 'Passer torsdag for neste samling?';
const ANONYMOUS_POLL = 'Hvor fornøyd er du, anonymt?';

describe.skipIf(!chromiumSuiteEnabled('followup.chromium'))('«Hvem har ikke svart» in Chromium', () => {
  const suite = tabSuite('samlingspunkt-followup-');
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let networkId = '';
  let pollId = '';
  let anonymousPollId = '';

  const post = async (p: string, body: unknown) => {
    const res = await fetch(`${suite.app.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ingrid.aadObjectId }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    return (await res.json()) as any;
  };

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    const res = await fetch(`${suite.app.url}/api/networks`, { headers: { [DEV_USER_HEADER]: ingrid.aadObjectId } });
    networkId = ((await res.json()) as any).networks.find((n: any) => n.slug === 'usht-viken').id;
    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await post(`/api/networks/${networkId}/reflections`, { title: TASK, prompts: ['Hva tok dere med hjem?'], dueAt });
    pollId = (await post(`/api/networks/${networkId}/polls`, { question: POLL, kind: 'enkeltvalg', options: ['Ja', 'Nei'], closesAt: dueAt })).poll.id;
    anonymousPollId = (await post(`/api/networks/${networkId}/polls`, { question: ANONYMOUS_POLL, kind: 'enkeltvalg', options: ['Ja', 'Nei'], anonymous: true, closesAt: dueAt })).poll.id;
  });

  async function open(query: string, options: { theme?: string; width?: number } = {}): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), ingrid.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?${query}&network=${networkId}${options.theme ? `&theme=${options.theme}` : ''}`);
    return page;
  }
  const taskCard = (page: Page) => page.getByRole('article', { name: TASK });
  const openTaskPanel = async (page: Page) => {
    await taskCard(page).waitFor({ timeout: 20_000 });
    // By keyboard: the toggle is a button that says whether the panel is open.
    await taskCard(page).getByRole('button', { name: 'Hvem har ikke svart?' }).focus();
    await page.keyboard.press('Enter');
    const panel = taskCard(page).getByRole('region', { name: `Hvem har ikke svart: ${TASK}` });
    await panel.getByRole('button', { name: 'Send påminnelse til disse' }).waitFor();
    return panel;
  };

  it('lists the names per municipality under a reflection task and confirms the reminder', async () => {
    const page = await open('view=nettverk');
    const panel = await openTaskPanel(page);
    await panel.getByText('3 deltakere har ikke svart.').waitFor();
    const municipalities = await panel.getByRole('heading', { level: 5 }).allInnerTexts();
    expect(municipalities.length).toBeGreaterThan(1);
    expect(municipalities).toEqual([...municipalities].sort((a, b) => a.localeCompare(b, 'nb')));
    for (const name of ['Kari Nordmann', 'Ola Berg']) await panel.getByRole('listitem').filter({ hasText: name }).waitFor();
    await expect.poll(() => taskCard(page).getByRole('button', { name: 'Hvem har ikke svart?' }).count()).toBe(0);
    expect(await taskCard(page).getByRole('button', { name: 'Skjul hvem som ikke har svart' }).getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'followup-reflection-light.png'), fullPage: true });

    await panel.getByRole('button', { name: 'Send påminnelse til disse' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Påminnelsen sendes nå til 3 personer.' }).waitFor();
    // The focus stays on the (now unavailable) button instead of falling back to the page.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Send påminnelse til disse');
    // The list shows when it went, and the button waits out the interval instead of sending twice.
    await panel.getByText(/^Påminnelse (bestilt|sendt) /).waitFor();
    expect(await panel.getByRole('button', { name: 'Send påminnelse til disse' }).isDisabled()).toBe(true);
    await panel.getByText(/^Det er nylig sendt en påminnelse\. Neste kan sendes /).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'followup-sent-light.png'), fullPage: true });
  });

  it('offers the panel under a named poll, never under an anonymous one', async () => {
    const page = await open(`view=malinger&poll=${pollId}`);
    await page.getByRole('button', { name: 'Hvem har ikke svart?' }).click();
    const panel = page.getByRole('region', { name: `Hvem har ikke svart: ${POLL}` });
    await panel.getByRole('listitem').filter({ hasText: 'Kari Nordmann' }).waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'followup-poll-light.png'), fullPage: true });

    const anonymous = await open(`view=malinger&poll=${anonymousPollId}`);
    await anonymous.getByRole('heading', { name: ANONYMOUS_POLL }).first().waitFor({ timeout: 20_000 });
    expect(await anonymous.getByRole('button', { name: 'Hvem har ikke svart?' }).count()).toBe(0);
  });

  it('is axe clean in dark and contrast, and reflows at 320 px', async () => {
    for (const theme of ['dark', 'contrast']) {
      const page = await open('view=nettverk', { theme });
      await openTaskPanel(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shots, `followup-${theme}.png`), fullPage: true });
    }
    const page = await open('view=nettverk', { width: 320 });
    const panel = await openTaskPanel(page);
    await panel.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'followup-320px.png') });
  });
});
