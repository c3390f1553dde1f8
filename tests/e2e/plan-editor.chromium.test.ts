/**
 * The plan editor in the tab (issue 12), in Chromium: create, change only the time (the Teams
 * link and the agenda stay, checked through the API), delete after a confirmation that says
 * what goes with it, all of it by keyboard too, axe-clean in three themes and at 320 px.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { chromiumSuiteEnabled } from '../helpers/chromium.js';
import { ingrid, kari } from '../helpers/people.js';
import { expectNoAxeViolations, repoRoot, tabSuite } from '../helpers/tab-suite.js';
import { waitFor } from '../helpers/wait.js';

const shots = path.join(repoRoot, 'docs/screenshots');
const until = <T>(probe: () => T | Promise<T>) => waitFor(probe, { what: 'the plan editor to settle', timeoutMs: 15_000 });

describe.skipIf(!chromiumSuiteEnabled('plan-editor.chromium'))('plan editor in Chromium', () => {
  const suite = tabSuite('samlingspunkt-plan-editor-');
  let networkId = '';

  const api = async (method: string, url: string, body?: unknown, who = ingrid) => {
    const res = await fetch(suite.app.url + url, {
      method,
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: who.aadObjectId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const items = async () => (await api('GET', `/api/networks/${networkId}/plan`)).json.items as any[];
  const byTitle = async (title: string) => (await items()).find((i) => i.title === title);

  beforeAll(async () => {
    networkId = (await api('GET', '/api/networks')).json.networks[0].id;
  });

  async function open(who: { aadObjectId: string }, query = '', width = 1280): Promise<Page> {
    const page = await suite.newPage({ viewport: { width, height: 900 }, timezoneId: 'America/New_York' }, (context) =>
      context.addInitScript((id) => localStorage.setItem('samlingspunkt.devUser', id), who.aadObjectId),
    );
    await page.goto(`${suite.app.url}/tab/?network=${networkId}${query}`);
    await page.getByRole('heading', { name: /Kommende/ }).waitFor({ timeout: 20_000 });
    return page;
  }

  const dialog = (page: Page) => page.getByRole('dialog');
  // A dialog fades in: axe measures contrast at full opacity only once the animation is over.
  const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const axeClean = async (page: Page) => {
    await settled(page);
    await expectNoAxeViolations(page);
  };
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('creates an item, changes only its time after a preview, and deletes it after a confirmation', async () => {
    const page = await open(ingrid);
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    const d = dialog(page);
    await d.getByLabel('Type').selectOption('webinar');
    await d.getByLabel('Tittel').fill('Webinar om velferdsteknologi');
    await d.getByLabel('Dato').fill('14.09.2027');
    await d.getByRole('textbox', { name: /^Start( \*)?$/ }).fill('10.00');
    await d.getByRole('textbox', { name: /^Slutt( \*)?$/ }).fill('11.00');
    await d.getByLabel('Agenda').fill('Innledning, erfaringer fra Asker');
    await d.getByLabel('Lenke til Teams-møtet').fill('https://teams.microsoft.com/l/meetup-join/velferd');
    await settled(page);
    await page.screenshot({ path: path.join(shots, 'plan-editor-dialog-light.png') });
    await d.getByRole('button', { name: 'Opprett' }).click();
    await d.waitFor({ state: 'detached' });
    const created = await until(() => byTitle('Webinar om velferdsteknologi'));
    // In Oslo time, whatever the browser's zone.
    expect(created.startsAt).toBe('2027-09-14T08:00:00.000Z');
    await until(async () => (await focusedId(page)) === `plan-item-${created.id}`);

    // Only the time: the server keeps everything else.
    await page.getByRole('button', { name: 'Rediger «Webinar om velferdsteknologi»' }).click();
    await dialog(page).getByRole('textbox', { name: /^Start( \*)?$/ }).fill('12.00');
    await dialog(page).getByRole('textbox', { name: /^Slutt( \*)?$/ }).fill('13.30');
    await dialog(page).getByRole('button', { name: 'Gå videre' }).click();
    const consequences = dialog(page).getByTestId('plan-consequences');
    await consequences.waitFor();
    expect(await consequences.textContent()).toMatch(/påminnelser? flyttes til/);
    await settled(page);
    await page.screenshot({ path: path.join(shots, 'plan-editor-preview-light.png') });
    await dialog(page).getByRole('button', { name: 'Lagre' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    const moved = await until(async () => {
      const item = await byTitle('Webinar om velferdsteknologi');
      return item?.startsAt === '2027-09-14T10:00:00.000Z' ? item : undefined;
    });
    expect(moved).toMatchObject({ endsAt: '2027-09-14T11:30:00.000Z', meetingUrl: 'https://teams.microsoft.com/l/meetup-join/velferd', agenda: 'Innledning, erfaringer fra Asker', kind: 'webinar' });
    await until(async () => (await focusedId(page)) === `plan-item-${created.id}`);

    // Delete: the confirmation says what goes with it.
    await page.getByRole('button', { name: 'Flere valg for «Webinar om velferdsteknologi»' }).click();
    await page.getByRole('menuitem', { name: 'Slett' }).click();
    const alert = page.getByRole('alertdialog');
    await alert.getByTestId('plan-consequences').waitFor();
    expect(await alert.textContent()).toMatch(/påminnelser? avlyses/);
    await settled(page);
    await page.screenshot({ path: path.join(shots, 'plan-editor-delete-light.png') });
    await alert.getByRole('button', { name: 'Slett aktiviteten' }).click();
    await alert.waitFor({ state: 'detached' });
    await until(async () => (await byTitle('Webinar om velferdsteknologi')) === undefined);
    // The item is gone: the focus goes to «Ny aktivitet».
    await until(() => page.evaluate(() => document.activeElement?.hasAttribute('data-plan-new') === true));
  });

  it('shows a refusal at its field and saves nothing', async () => {
    const page = await open(ingrid);
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    const d = dialog(page);
    await d.getByLabel('Tittel').fill('Baklengs');
    await d.getByLabel('Dato').fill('15.09.2027');
    await d.getByRole('textbox', { name: /^Start( \*)?$/ }).fill('12.00');
    await d.getByRole('textbox', { name: /^Slutt( \*)?$/ }).fill('11.00');
    await d.getByRole('button', { name: 'Opprett' }).click();
    const end = d.getByRole('textbox', { name: /^Slutt( \*)?$/ });
    await until(async () => (await end.getAttribute('aria-invalid')) === 'true');
    expect(await d.textContent()).toMatch(/må være etter start/);
    expect(await byTitle('Baklengs')).toBeUndefined();
  });

  it('edits an item by keyboard alone, and the focus comes back to it', async () => {
    const target = (await items()).find((i) => i.kind === 'webinar' || i.kind === 'dialogmote') ?? (await items())[1];
    const page = await open(ingrid);
    await page.getByRole('button', { name: `Rediger «${target.title}»` }).focus();
    await page.keyboard.press('Enter');
    const title = dialog(page).getByLabel('Tittel');
    await title.waitFor();
    // From the first field (Type) to the title.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${target.title} (tastatur)`);
    await page.keyboard.press('Enter');
    await dialog(page).getByTestId('plan-consequences').waitFor();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    await until(async () => (await byTitle(`${target.title} (tastatur)`)) !== undefined);
    await until(async () => (await focusedId(page)) === `plan-item-${target.id}`);
    const after = await byTitle(`${target.title} (tastatur)`);
    expect({ ...after, title: target.title }).toEqual(target);
  });

  /**
   * Renames the first coming item with `suffix` added and holds the plan's reload after the save
   * until `release()`; `shown` waits (by the DOM: behind an open modal the page is aria-hidden, as it
   * should be, so a role query would not see it) until the plan after the save is on the page.
   */
  async function saveWithTheReloadHeld(suffix: string) {
    const target = (await items()).find((i) => Date.parse(i.startsAt) > Date.now())!;
    const page = await open(ingrid);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let reloads = 0;
    await page.route(
      (url) => url.pathname === `/api/networks/${networkId}/plan`,
      async (route) => {
        if (route.request().method() === 'GET') {
          reloads += 1;
          await held;
        }
        await route.continue();
      },
    );
    await page.getByRole('button', { name: `Rediger «${target.title}»` }).click();
    await dialog(page).getByLabel('Tittel').fill(`${target.title} ${suffix}`);
    await dialog(page).getByRole('button', { name: 'Gå videre' }).click();
    await dialog(page).getByRole('button', { name: 'Lagre' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await until(() => reloads === 1);
    const shown = async () => {
      await page.locator(`button[aria-label="Rediger «${target.title} ${suffix}»"]`).waitFor({ state: 'attached' });
      await settled(page);
    };
    // The title back, for the screenshots the tests after this one take.
    const restore = async () => expect((await api('PATCH', `/api/networks/${networkId}/plan/${target.id}`, { title: target.title })).status).toBe(200);
    return { page, target, release, shown, restore };
  }

  it('keeps the focus in a dialog opened while the plan after a save is still loading', async () => {
    const { page, target, release, shown, restore } = await saveWithTheReloadHeld('(lastes)');
    await page.getByRole('button', { name: `Flere valg for «${target.title}»` }).click();
    await page.getByRole('menuitem', { name: 'Slett' }).click();
    const alert = page.getByRole('alertdialog');
    await alert.getByTestId('plan-consequences').waitFor();
    await alert.getByRole('button', { name: 'Avbryt' }).focus();
    release();
    await shown();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') != null)).toBe(true);
    await alert.getByRole('button', { name: 'Avbryt' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(await byTitle(`${target.title} (lastes)`)).toBeDefined();
    await restore();
  });

  it('leaves the focus on a menu opened while the plan after a save is still loading', async () => {
    const { page, target, release, shown, restore } = await saveWithTheReloadHeld('(meny)');
    // The moment between a click on «Flere valg» and the focus reaching the menu: the menu is
    // open, the focus still on its button. The plan coming in then must not take the focus.
    const more = page.getByRole('button', { name: `Flere valg for «${target.title}»` });
    await more.click();
    await page.getByRole('menu').waitFor();
    await more.focus();
    release();
    await shown();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Flere valg for «${target.title} (meny)»`);
    expect(await page.getByRole('menu').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await restore();
  });

  it('opens the item a deep link names, and gives deltakere no edit buttons', async () => {
    const target = (await items())[2];
    const page = await open(ingrid, `&item=${target.id}`);
    await until(async () => (await focusedId(page)) === `plan-item-${target.id}`);
    // A deep link opens the plan for a deltaker too (her tab otherwise opens on her own tasks).
    const deltaker = await open(kari, `&item=${target.id}`);
    expect(await deltaker.getByRole('button', { name: 'Ny aktivitet' }).count()).toBe(0);
    expect(await deltaker.getByRole('button', { name: /^Rediger/ }).count()).toBe(0);
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no axe violations in the ${theme} theme, with the dialog, the preview and the delete confirmation open`, async () => {
      const target = (await items()).find((i) => Date.parse(i.startsAt) > Date.now())!;
      const page = await open(ingrid, `&theme=${theme}`);
      await axeClean(page);
      await page.getByRole('button', { name: `Rediger «${target.title}»` }).click();
      await dialog(page).getByLabel('Tittel').waitFor();
      await axeClean(page);
      if (theme !== 'light') await settled(page).then(() => page.screenshot({ path: path.join(shots, `plan-editor-dialog-${theme}.png`) }));
      await dialog(page).getByRole('textbox', { name: /^Slutt( \*)?$/ }).fill('23.30');
      await dialog(page).getByRole('button', { name: 'Gå videre' }).click();
      await dialog(page).getByTestId('plan-consequences').waitFor();
      await axeClean(page);
      if (theme !== 'light') await settled(page).then(() => page.screenshot({ path: path.join(shots, `plan-editor-preview-${theme}.png`) }));
      await dialog(page).getByRole('button', { name: 'Tilbake til skjemaet' }).click();
      await dialog(page).getByRole('button', { name: 'Avbryt' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: `Flere valg for «${target.title}»` }).click();
      await page.getByRole('menuitem', { name: 'Slett' }).click();
      await page.getByRole('alertdialog').getByTestId('plan-consequences').waitFor();
      await axeClean(page);
      if (theme !== 'light') await settled(page).then(() => page.screenshot({ path: path.join(shots, `plan-editor-delete-${theme}.png`) }));
      await page.getByRole('alertdialog').getByRole('button', { name: 'Avbryt' }).click();
      expect(await byTitle(target.title)).toBeDefined();
    });
  }

  it('reflows at 320 px: the plan and the dialog need no sideways scrolling', async () => {
    const page = await open(ingrid, '', 320);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    await dialog(page).getByLabel('Tittel').waitFor();
    await dialog(page).getByLabel('Type').selectOption('veiledning');
    await dialog(page).getByRole('button', { name: 'Legg til tidspunkt' }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const surface = await dialog(page).boundingBox();
    expect(surface!.x).toBeGreaterThanOrEqual(0);
    expect(surface!.x + surface!.width).toBeLessThanOrEqual(320);
    await settled(page);
    await page.screenshot({ path: path.join(shots, 'plan-editor-dialog-320.png'), fullPage: true });
    await axeClean(page);
  });
});
