/**
 * Issue 11 for mellomarbeid, the activity plan and privacy: a Teams client in nynorsk or English
 * gets its cards, refusals and button words in that language from /api/messages, and the tab
 * API answers in the language of its `x-samlingspunkt-locale` header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_HEADER } from '../src/platform/http/server.js';
import { message, type ActivityOptions } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { as, ingrid, kari, ola, per } from './helpers/people.js';
import { cardOf, cardText, findInput, personal, press, put, testClock, type Json } from './helpers/work.js';

const DAY = 86_400_000;

/** Like helpers/work's say(), with the Teams client's language on the activity. */
async function sayIn(t: TestApp, locale: string, text: string, o: ActivityOptions & { conversationId: string }): Promise<Json[]> {
  const before = t.connector.sentActivities(o.conversationId).length;
  const res = await t.post('/api/messages', { ...message(text, o), locale });
  if (res.status >= 300) throw new Error(`bot svarte ${res.status}: ${JSON.stringify(res.json)}`);
  const sent = await t.connector.waitForActivities(before + 1, o.conversationId);
  return sent.slice(before).map(cardOf);
}

/** Presses a button from a client in `locale` (Teams puts the client's language on invokes too). */
async function pressIn(t: TestApp, locale: string, verb: string, data: Json, o: ActivityOptions & { conversationId: string }): Promise<Json> {
  const res = await t.post('/api/messages', {
    ...message('', o),
    locale,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  if (res.status !== 200) throw new Error(`invoke svarte ${res.status}: ${JSON.stringify(res.json)}`);
  return res.json.value;
}

const tableOf = (card: Json) => card.body.find((e: Json) => e.type === 'Table');
const headerOf = (card: Json) => tableOf(card).rows[0].cells.map((c: Json) => c.items[0].text);
const firstWhen = (card: Json) => tableOf(card).rows[1].cells[0].items[0].text as string;

// The language is the point here, not the database: PGlite only (the capability suites run both).
describe('mellomarbeid, plan and privacy in nynorsk and English', () => {
  let t: TestApp;
  let networkId = '';
  let planItemId = '';
  const clock = testClock();
  const en = { [LOCALE_HEADER]: 'en' };
  const nn = { [LOCALE_HEADER]: 'nn' };

  beforeAll(async () => {
    t = await startTestApp('pglite', {}, { now: clock.now });
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    const plan = await t.get(`/api/networks/${networkId}/plan`, as(ingrid));
    planItemId = plan.json.items.find((i: Json) => i.kind === 'mellomarbeid').id;
  });
  afterAll(async () => t?.close());

  const create = async (title: string) => {
    const res = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, title, description: 'Beskriv utfordringsbildet.', dueAt: new Date(clock.now().getTime() + 10 * DAY).toISOString() },
      as(ingrid),
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.assignment.id as string;
  };

  it('gives an nn-NO client the mellomarbeid card, its buttons and its refusals in nynorsk', async () => {
    await create('Kartlegging (nynorsk)');
    const chat = personal(t, kari, 'a:kari-i18n-nn');
    const card = (await sayIn(t, 'nn-NO', 'mellomarbeid', chat)).find((c) => cardText(c).includes('Kartlegging (nynorsk)'))!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Status: **Ikkje starta**');
    expect(card.actions.map((a: Json) => a.title)).toEqual(['Lagre utkast', 'Marker som påbyrja']);
    expect(findInput(card, 'tekst')).toMatchObject({ label: 'Svar (tekst)' });
    expect(findInput(card, 'lenke')).toMatchObject({ label: 'Lenkje til dokument (valfritt, https://…)', errorMessage: 'Lenkja må byrje med https://' });
    expect(card.fallbackText).toBe('Mellomarbeid «Kartlegging (nynorsk)» for Bærum: Ikkje starta.');

    const started = await pressIn(t, 'nn-NO', 'mellomarbeid.oppdater', card.actions[1].data, chat);
    expect(adaptiveCardProblems(started)).toEqual([]);
    expect(cardText(started)).toContain('Lagra. Status: Påbyrja.');
    const deliver = started.actions.find((a: Json) => a.title === 'Lever');
    const empty = await pressIn(t, 'nn-NO', 'mellomarbeid.oppdater', { ...deliver.data, tekst: '', lenke: '' }, chat);
    expect(cardText(empty)).toContain('Skriv ein tekst eller legg inn ei lenkje før du leverer. Ingenting vart lagra.');
  });

  it('gives an en-US client the mellomarbeid card, its buttons and its refusals in English', async () => {
    await create('Mapping (English)');
    const chat = personal(t, kari, 'a:kari-i18n-en');
    const card = (await sayIn(t, 'en-US', 'assignments', chat)).find((c) => cardText(c).includes('Mapping (English)'))!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body[0].text).toBe('Work between seminars: Mapping (English)');
    expect(card.body[1].text).toMatch(/^Bærum · due (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+, \d\d:\d\d$/);
    expect(cardText(card)).toContain('Status: **Not started**');
    expect(card.actions.map((a: Json) => a.title)).toEqual(['Save draft', 'Mark as in progress']);
    expect(findInput(card, 'tekst')).toMatchObject({ label: 'Submission (text)' });
    expect(card.fallbackText).toBe('Work between seminars ‘Mapping (English)’ for Bærum: Not started.');

    const started = await pressIn(t, 'en-US', 'mellomarbeid.oppdater', card.actions[1].data, chat);
    expect(cardText(started)).toContain('Saved. Status: In progress.');
    const deliver = started.actions.find((a: Json) => a.title === 'Deliver');
    const empty = await pressIn(t, 'en-US', 'mellomarbeid.oppdater', { ...deliver.data, tekst: '', lenke: '' }, chat);
    expect(adaptiveCardProblems(empty)).toEqual([]);
    expect(cardText(empty)).toContain('Write some text or add a link before you deliver. Nothing was saved.');

    // The facilitator's overview, in the facilitator's language.
    const overview = (await sayIn(t, 'en-US', 'assignments', personal(t, ingrid, 'a:ingrid-i18n-en')))[0]!;
    expect(adaptiveCardProblems(overview)).toEqual([]);
    expect(overview.body[0].text).toMatch(/^Work between seminars – /);
    expect(cardText(overview)).toMatch(/Due .* · \d+ of \d+ municipalities have delivered/);
    expect(cardText(overview)).not.toMatch(/kommuner|Ikke startet|Frist/);
  });

  it('shows the activity plan with nynorsk and English words and dates', async () => {
    const nnPlan = (await sayIn(t, 'nn-NO', 'aktivitetsplan', personal(t, kari, 'a:kari-plan-nn')))[0]!;
    expect(adaptiveCardProblems(nnPlan)).toEqual([]);
    expect(headerOf(nnPlan)).toEqual(['Dato/kl.', 'Kva', 'Format', 'Ansvar']);
    expect(firstWhen(nnPlan)).toMatch(/^[A-ZÆØÅ][a-zæøå]+\. \d{1,2}\. [a-zæøå]+ kl\. \d\d\.\d\d(–\d\d\.\d\d| – .+)$/);

    const enPlan = (await sayIn(t, 'en-US', 'activity plan', personal(t, kari, 'a:kari-plan-en')))[0]!;
    expect(adaptiveCardProblems(enPlan)).toEqual([]);
    expect(enPlan.body[0].text).toMatch(/^Activity plan – /);
    expect(enPlan.body[1].text).toMatch(/ · all times are Norwegian time$/);
    expect(headerOf(enPlan)).toEqual(['Date/time', 'What', 'Format', 'Responsible']);
    expect(firstWhen(enPlan)).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+, \d\d:\d\d(–\d\d:\d\d| – .+)$/);
    expect(enPlan.fallbackText).toMatch(/^Activity plan – .+:\n(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /);
  });

  it('answers the tab API in English with x-samlingspunkt-locale: en', async () => {
    const assignmentId = await create('Rules (English)');
    const skip = await put(t, `/api/networks/${networkId}/mellomarbeid/${assignmentId}/3203`, { status: 'levert', submissionText: 'x' }, { ...as(ola), ...en });
    expect(skip.status).toBe(409);
    expect(skip.json.error.message).toBe('Cannot jump from ‘not started’ to ‘delivered’: the work must first be ‘in progress’. Nothing was saved.');

    const long = await put(t, `/api/networks/${networkId}/mellomarbeid/${assignmentId}/3203`, { submissionText: 'x'.repeat(8001) }, { ...as(ola), ...en });
    expect(long.json.error.message).toBe('The submission is too long (8,001 characters). The limit is 8,000 characters. Nothing was saved.');

    const past = await t.post(`/api/networks/${networkId}/mellomarbeid`, { planItemId, description: 'x', dueAt: new Date(clock.now().getTime() - DAY).toISOString() }, { ...as(ingrid), ...en });
    expect(past.status).toBe(400);
    expect(past.json.error.message).toBe('The deadline must be in the future.');

    const empty = await t.post(`/api/networks/${networkId}/mellomarbeid`, { planItemId, description: ' ', dueAt: new Date(clock.now().getTime() + DAY).toISOString() }, { ...as(ingrid), ...en });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/^Check the work between seminars\. .*cannot be empty\.$/);

    const plan = await t.post(`/api/networks/${networkId}/plan`, { kind: 'samling', title: 'x', startsAt: '2026-12-10T12:00:00+01:00', endsAt: '2026-12-10T10:00:00+01:00', format: 'digital' }, { ...as(ingrid), ...en });
    expect(plan.status).toBe(400);
    expect(plan.json.error.message).toMatch(/^Check the activity\. .*must be after the start time\.$/);

    const missing = await put(t, `/api/networks/${networkId}/plan/00000000-0000-4000-8000-000000000000`, { kind: 'samling', title: 'x', startsAt: '2026-12-10T10:00:00+01:00', endsAt: '2026-12-10T12:00:00+01:00', format: 'digital' }, { ...as(ingrid), ...en });
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('Could not find the activity in the plan.');

    const retention = await put(t, `/api/networks/${networkId}/retention`, { months: 0 }, { ...as(per), ...en });
    expect(retention.status).toBe(400);
    expect(retention.json.error.message).toMatch(/^Check the retention period\. .*must be at least 1 month\.$/);
    const notConfirmed = await t.post('/api/me/delete', { confirm: 'yes' }, { ...as(ola), ...en });
    expect(notConfirmed.status).toBe(400);
    expect(notConfirmed.json.error.message).toMatch(/^Not confirmed\. .*type SLETT to confirm that everything about you is to be deleted\.$/);
  });

  it('writes the export’s note in the reader’s language and keeps its section keys', async () => {
    const english = await t.get('/api/me/export', { ...as(kari), ...en });
    expect(english.status).toBe(200);
    expect(english.json.merknad).toMatch(/^This is everything Samlingspunkt stores about you/);
    expect(english.json.person).toMatchObject({ navn: 'Kari Nordmann' });
    expect(Object.keys(english.json)).toContain('nettverk');
    const nynorsk = await t.get('/api/me/export', { ...as(kari), ...nn });
    expect(nynorsk.json.merknad).toMatch(/^Dette er alt Samlingspunkt har lagra om deg/);
    const nobody = await t.get('/api/me/export', { ...as({ aadObjectId: '00000000-0000-4000-8000-0000000000ff' }), ...en });
    if (nobody.status === 200) expect(nobody.json).toEqual({ person: null, merknad: 'Samlingspunkt holds no information about you.' });
  });
  it('warns the facilitator, in their language, when a deadline falls on a public holiday', async () => {
    // 17 May at noon Oslo time, the first one after the test clock: a public holiday, so quiet.
    const year = new Date(clock.now()).getUTCFullYear() + 1;
    const onHoliday = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, title: 'Frist på nasjonaldagen', description: 'Se planen.', dueAt: `${year}-05-17T10:00:00Z` },
      { ...as(ingrid), ...en },
    );
    expect(onHoliday.status, JSON.stringify(onHoliday.json)).toBe(201);
    expect(onHoliday.json.holidayNotice).toMatch(/public holiday/i);
    const nynorsk = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, title: 'Frist 2. juledag', description: 'Se planen.', dueAt: `${year}-12-26T10:00:00Z` },
      { ...as(ingrid), ...nn },
    );
    expect(nynorsk.json.holidayNotice).toMatch(/heilagdag|helgedag|høgtidsdag/i);
    // An ordinary Wednesday in September: no warning.
    const ordinary = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, title: 'Vanlig frist', description: 'Se planen.', dueAt: `${year}-09-15T10:00:00Z` },
      as(ingrid),
    );
    expect(ordinary.json.holidayNotice).toBeNull();
  });
});
