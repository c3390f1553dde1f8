/**
 * Issue 11 items 5 and 7 in Chromium: every view in bokmål, nynorsk and English × light, dark
 * and high contrast with axe 0 violations; a keyboard walk of the main jobs with the focus
 * asserted after each step; no sideways scrolling at 320 px; the language header on every call.
 * Screenshots go to /tmp/shots/ (or $SHOTS_DIR) and the axe table to axe-table.md beside them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, kari } from '../helpers/people.js';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { axeViolations as axe, tabSuite } from '../helpers/tab-suite.js';

const shotsDir = process.env.SHOTS_DIR ?? '/tmp/shots';
const LANGS = ['nb', 'nn', 'en'] as const;
const THEMES = ['light', 'dark', 'contrast'] as const;
const VIEWS = ['plan', 'malinger', 'nettverk', 'paminnelser', 'config'] as const;
type Lang = (typeof LANGS)[number];

/** The h1 text each view starts with, per language (the view's name, then the network). */
const H1: Record<(typeof VIEWS)[number], Record<Lang, RegExp>> = {
  plan: { nb: /^Aktivitetsplan: USHT Viken/, nn: /^Aktivitetsplan: USHT Viken/, en: /^Activity plan: USHT Viken/ },
  malinger: { nb: /^Målinger: USHT Viken/, nn: /^Målingar: USHT Viken/, en: /^Polls: USHT Viken/ },
  nettverk: { nb: /^Nettverket: USHT Viken/, nn: /^Nettverket: USHT Viken/, en: /^The network: USHT Viken/ },
  paminnelser: { nb: /^Påminnelser: USHT Viken/, nn: /^Påminningar: USHT Viken/, en: /^Reminders: USHT Viken/ },
  config: { nb: /^Koble fanen/, nn: /^Kople fana/, en: /^Connect this tab/ },
};

