/**
 * «Mine oppgaver og samlinger» in Chromium (issue 13), as Kari (deltaker, Bærum): her channel
 * tab opens on her own page with her next samling and her open tasks; she answers a poll and a
 * reflection task there, and the API and the bot's card then show the same answers. The nav
 * offers her no facilitator views, a refusal has no «Prøv igjen», and the page is axe clean in
 * light, dark and contrast and reflows at 320 px.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { cardAction } from '../helpers/activities.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, kari } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';

const LHL = 'USHT Viken – læringsnettverk Leve hele livet';
const QUESTION = 'Hvor nyttig var samlingen for kommunen din?';
const TASK = 'Refleksjon i fanen';

describe.skipIf(!chromiumSuiteEnabled('personal.chromium'))('the personal view in the tab, in Chromium', () => {
  const suite = tabSuite('samlingspunkt-personal-');
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let networkId = '';
  let pollId = '';
  let taskId = '';

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
    networkId = (await api('GET', '/api/networks', kari)).json.networks.find((n: any) => n.name === LHL).id;
    const poll = await api('POST', `/api/networks/${networkId}/polls`, ingrid, { question: QUESTION, kind: 'enkeltvalg', options: ['Svært nyttig', 'Litt nyttig', 'Ikke nyttig'] });
    expect(poll.status, JSON.stringify(poll.json)).toBe(201);
    pollId = poll.json.poll.id;
    const task = await api('POST', `/api/networks/${networkId}/reflections`, ingrid, {
      template: 'seed-000',
      title: TASK,
      visibility: 'nettverket',
      dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      delivery: 'ingen',
    });
    expect(task.status, JSON.stringify(task.json)).toBe(201);
    taskId = task.json.task.id;
    // Bærum delivers its mellomarbeid and gets feedback, so she can reread both on her page.
    const matrix = (await api('GET', `/api/networks/${networkId}/mellomarbeid`, kari)).json;
    const work = `/api/networks/${networkId}/mellomarbeid/${matrix.assignments[0].id}/3201`;
    expect((await api('PUT', work, kari, { status: 'pabegynt' })).status).toBe(200);
    expect((await api('PUT', work, kari, { status: 'levert', submissionText: 'Vi har kartlagt hjemmetjenestene i Bærum.' })).status).toBe(200);
    expect((await api('PUT', work, ingrid, { status: 'tilbakemelding-gitt', feedback: 'Grundig kartlegging, takk.' })).status).toBe(200);
  });

  async function open(options: { theme?: string; width?: number; query?: string } = {}): Promise<Page> {
    const page = await suite.newPage({ viewport: { width: options.width ?? 1280, height: 900 } }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), kari.aadObjectId),
    );
    // The channel tab's own address (no view named): a deltaker starts on her own page.
    await page.goto(`${suite.app.url}/tab/?network=${networkId}${options.theme ? `&theme=${options.theme}` : ''}${options.query ?? ''}`);
    if (!options.query) await page.getByRole('heading', { name: /Dine neste samlinger og oppgaver/, level: 1 }).waitFor({ timeout: 20_000 });
    return page;
  }

  const pollCard = (page: Page) => page.getByRole('listitem').filter({ has: page.getByRole('group', { name: QUESTION }) });
  const taskCard = (page: Page) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TASK, level: 3 }) });

  it('opens on her own page with her next samling, and offers no facilitator views', async () => {
    const page = await open();
    const nav = page.getByRole('navigation', { name: 'Visning' });
    expect(await nav.getByRole('button', { name: 'Mine oppgaver' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('button', { name: 'Påminnelser' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Administrasjon' }).count()).toBe(0);
    await nav.getByRole('button', { name: 'Aktivitetsplan' }).waitFor();
    const sessions = page.getByRole('region', { name: 'Mine neste samlinger' });
    expect(await sessions.getByRole('listitem').count()).toBeGreaterThan(0);
    // The demo's samlinger have a Teams meeting: the first one there is joinable from here.
    await sessions.getByRole('link', { name: /^Bli med i Teams-møtet: Samling/ }).first().waitFor();
    await page.getByRole('region', { name: 'Refleksjonsoppgaver' }).getByRole('heading', { name: TASK }).waitFor();
    await pollCard(page).waitFor();
    await page.getByRole('switch', { name: 'Send meg påminnelser' }).waitFor();
    const work = page.getByRole('region', { name: 'Mellomarbeid for Bærum' });
    await work.getByText('Vi har kartlagt hjemmetjenestene i Bærum.').waitFor();
    await work.getByText('Grundig kartlegging, takk.').waitFor();
    await work.getByText('Tilbakemelding gitt').first().waitFor();
    // Her own calendar feed (the calendar capability's component) sits with her sessions.
    await sessions.getByRole('button', { name: 'Legg til i kalender' }).waitFor();
  });

  it('answers a poll there; the poll’s results through the API count her vote', async () => {
    const page = await open();
    const card = pollCard(page);
    await card.getByRole('radio', { name: 'Litt nyttig' }).check();
    await card.getByRole('button', { name: 'Send svar' }).click();
    await card.getByText('Takk! Svaret ditt er lagret.').waitFor();
    await card.getByText('Ditt svar: Litt nyttig. 1 har svart.').waitFor();
    await card.getByRole('button', { name: 'Endre svaret' }).waitFor();
    const results = await api('GET', `/api/networks/${networkId}/polls/${pollId}`, ingrid);
    expect(results.json.poll.respondents).toBe(1);
    expect(results.json.results.overall.options.map((o: any) => o.count)).toEqual([0, 1, 0]);
    // After a reload the tab shows the stored answer, not just what it sent.
    await page.reload();
    await pollCard(page).getByText('Ditt svar: Litt nyttig.', { exact: false }).waitFor({ timeout: 20_000 });
    expect(await pollCard(page).getByRole('radio', { name: 'Litt nyttig' }).isChecked()).toBe(true);
  });

  it('answers and edits a reflection task there; the bot’s card shows her tab answer', async () => {
    const page = await open();
    const card = taskCard(page);
    await card.getByText('Hvem ser svaret: Delt med nettverket').waitFor();
    await card.getByText(/^Frist /).waitFor();
    await card.getByRole('textbox', { name: 'Har jeg god innsikt i det totale utfordringsbildet?' }).fill('Ganske god, men ikke for hjemmetjenestene.');
    await card.getByRole('textbox', { name: /Hva trenger jeg mer innsikt i/ }).fill('Frivilligheten i Bærum.');
    await card.getByRole('textbox', { name: /Hvordan vil jeg presentere dette videre/ }).fill('På ledermøtet.');
    await card.getByRole('button', { name: 'Send svar' }).click();
    await card.getByText('Svaret ditt er lagret.').waitFor();
    await card.getByText('Besvart', { exact: true }).waitFor();
    await card.getByRole('textbox', { name: /Hva trenger jeg mer innsikt i/ }).fill('Frivilligheten og eldrerådet.');
    await card.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.waitForFunction(() => document.body.innerText.includes('Svaret ditt er lagret.'));

    const mine = await api('GET', `/api/networks/${networkId}/reflections/mine`, kari);
    expect(mine.json.items.find((i: any) => i.task.id === taskId).answers).toEqual(['Ganske god, men ikke for hjemmetjenestene.', 'Frivilligheten og eldrerådet.', 'På ledermøtet.']);
    // The bot's answer card for her («Se og endre»), through /api/messages, has the same text.
    const invoke = cardAction('refleksjon.vis', { taskId }, {
      serviceUrl: 'http://127.0.0.1:9',
      conversationId: `a:personal-e2e-${randomUUID()}`,
      conversationType: 'personal',
      fromAadObjectId: kari.aadObjectId,
      fromName: kari.displayName,
    });
    const res = await fetch(`${suite.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke) });
    expect(res.status).toBe(200);
    const botCard = JSON.stringify(((await res.json()) as any).value);
    expect(botCard).toContain('Frivilligheten og eldrerådet.');
    expect(botCard).toContain('Ganske god, men ikke for hjemmetjenestene.');

    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'personal-answered-light.png'), fullPage: true });
  });

  it('turns her reminders off and on from her page', async () => {
    const page = await open();
    const toggle = page.getByRole('switch', { name: 'Send meg påminnelser' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page.getByText('Påminnelser er slått av.', { exact: false }).waitFor();
    expect((await api('GET', '/api/me/overview', kari)).json.remindersOn).toBe(false);
    await toggle.click();
    await page.getByText('Påminnelser er slått på.').waitFor();
    expect((await api('GET', '/api/me/overview', kari)).json.remindersOn).toBe(true);
  });

  it('shows a refusal that cannot change without «Prøv igjen»', async () => {
    const page = await open({ query: '&view=paminnelser' });
    const alert = page.getByRole('alert').filter({ hasText: /Bare fasilitatorer/ });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.getByRole('button', { name: 'Prøv igjen' }).count()).toBe(0);
  });

  it('is axe clean in light, dark and contrast, with screenshots', async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      const page = await open({ theme });
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(shots, `personal-${theme}.png`), fullPage: true });
    }
  });

  it('speaks nynorsk and English too, axe clean', async () => {
    for (const [lang, heading, polls] of [
      ['nn', 'Dei neste samlingane og oppgåvene dine', 'Målingar som er opne for deg'],
      ['en', 'Your next sessions and tasks', 'Polls open to you'],
    ] as const) {
      const page = await open({ query: `&lang=${lang}` });
      await page.getByRole('heading', { name: new RegExp(heading), level: 1 }).waitFor({ timeout: 20_000 });
      await page.getByRole('heading', { name: polls, level: 2 }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectNoAxeViolations(page);
      if (lang === 'nn') await page.screenshot({ path: path.join(shots, 'personal-nn-light.png'), fullPage: true });
    }
  });

  it('reflows at 320 px without sideways scrolling', async () => {
    const page = await open({ width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, 'personal-320px.png'), fullPage: true });
  });
});
