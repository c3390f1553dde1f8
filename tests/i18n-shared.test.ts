/**
 * Plain-language refusals in the reader's language (issue 11, item 2): the same invalid body
 * gets a bokmål, nynorsk and English 400 that names the field as the form labels it, keeps the
 * field key the tab highlights, and leaks no internal text; the server's own refusals (404,
 * 415) follow the tab's language header too.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLocale } from '../src/platform/i18n/context.js';
import { locales, type Locale } from '../src/platform/i18n/locale.js';
import { LOCALE_HEADER } from '../src/platform/http/server.js';
import { describeInputProblem, describeIssues, describePath, fieldLabels, findInputProblem, instant, text, z } from '../src/shared/validation.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid } from './helpers/people.js';

// What must never reach a person: zod's English, type names, field keys, paths like rules.0.at.
const internalText = /\b(Invalid|invalid|Expected|expected|Required|received|undefined|NaN|string|object|TypeError|RangeError|stack|Error:)\b|\b[a-z]+[A-Z]\w*\b|[a-z]\.\d|\b\w+\.\w+:/;

describe('refusals in the reader’s language', () => {
  const schema = z.object({ title: text().trim().min(1).max(200), startsAt: instant(), rules: z.array(z.object({ days: z.number().int().max(30) })) });
  const bad = { title: '', startsAt: '0000-01-01T00:00:00Z', rules: [{ days: 'tre' }] };

  const expected: Record<Locale, string> = {
    nb: 'Sjekk. Tittel: kan ikke være tom. Starttidspunkt: må være mellom år 2000 og 2100. Regel 1, Dager før: må være et tall.',
    nn: 'Sjekk. Tittel: kan ikkje vere tom. Starttidspunkt: må vere mellom år 2000 og 2100. Regel 1, Dagar før: må vere eit tal.',
    en: 'Sjekk. Title: cannot be empty. Start time: must be between the years 2000 and 2100. Rule 1, Days before: must be a number.',
  };

  it.each(locales)('names every field by its label in %s', (locale) => {
    const message = inLocale(locale, () => describeIssues(schema.safeParse(bad).error!, 'Sjekk'));
    expect(message).toBe(expected[locale]);
    expect(message.replace(/^Sjekk\. /, '')).not.toMatch(internalText);
  });

  it('reads the language when the input is parsed, not when the schema was built', () => {
    // The schema above was built outside any scope (bokmål); parsing in English gives English.
    const error = inLocale('en', () => schema.safeParse({ title: 'x', startsAt: '2026-12-01T10:00:00+01:00' }).error!);
    expect(inLocale('en', () => describeIssues(error))).toBe('Please check what you entered. Reminders: must be filled in.');
    const nn = inLocale('nn', () => schema.safeParse({ ...bad, startsAt: 'i morgon', rules: [] }).error!);
    expect(inLocale('nn', () => describeIssues(nn, 'Ugyldig innhald'))).toBe(
      'Ugyldig innhald. Tittel: kan ikkje vere tom. Starttidspunkt: må vere eit tidspunkt i ISO 8601-format, t.d. 2026-12-01T10:00:00+01:00.',
    );
  });

  it('tells the text rule and hostile nesting in each language', () => {
    const problem = (locale: Locale) => inLocale(locale, () => findInputProblem({ options: ['ja', 'nei\u0000'] })!);
    expect(inLocale('nb', () => describeInputProblem(problem('nb'), 'Ugyldig måling'))).toBe('Ugyldig måling. Alternativ 2: kan ikke inneholde kontrolltegn.');
    expect(inLocale('nn', () => describeInputProblem(problem('nn')))).toBe('Ugyldig innhald. Alternativ 2: kan ikkje innehalde kontrollteikn.');
    expect(inLocale('en', () => describeInputProblem(problem('en')))).toBe('Please check what you entered. Option 2: cannot contain control characters.');
    let deep: unknown = 'bunn';
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(inLocale('en', () => describeInputProblem(findInputProblem({ deep })!))).toBe('Please check what you entered. The content is nested too deeply.');
  });

  it('has a label for every field in all three languages, read at access time', () => {
    for (const locale of locales) {
      inLocale(locale, () => {
        for (const [key, label] of Object.entries(fieldLabels)) {
          const words = typeof label === 'string' ? [label] : [label.list, label.item];
          for (const word of words) expect(word.trim(), `${key} (${locale})`).not.toBe('');
        }
      });
    }
    expect(inLocale('nb', () => describePath(['quietHours', 'holidays']))).toBe('Stille tid, Stille på helligdager');
    expect(inLocale('nn', () => describePath(['quietHours', 'from']))).toBe('Stille frå');
    expect(inLocale('en', () => describePath(['quietHours', 'christmasWeek']))).toBe('Quiet hours, Quiet 24–31 December');
    expect(inLocale('en', () => describePath(['language']))).toBe('Language');
    expect(inLocale('en', () => describePath(['p1']))).toBe('Question 2');
    expect(inLocale('nn', () => describePath(['hvaSomHelst']))).toBe('Eit ukjent felt');
  });
});

describe.each(databaseKinds)('a tab API refusal in nb, nn and en on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
  });
  afterAll(async () => t?.close());

  const item = {
    kind: 'samling',
    title: 'Samling 4',
    startsAt: '2027-03-01T10:00:00+01:00',
    endsAt: '2027-03-01T12:00:00+01:00',
    format: 'digital',
  };
  const post = (body: unknown, locale?: Locale) =>
    t.post(`/api/networks/${networkId}/plan`, body, { ...as(ingrid), ...(locale ? { [LOCALE_HEADER]: locale } : {}) });

  it.skipIf(skipKind(kind))('names the field by its label, in the header’s language, with the same field key', async () => {
    const body = { ...item, title: 'Samling\u0000 4' };
    const answers = { nb: await post(body), nn: await post(body, 'nn'), en: await post(body, 'en') };
    for (const res of Object.values(answers)) {
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'ugyldig-forespørsel', field: 'title' });
      expect(res.json.error.message).not.toMatch(internalText);
    }
    expect(answers.nb.json.error.message).toBe('Ugyldig innhold. Tittel: kan ikke inneholde kontrolltegn.');
    expect(answers.nn.json.error.message).toBe('Ugyldig innhald. Tittel: kan ikkje innehalde kontrollteikn.');
    expect(answers.en.json.error.message).toBe('Please check what you entered. Title: cannot contain control characters.');
  });

  it.skipIf(skipKind(kind))('says what a date must be, in each language', async () => {
    const body = { ...item, startsAt: '0000-01-01T00:00:00Z' };
    const [nb, nn, en] = await Promise.all([post(body, 'nb'), post(body, 'nn'), post(body, 'en')]);
    for (const res of [nb, nn, en]) expect(res.json.error).toMatchObject({ code: 'ugyldig-forespørsel', field: 'startsAt' });
    expect(nb.json.error.message).toContain('Starttidspunkt: må være mellom år 2000 og 2100.');
    expect(nn.json.error.message).toContain('Starttidspunkt: må vere mellom år 2000 og 2100.');
    expect(en.json.error.message).toContain('Start time: must be between the years 2000 and 2100.');
    // The subject («Ugyldig aktivitet») is the plan's own text; what follows it is this module's.
    expect(en.json.error.message.replace(/^[^.]*\. /, '')).not.toMatch(internalText);
  });

  it.skipIf(skipKind(kind))('answers a body that is not an object in the reader’s language', async () => {
    const res = await post([item], 'en');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('The request must send JSON with named fields as its content.');
  });

  it.skipIf(skipKind(kind))('tells the server’s own refusals in the tab’s language', async () => {
    const unknown = await t.get('/api/finnes-ikke', { [LOCALE_HEADER]: 'en' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toEqual({ code: 'finnes-ikke', message: 'Address not found.' });
    expect((await t.get('/api/finnes-ikke', { [LOCALE_HEADER]: 'nn' })).json.error.message).toBe('Fann ikkje adressa.');
    expect((await t.get('/api/finnes-ikke')).json.error.message).toBe('Fant ikke adressen.');

    const form = await fetch(`${t.url}/api/networks`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [LOCALE_HEADER]: 'en' },
      body: 'hei',
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error.message).toBe('This content type is not supported; please send JSON.');

    // A page whose DNS name is rebound to 127.0.0.1 gets the local-mode refusal in its language too.
    const rebound = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const url = new URL(t.url);
      const req = request({ host: url.hostname, port: url.port, path: '/api/networks', headers: { host: 'angriper.example', [LOCALE_HEADER]: 'nn' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toEqual({ status: 421, body: { error: { code: 'ukjent-vert', message: 'Lokal modus svarer berre på localhost og 127.0.0.1.' } } });

    const badId = await fetch(`${t.url}/api/networks/${networkId}/plan/ikke-en-uuid`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...as(ingrid), [LOCALE_HEADER]: 'en' },
      body: JSON.stringify(item),
    });
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.message).toMatch(/: it must be a UUID\.$/);
  });
});
