/**
 * Issue 11 for reflection tasks and focus areas: a person with Teams in nynorsk or English gets
 * the cards, refusals and tab API errors in that language, and a task delivered 1:1 reaches each
 * deltaker in their own language, not the facilitator's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { cardAction, message, type ActivityOptions } from './helpers/activities.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { cardOf, cardText, findInput, personal, type Json } from './helpers/work.js';

const LOCALE_HEADER = 'x-samlingspunkt-locale';
type Chat = ActivityOptions & { conversationId: string };

describe.each(databaseKinds)('reflections and focus areas in nynorsk and English on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const chat = (who: typeof kari, name: string) => personal(t, who, `a:i18n-${name}-${kind}`);

  /** A typed message with the given Teams locale; the cards the bot answered with. */
  async function sayIn(locale: string, text: string, o: Chat): Promise<Json[]> {
    const before = t.connector.sentActivities(o.conversationId).length;
    const res = await t.post('/api/messages', { ...message(text, o), locale });
    expect(res.status).toBeLessThan(300);
    return (await t.connector.waitForActivities(before + 1, o.conversationId)).slice(before);
  }

  /** An Action.Execute press with the given Teams locale; the card that replaces it. */
  async function pressIn(locale: string, verb: string, data: Json, o: Chat): Promise<Json> {
    const res = await t.post('/api/messages', { ...cardAction(verb, data, o), locale });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json.value;
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('answers «mine refleksjonar» in nynorsk and «my reflections» in English', async () => {
    const [nn] = await sayIn('nn-NO', 'mine refleksjonar', chat(kari, 'kari'));
    const nnCard = cardOf(nn);
    expect(adaptiveCardProblems(nnCard)).toEqual([]);
    expect(nnCard.body[0].text).toBe('Mine refleksjonar');
    expect(nnCard.fallbackText).toMatch(/^Mine refleksjonar/);

    const [en] = await sayIn('en-US', 'my reflections', chat(ola, 'ola'));
    const enCard = cardOf(en);
    expect(adaptiveCardProblems(enCard)).toEqual([]);
    expect(enCard.body[0].text).toBe('My reflections');
    expect(enCard.fallbackText).toMatch(/^My reflections/);
  });

  it.skipIf(skipKind(kind))('gives an English facilitator an English form, and delivers each deltaker the task in their own language', async () => {
    // Ola goes back to bokmål; Kari stays in nynorsk (saved from her last turn).
    await sayIn('nb-NO', 'mine refleksjoner', chat(ola, 'ola'));
    const [formMessage] = await sayIn('en-US', 'new reflection', chat(ingrid, 'ingrid'));
    const form = cardOf(formMessage);
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect(form.body[0].text).toBe('New reflection task');
    expect(findInput(form, 'title')).toMatchObject({ label: 'Title', value: 'Reflection after the opening seminar' });
    expect(findInput(form, 'dueTime')?.label).toBe('Deadline (time, Norwegian time)');
    expect(form.fallbackText).toContain('Create and send');
    const create = form.actions.find((a: Json) => a.verb === 'refleksjon.opprett');
    expect(create.title).toBe('Create and send');

    const inputs = Object.fromEntries(form.body.filter((e: Json) => e.id).map((e: Json) => [e.id, e.value ?? '']));
    const kariBefore = t.connector.sentActivities(`a:i18n-kari-${kind}`).length;
    const olaBefore = t.connector.sentActivities(`a:i18n-ola-${kind}`).length;
    const created = await pressIn('en-US', 'refleksjon.opprett', { ...create.data, ...inputs }, chat(ingrid, 'ingrid'));
    expect(adaptiveCardProblems(created)).toEqual([]);
    expect(cardText(created)).toContain('has been created');
    expect(cardText(created)).toMatch(/Sent to 2 of 3 participants in personal chat/);
    expect(cardText(created)).toContain('Not reached: Aisha Rahman');

    // Kari's card is in nynorsk, Ola's in bokmål: the recipient's language, not Ingrid's.
    const [toKari] = (await t.connector.waitForActivities(kariBefore + 1, `a:i18n-kari-${kind}`)).slice(kariBefore);
    const kariCard = cardOf(toKari);
    expect(adaptiveCardProblems(kariCard)).toEqual([]);
    expect(cardText(kariCard)).toContain('Maks 4\u00a0000 teikn per svar.');
    expect(kariCard.actions[0].title).toBe('Send svar');
    expect(kariCard.body[1].text).toMatch(/^Frist: \S+ \d+\. \S+ kl\. \d{2}\.\d{2} · Delt med nettverket · Kvar deltakar svarer$/);
    expect(kariCard.fallbackText).toContain('Reflection after the opening seminar – frist');

    const [toOla] = (await t.connector.waitForActivities(olaBefore + 1, `a:i18n-ola-${kind}`)).slice(olaBefore);
    const olaCard = cardOf(toOla);
    expect(cardText(olaCard)).toContain('Maks 4\u00a0000 tegn per svar.');
    expect(cardText(olaCard)).toContain('Hver deltaker svarer');

    // Kari answers in nynorsk; Ola, now in English, is refused in English with the limit.
    const taskId = kariCard.actions[0].data.taskId;
    const saved = await pressIn('nn-NO', 'refleksjon.svar', { taskId, a0: 'Delvis.' }, chat(kari, 'kari'));
    expect(adaptiveCardProblems(saved)).toEqual([]);
    expect(cardText(saved)).toMatch(/Svaret er lagra\. Du kan endre det fram til \S+ \d+\. \S+ kl\. \d{2}\.\d{2}\./);
    expect(saved.actions[0].title).toBe('Oppdater svaret');

    const refused = await pressIn('en-US', 'refleksjon.svar', { taskId, a0: 'Short.', a1: 'x'.repeat(4001) }, chat(ola, 'ola'));
    expect(cardText(refused)).toContain(
      'The answer to question 2 is too long (4,001 characters). At most 4,000 characters per answer. Nothing was saved.',
    );
    expect(findInput(refused, 'a0')?.value).toBe('Short.');

    // The shared summary for the English facilitator.
    const summary = await pressIn('en-US', 'refleksjon.deling', { taskId }, chat(ingrid, 'ingrid'));
    expect(adaptiveCardProblems(summary)).toEqual([]);
    expect(summary.body[0].text).toBe('Shared reflections: Reflection after the opening seminar');
    expect(cardText(summary)).toContain('1 answer');
    expect(summary.fallbackText).toMatch(/^Shared reflections: /);
  });

  it.skipIf(skipKind(kind))('shows focus areas and phases in nynorsk and English; the reform’s own names stay as they are', async () => {
    const [nn] = await sayIn('nn-NO', 'fokusområda', chat(kari, 'kari'));
    const nnCard = cardOf(nn);
    expect(adaptiveCardProblems(nnCard)).toEqual([]);
    expect(nnCard.body[0].text).toBe('Fokusområde og fase');
    expect(nnCard.fallbackText).toMatch(/^Fokusområde og fase\n/);

    const [en] = await sayIn('en-US', 'focus areas', chat(ingrid, 'ingrid'));
    const enCard = cardOf(en);
    expect(adaptiveCardProblems(enCard)).toEqual([]);
    expect(enCard.body[0].text).toBe('Focus areas and phase');
    expect(cardText(enCard)).toMatch(/Phase \d: (Preparation and start-up|Mapping and planning|Implementation|Evaluation and improvement)|Phase not set/);

    const standing = await t.get(`/api/networks/${networkId}/municipalities`, { ...as(ingrid), [LOCALE_HEADER]: 'en' });
    expect(standing.json.phases.map((p: Json) => p.label)).toEqual([
      'Preparation and start-up',
      'Mapping and planning',
      'Implementation',
      'Evaluation and improvement',
    ]);
    // Reform content (focus areas and solutions) is not translated.
    expect(standing.json.catalogue.map((c: Json) => c.title)).toContain('Helsehjelp – Hverdagsmestring');
  });

  it.skipIf(skipKind(kind))('answers tab API errors in English with the locale header, and in nynorsk', async () => {
    const en = { ...as(ingrid), [LOCALE_HEADER]: 'en' };
    const missing = await t.get(`/api/networks/${networkId}/reflections/${crypto.randomUUID()}/summary`, en);
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('The task was not found in this network.');

    const past = await t.post(`/api/networks/${networkId}/reflections`, { template: 'seed-000', dueAt: '2020-01-01T10:00:00+01:00' }, en);
    expect(past.status).toBe(400);
    expect(past.json.error.message).toBe('The deadline must be in the future.');

    const created = await t.post(
      `/api/networks/${networkId}/reflections`,
      { template: 'fokus', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      en,
    );
    expect(created.status).toBe(201);
    expect(created.json.task.title).toBe('Group work: choose a focus area for the municipality');
    const bad = await fetch(`${t.url}/api/networks/${networkId}/reflections/${created.json.task.id}/answer`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...as(ola), [LOCALE_HEADER]: 'en' },
      body: JSON.stringify({ answers: ['x'], choices: ['fokusomrade:finnes-ikke'] }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('Unknown focus area: finnes-ikke. Choose a focus area from the list.');

    const phase = await fetch(`${t.url}/api/networks/${networkId}/municipalities/3203/phase`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...as(ingrid), [LOCALE_HEADER]: 'en' },
      body: JSON.stringify({ phase: 5 }),
    });
    expect(phase.status).toBe(400);
    const phaseError = (await phase.json()).error.message as string;
    expect(phaseError).toMatch(/^Check the phase\. /);
    expect(phaseError).toContain('must be 1, 2, 3, 4 or empty (no phase)');

    const nn = await t.get(`/api/networks/${networkId}/reflections/${crypto.randomUUID()}/summary`, { ...as(ingrid), [LOCALE_HEADER]: 'nn' });
    expect(nn.json.error.message).toBe('Fann ikkje oppgåva i dette nettverket.');
  });
});