describe.skipIf(!chromiumSuiteEnabled('tab-a11y.chromium'))('tab: languages, themes, keyboard and reflow in Chromium', () => {
  const suite = tabSuite('samlingspunkt-a11y-');

  beforeAll(async () => {
    await mkdir(shotsDir, { recursive: true });
  });

  async function open(query: string, opts: { who?: { aadObjectId: string }; width?: number; locale?: string } = {}): Promise<Page> {
    // An English browser in New York: nothing in the tab may follow the browser's locale or zone.
    const page = await suite.newPage({ viewport: { width: opts.width ?? 1280, height: 900 }, timezoneId: 'America/New_York', locale: opts.locale ?? 'en-US' }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), (opts.who ?? ingrid).aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/${query}`);
    await settled(page);
    return page;
  }

  /** The view has its heading and nothing is loading any more. */
  async function settled(page: Page): Promise<void> {
    // Nothing loading and no transition running: axe and screenshots see the finished view.
    await page.waitForFunction(
      () => document.querySelector('h1') && !document.querySelector('.fui-Spinner') && document.getAnimations().every((a) => a.playState !== 'running'),
      undefined,
      { timeout: 20_000 },
    );
  }

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
        id: el?.id ?? '',
        invalid: el?.getAttribute('aria-invalid') ?? null,
        describedBy: (el?.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
          .join(' '),
      };
    });

  /** Presses Tab until the focused element matches (at most `max` presses). */
  async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (match(await focused(page))) return;
    }
    throw new Error(`focus never reached the target; last: ${JSON.stringify(await focused(page))}`);
  }

  it('has 0 axe violations, its own h1 and title on every view in nb, nn and en × light, dark and high contrast', { timeout: 600_000 }, async () => {
    const rows: string[] = ['| view | language | theme | axe violations |', '|---|---|---|---|'];
    const failures: string[] = [];
    const titles = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));
    for (const view of VIEWS) {
      for (const lang of LANGS) {
        for (const theme of THEMES) {
          const page = await open(`?view=${view}&lang=${lang}&theme=${theme}`);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          const h1 = (await page.locator('h1').textContent()) ?? '';
          expect(h1, `${view} ${lang}`).toMatch(H1[view][lang]);
          if (theme === 'light') titles.get(lang)!.add(await page.title());
          const found = await axe(page);
          rows.push(`| ${view} | ${lang} | ${theme} | ${found.length} |`);
          if (found.length) failures.push(`${view}/${lang}/${theme}: ${found.join('; ')}`);
          await page.screenshot({ path: path.join(shotsDir, `${view}-${lang}-${theme}.png`), fullPage: true });
        }
      }
    }
    await writeFile(path.join(shotsDir, 'axe-table.md'), rows.join('\n') + '\n');
    expect(failures).toEqual([]);
    // In each language, each view has a document title of its own.
    for (const lang of LANGS) expect([...titles.get(lang)!], lang).toHaveLength(VIEWS.length);
  });

  it('does not scroll sideways at 320 px on any view, in any language, nor with the poll form open', { timeout: 300_000 }, async () => {
    // On failure, names the outermost elements that stick out, to say what to fix.
    const overflow = async (page: Page) =>
      page.evaluate(() => {
        const client = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll<HTMLElement>('body *')].filter(
          (el) => el.getBoundingClientRect().right > client + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > client + 1),
        );
        const culprits = out.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0]} «${(el.textContent ?? '').slice(0, 30)}»`);
        return { scroll: document.documentElement.scrollWidth, client, culprits };
      });
    const wide: string[] = [];
    for (const lang of LANGS) {
      for (const view of VIEWS) {
        const page = await open(`?view=${view}&lang=${lang}`, { width: 320 });
        const o = await overflow(page);
        if (o.scroll > o.client) wide.push(`${view}/${lang}: ${o.scroll} > ${o.client} ${o.culprits.join(' | ')}`);
        if (lang === 'nb') await page.screenshot({ path: path.join(shotsDir, `320-${view}-${lang}.png`), fullPage: true });
      }
      const page = await open(`?view=malinger&lang=${lang}`, { width: 320 });
      await page.getByRole('button', { name: lang === 'en' ? 'New poll' : 'Ny måling' }).click();
      await page.locator('form textarea').first().waitFor();
      const o = await overflow(page);
      if (o.scroll > o.client) wide.push(`poll form/${lang}: ${o.scroll} > ${o.client} ${o.culprits.join(' | ')}`);
      await page.screenshot({ path: path.join(shotsDir, `320-pollform-${lang}.png`), fullPage: true });
    }
    expect(wide).toEqual([]);
  });

  it('writes dates and times the Norwegian way (kl. 10.00) and the English way, whatever the browser locale', async () => {
    const nb = await open('?lang=nb');
    const nbRow = (await nb.getByRole('row').filter({ hasText: 'Samling 1' }).first().textContent()) ?? '';
    expect(nbRow).toMatch(/[a-zæøå]{2,4}\. \d{1,2}\. [a-zæøå]+ ?kl\. \d{2}\.\d{2}–\d{2}\.\d{2}/);
    const en = await open('?lang=en');
    const enRow = (await en.getByRole('row').filter({ hasText: 'Samling 1' }).first().textContent()) ?? '';
    expect(enRow).toMatch(/[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]+ ?\d{2}:\d{2}–\d{2}:\d{2}/);
    expect(enRow).not.toMatch(/AM|PM/);
  });

  it('sends the tab’s language with every request and saves the choice made in the switch', async () => {
    const page = await open('?lang=nn');
    const headers: string[] = [];
    const saved: unknown[] = [];
    page.on('request', (req) => {
      if (!req.url().includes('/api/')) return;
      headers.push(req.headers()['x-samlingspunkt-locale'] ?? '(none)');
      if (req.url().endsWith('/api/me/language') && req.method() === 'PUT') saved.push(req.postDataJSON());
    });
    // Nynorsk from the start: sector names and the «no municipality» group come from the catalogue.
    expect(await page.getByRole('columnheader', { name: 'Kva' }).count()).toBeGreaterThan(0);
    const picker = page.getByRole('combobox', { name: 'Språk' });
    await picker.selectOption('en');
    await page.getByRole('columnheader', { name: 'What' }).first().waitFor();
    await page.getByRole('button', { name: 'Polls' }).click();
    await settled(page);
    await expect.poll(() => saved).toEqual([{ language: 'en' }]);
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every((h) => h === 'en')).toBe(true);
    // The choice follows the person to every browser (FollowSavedLanguage): undo it for the walks below.
    const reset = await fetch(`${suite.app.url}/api/me/language`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ingrid.aadObjectId },
      body: JSON.stringify({ language: null }),
    });
    expect(reset.status).toBe(200);
  });

  it('walks «create a poll» by keyboard: skip link, form, own validation messages, focus to the new poll', { timeout: 120_000 }, async () => {
    const page = await open('?view=malinger');
    // The first Tab reaches the skip link; Enter moves the focus to the view itself.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Gå til hovedinnholdet');
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('main');

    await tabTo(page, (f) => f.text === 'Ny måling' && f.tag === 'button');
    await page.keyboard.press('Enter');
    // Opening the form moves the focus to its heading …
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Ny måling' });
    // … and «Avbryt» puts it back on «Ny måling».
    await tabTo(page, (f) => f.text === 'Avbryt');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Ny måling' });

    await page.keyboard.press('Enter');
    expect((await focused(page)).text).toBe('Ny måling');
    // Submitting it empty: no browser bubble, the tab's own message tied to the field, focus on it.
    await tabTo(page, (f) => f.text === 'Opprett måling');
    await page.keyboard.press('Enter');
    const invalid = await focused(page);
    expect(invalid).toMatchObject({ tag: 'textarea', invalid: 'true' });
    expect(invalid.describedBy).toContain('«Spørsmål» må fylles ut.');
    await page.keyboard.type('Hvor godt kjenner dere reformen?');
    await tabTo(page, (f) => f.tag === 'textarea' && f.describedBy.includes('Ett per linje'));
    await page.keyboard.type('Godt');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Litt');
    // A time in a 24-hour field, a date typed as dd.mm.yyyy: no «PM», no «mm/dd/yyyy».
    await tabTo(page, (f) => f.describedBy.includes('dd.mm.åååå') && f.describedBy.includes('Tomt: åpner nå'));
    await page.keyboard.type('31.02.2030');
    await tabTo(page, (f) => f.describedBy.includes('24-timers klokke'));
    await page.keyboard.type('9.00');
    await tabTo(page, (f) => f.text === 'Opprett måling');
    await page.keyboard.press('Enter');
    const badDate = await focused(page);
    expect(badDate.invalid).toBe('true');
    expect(badDate.describedBy).toContain('«Åpner (dato)»: skriv datoen som dd.mm.åååå');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await tabTo(page, (f) => f.describedBy.includes('24-timers klokke'));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await tabTo(page, (f) => f.text === 'Opprett måling');
    await page.keyboard.press('Enter');
    // Created: the focus lands on the new poll's heading, with the confirmation announced.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2' && document.activeElement.textContent?.includes('reformen'));
    expect(await page.getByRole('status').filter({ hasText: 'Målingen er opprettet' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(shotsDir, 'walk-poll-created.png'), fullPage: true });
  });

  it('walks «update mellomarbeid» by keyboard: the dialog, the saved step, Esc back to the button', { timeout: 120_000 }, async () => {
    const page = await open('?view=nettverk', { who: kari });
    await tabTo(page, (f) => /^Oppdater .* for Bærum$/.test(f.text));
    const opener = (await focused(page)).text;
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    // Open and settled: the focus inside, the opening transition over (Fluent's Dialog takes Esc after it).
    await page.waitForFunction(
      () => !!document.activeElement?.closest('[role="dialog"]') && document.getAnimations().every((x) => x.playState !== 'running'),
      undefined,
      { timeout: 5_000 },
    );
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await tabTo(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('Vi har kartlagt tjenestene.');
    await tabTo(page, (f) => f.text === 'Marker som påbegynt');
    await page.keyboard.press('Enter');
    // The step button is gone with the old status: the focus is on the outcome.
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lagret. Status: Påbegynt.'));
    // As after opening: Fluent's Dialog takes Esc once the re-render's transitions are over.
    await page.waitForFunction(() => document.getAnimations().every((x) => x.playState !== 'running'), undefined, { timeout: 5_000 });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).text, { timeout: 5_000 }).toBe(opener);
  });

  it('walks «new mellomarbeid» by keyboard without the browser’s own «Please fill out this field.»', { timeout: 120_000 }, async () => {
    const page = await open('?view=nettverk');
    await tabTo(page, (f) => f.text === 'Nytt mellomarbeid');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nytt mellomarbeid' });
    await dialog.waitFor();
    await tabTo(page, (f) => f.text === 'Opprett');
    await page.keyboard.press('Enter');
    const first = await focused(page);
    expect(first).toMatchObject({ tag: 'textarea', invalid: 'true' });
    expect(first.describedBy).toContain('«Beskrivelse av oppgaven» må fylles ut.');
    // The form does its own checking (noValidate): the browser shows no bubble of its own.
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).form?.noValidate)).toBe(true);
    await page.keyboard.type('Beskriv forankringen.');
    await tabTo(page, (f) => f.describedBy.includes('dd.mm.åååå'));
    const day = new Date(Date.now() + 21 * 86_400_000);
    await page.keyboard.type(`${day.getUTCDate()}.${day.getUTCMonth() + 1}.${day.getUTCFullYear()}`);
    await tabTo(page, (f) => f.text === 'Opprett');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
    expect((await focused(page)).text).toContain('er opprettet');
    // Esc on a fresh dialog returns to its button (just before the confirmation).
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Nytt mellomarbeid');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).text, { timeout: 5_000 }).toBe('Nytt mellomarbeid');
  });

  it('keeps «Lagret» and the focus after saving quiet hours, with 24-hour fields in the tab’s language', async () => {
    const page = await open('?view=paminnelser&lang=en');
    const from = page.getByRole('textbox', { name: 'Quiet from' });
    expect(await from.inputValue()).toMatch(/^\d{2}:\d{2}$/);
    await from.fill('25:00');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await focused(page)).toMatchObject({ tag: 'input', invalid: 'true' });
    expect((await focused(page)).describedBy).toContain('write the time as hh:mm');
    await from.fill('21:30');
    await page.getByRole('button', { name: 'Save' }).focus();
    // Saving reloads the report (GET …/reminders); what matters is the page after that reload.
    const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && /\/reminders$/.test(new URL(r.url()).pathname));
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Saved.' });
    await status.waitFor();
    await reloaded;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await status.count()).toBe(1);
    expect((await focused(page)).text).toBe('Save');
    expect(await from.inputValue()).toBe('21:30');
  });
});
