/**
 * Issue 11 for networks, identity and the bot's dispatcher: an nn-NO and an en-US activity get
 * nynorsk and English cards; «språk» saves a person's own choice (which decides when Teams
 * speaks a language we do not offer); /api/me/language; the language of proactive messages;
 * tab API errors in the language the tab asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTable } from '../src/app/bot-commands.js';
import { DEMO_TENANT_ID } from '../src/demo/demo.js';
import { localesOfMembers } from '../src/identity/locale.js';
import { resolveLocale } from '../src/platform/i18n/locale.js';
import { LOCALE_HEADER } from '../src/platform/http/server.js';
import { setNetworkMember, upsertMember } from '../src/network/sql/members.js';
import { officialLanguageForm } from '../src/reference/language-form.js';
import { botAdded, cardAction, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { as, ingrid, kari, ola } from './helpers/people.js';

type Sent = Record<string, any>;
const cardOf = (a: Sent) => a.attachments?.[0]?.content;
const facts = (card: Sent): { title: string; value: string }[] => card.body.find((e: Sent) => e.type === 'FactSet').facts;
const withLocale = <T extends object>(activity: T, locale: string | undefined) => ({ ...activity, locale });

describe('bot and tab in nynorsk and English (network, identity, app)', () => {
  let t: TestApp;
  let networkId = '';
  let n = 0;
  const conv = (name: string) => `a:i18n-${name}-${++n}`;
  const memberIdOf = async (aadObjectId: string) =>
    (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [aadObjectId])).rows[0]!.id;
  const savedLocaleOf = async (aadObjectId: string) =>
    (await t.app.db.query<{ preferred_locale: string | null }>(`SELECT preferred_locale FROM member WHERE aad_object_id = $1`, [aadObjectId])).rows[0]!
      .preferred_locale;

  /** Sends a message as `person` in `locale` and returns the one card (or text) the bot answered with. */
  async function say(text: string, locale: string | undefined, person: { aadObjectId: string } = kari): Promise<Sent> {
    const conversationId = conv('say');
    await t.post('/api/messages', withLocale(message(text, { serviceUrl: t.connector.url, conversationId, fromAadObjectId: person.aadObjectId }), locale));
    const [reply] = await t.connector.waitForActivities(1, conversationId);
    return reply as Sent;
  }

  async function put(path: string, body: unknown, headers: Record<string, string>) {
    const res = await fetch(t.url + path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  }

  beforeAll(async () => {
    t = await startTestApp('pglite');
    networkId = (await t.app.db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  describe('cards follow the Teams locale', () => {
    it('welcomes an nn-NO install in nynorsk and an en-US one in English', async () => {
      const cases = [
        ['nn-NO', 'Velkomen til Samlingspunkt', /^Eg er assistenten for \*\*USHT Viken/, 'Velkomen til Samlingspunkt. Skriv «plan»'],
        ['en-US', 'Welcome to Samlingspunkt', /^I am the assistant for \*\*USHT Viken/, 'Welcome to Samlingspunkt. Type «plan»'],
      ] as const;
      for (const [locale, title, intro, fallback] of cases) {
        const conversationId = conv('welcome');
        await t.post('/api/messages', withLocale(botAdded({ serviceUrl: t.connector.url, conversationId, fromAadObjectId: kari.aadObjectId }), locale));
        const [welcome] = await t.connector.waitForActivities(1, conversationId);
        const card = cardOf(welcome!);
        expect(card.body[0].text).toBe(title);
        expect(card.body[1].text).toMatch(intro);
        expect(card.fallbackText).toMatch(new RegExp(`^${fallback}`));
        expect(card.speak).toBe(card.fallbackText);
        expect(adaptiveCardProblems(card)).toEqual([]);
      }
    });

    it('gives the help card in nynorsk and English, commands named in the reader’s words', async () => {
      const nn = cardOf(await say('hjelp', 'nn-NO'));
      expect(nn.body[0].text).toBe('Samlingspunkt – hjelp');
      expect(nn.body[1].text).toBe('Dette kan eg hjelpe med:');
      expect(facts(nn)[0]).toEqual({ title: 'hjelp', value: 'Vis kva eg kan hjelpe med' });
      expect(facts(nn)).toContainEqual({ title: 'mål', value: 'Vel språk: bokmål, nynorsk eller english' });
      expect(facts(nn).find((f) => f.title === 'koble')?.value).toBe('Kople dette teamet til nettverket ditt (fasilitator)');
      expect(nn.fallbackText).toMatch(/^Kommandoar: hjelp, plan/);
      expect(adaptiveCardProblems(nn)).toEqual([]);

      const en = cardOf(await say('help', 'en-US'));
      expect(en.body[0].text).toBe('Samlingspunkt – help');
      expect(en.body[1].text).toBe('This is what I can help with:');
      expect(facts(en)[0]).toEqual({ title: 'help', value: 'Show what I can help with' });
      expect(facts(en)).toContainEqual({ title: 'language', value: 'Choose your language: bokmål, nynorsk or English' });
      expect(facts(en).find((f) => f.title === 'synk medlemmer')?.value).toBe('Fetch the member list from the team (facilitator)');
      expect(en.actions[0].title).toBe('Show the activity plan');
      expect(facts(en)).toHaveLength(commandTable.length);

      const nb = cardOf(await say('hjelp', 'nb-NO'));
      expect(facts(nb).map((f) => f.title)).toEqual(commandTable.map((c) => c.verb));
      expect(facts(nb)).toContainEqual({ title: 'språk', value: 'Velg språk: bokmål, nynorsk eller english' });
    });

    it('says it did not understand, in the reader’s language', async () => {
      expect(cardOf(await say('blåbær', 'nn-NO')).body[1].text).toBe('Eg forstod ikkje «blåbær». Dette kan eg hjelpe med:');
      const en = cardOf(await say('blueberries', 'en-US'));
      expect(en.body[1].text).toBe('I did not understand «blueberries». This is what I can help with:');
      expect(en.fallbackText).toMatch(/^I did not understand «blueberries»\. Commands: help, plan/);
    });

    it('asks a newcomer to register in nynorsk and in English, every input labelled', async () => {
      for (const [locale, title, label, submit] of [
        ['nn-NO', 'Velkomen til USHT Viken', 'Kommune', 'Registrer meg'],
        ['en-US', 'Welcome to USHT Viken', 'Municipality', 'Register me'],
      ] as const) {
        const card = cardOf(await say('plan', locale, { aadObjectId: crypto.randomUUID() }));
        expect(card.body[0].text).toMatch(new RegExp(`^${title}.*!$`));
        const inputs = card.body.filter((e: Sent) => String(e.type).startsWith('Input.'));
        expect(inputs.every((i: Sent) => typeof i.label === 'string' && i.label.length > 0)).toBe(true);
        expect(inputs[0].label).toBe(label);
        expect(card.actions[0].title).toBe(submit);
        expect(card.fallbackText).toContain(title);
        expect(adaptiveCardProblems(card)).toEqual([]);
      }
      const en = cardOf(await say('plan', 'en-US', { aadObjectId: crypto.randomUUID() }));
      expect(en.body[1].text).toBe('Before you answer polls and tasks, I need to know which municipality you represent and which sector you work in.');
    });

    it('refuses a registration for another network and an unknown button in English', async () => {
      const o = { serviceUrl: t.connector.url, conversationId: conv('register'), fromAadObjectId: crypto.randomUUID() };
      const other = await t.post(
        '/api/messages',
        withLocale(cardAction('registrer', { networkId: crypto.randomUUID(), municipalityNumber: '3201', sector: 'annet' }, o), 'en-US'),
      );
      expect(other.json.value.body[0].text).toBe('Could not register you');
      expect(other.json.value.body[1].text).toBe('This card is for a different learning network from this conversation.');

      const unknown = await t.post('/api/messages', withLocale(cardAction('finnes-ikke', {}, o), 'nn-NO'));
      expect(unknown.json.value.body[0].text).toBe('Ukjend handling');
      expect(unknown.json.value.fallbackText).toBe('Ukjend handling: Denne knappen er ikkje støtta lenger. Skriv «hjelp» for å sjå kva eg kan.');

      const invoke = await t.post('/api/messages', { ...withLocale(cardAction('x', {}, o), 'en-US'), name: 'composeExtension/query' });
      expect(invoke.json.value).toBe('This action is not supported.');
    });

    it('answers «koble» outside a team in nynorsk', async () => {
      const reply = await say('koble', 'nn-NO', ingrid);
      expect(reply.text).toBe('Skriv «kople» i ein kanal i teamet som skal høyre til nettverket.');
    });
  });

  describe('«språk»: the person’s own choice', () => {
    it('saves nynorsk from a de-DE client, answers and then writes in nynorsk', async () => {
      const saved = cardOf(await say('språk nynorsk', 'de-DE'));
      expect(saved.body[0].text).toBe('Språket er lagra');
      expect(saved.body[1].text).toBe('Frå no av skriv eg til deg på nynorsk.');
      expect(await savedLocaleOf(kari.aadObjectId)).toBe('nn');
      // German is not offered: the saved choice decides.
      expect(cardOf(await say('hjelp', 'de-DE')).body[1].text).toBe('Dette kan eg hjelpe med:');
      // No locale at all: the saved choice too.
      expect(cardOf(await say('hjelp', undefined)).body[1].text).toBe('Dette kan eg hjelpe med:');
      // With an English Teams, whichever the order of sources says (src/platform/i18n/locale.ts).
      const expected = resolveLocale({ teams: 'en-US', saved: 'nn' }) === 'en' ? 'This is what I can help with:' : 'Dette kan eg hjelpe med:';
      expect(cardOf(await say('hjelp', 'en-US')).body[1].text).toBe(expected);
    });

    it('answers a choice from an en-US client in the new language, saying so if Teams comes first', async () => {
      const saved = cardOf(await say('språk nynorsk', 'en-US'));
      expect(saved.body[0].text).toBe('Språket er lagra');
      const teamsFirst = resolveLocale({ teams: 'en-US', saved: 'nn' }) === 'en';
      expect(saved.body[1].text).toBe(
        teamsFirst
          ? 'Frå no av skriv eg til deg på nynorsk. Merk: Teams er sett til engelsk, og språket i Teams går føre. Valet ditt gjeld når Teams brukar eit språk eg ikkje kan.'
          : 'Frå no av skriv eg til deg på nynorsk.',
      );
    });

    it('takes «mål» and «language» with nb/nn/en, and «automatisk» clears the choice', async () => {
      expect(cardOf(await say('language english', 'de-DE')).body[1].text).toBe('From now on I will write to you in English.');
      expect(await savedLocaleOf(kari.aadObjectId)).toBe('en');
      expect(cardOf(await say('mål nb', 'de-DE')).body[1].text).toBe('Fra nå av skriver jeg til deg på bokmål.');
      expect(await savedLocaleOf(kari.aadObjectId)).toBe('nb');
      const cleared = cardOf(await say('språk automatisk', 'nn-NO'));
      expect(cleared.body[0].text).toBe('Språkvalet er fjerna');
      expect(await savedLocaleOf(kari.aadObjectId)).toBeNull();
    });

    it('shows the current language and the choices without an argument, and refuses an unknown one', async () => {
      const card = cardOf(await say('language', 'en-US'));
      expect(card.body[1].text).toBe('I am writing to you in English.');
      expect(card.actions.map((a: Sent) => a.data.command)).toEqual(['language bokmål', 'language nynorsk', 'language english', 'language auto']);
      expect(adaptiveCardProblems(card)).toEqual([]);
      const refused = cardOf(await say('mål klingon', 'nn-NO'));
      expect(refused.body[1].text).toBe('Eg kjenner ikkje «klingon». Vel bokmål, nynorsk eller english, eller automatisk.');
      expect(await savedLocaleOf(kari.aadObjectId)).toBeNull();
    });

    it('cannot save a choice for someone not registered anywhere', async () => {
      const reply = cardOf(await say('language nynorsk', 'en-US', { aadObjectId: crypto.randomUUID() }));
      expect(reply.body[1].text).toBe('You are not registered in any learning network yet, so your choice of language cannot be saved.');
    });
  });

  describe('GET and PUT /api/me/language', () => {
    it('reads and saves the choice, and refuses a bad value naming the field in the caller’s language', async () => {
      const got = await t.get('/api/me/language', { ...as(ola), [LOCALE_HEADER]: 'en' });
      expect(got).toMatchObject({ status: 200, json: { saved: null, effective: 'en' } });

      const saved = await put('/api/me/language', { language: 'nn' }, { ...as(ola), [LOCALE_HEADER]: 'en' });
      expect(saved).toMatchObject({ status: 200, json: { saved: 'nn', effective: 'nn' } });
      // No Teams context: the saved choice decides.
      expect((await t.get('/api/me/language', as(ola))).json).toEqual({ saved: 'nn', effective: 'nn' });

      const bad = await put('/api/me/language', { language: 'de' }, { ...as(ola), [LOCALE_HEADER]: 'en' });
      expect(bad.status).toBe(400);
      expect(bad.json.error.field).toBe('language');
      expect(bad.json.error.message).toMatch(/^Check the choice of language\. Language: must be nb \(Bokmål\), nn \(Nynorsk\) or en \(English\)/);
      const badNn = await put('/api/me/language', { language: 'de' }, as(ola)); // ola's saved nynorsk
      expect(badNn.json.error.message).toMatch(/^Ugyldig språkval\. .*må vere nb \(bokmål\)/);

      const cleared = await put('/api/me/language', { language: null }, { ...as(ola), [LOCALE_HEADER]: 'nb' });
      expect(cleared.json).toEqual({ saved: null, effective: 'nb' });
    });

    it('answers network API errors and sign-in refusals in English', async () => {
      const badId = await t.get('/api/networks/not-a-uuid/members', { ...as(ingrid), [LOCALE_HEADER]: 'en' });
      expect(badId.status).toBe(400);
      expect(badId.json.error.message).toBe('The network id is wrong: it must be a UUID.');
      const missing = await t.get(`/api/networks/${crypto.randomUUID()}/members`, { ...as(ingrid), [LOCALE_HEADER]: 'en' });
      expect(missing.json.error.message).toBe('Could not find the learning network.');
      const badMember = await t.post(`/api/networks/${networkId}/members`, { aadObjectId: 'x', displayName: 'X', role: 'deltaker' }, { ...as(ingrid), [LOCALE_HEADER]: 'en' });
      expect(badMember.status).toBe(400);
      expect(badMember.json.error.message).toMatch(/^Check the member details\. .*must be the person's Entra object id \(a UUID\)/);

      const noSignIn = await t.get('/api/networks', { [LOCALE_HEADER]: 'en' });
      expect(noSignIn.status).toBe(401);
      expect(noSignIn.json.error.message).toBe('You need to sign in with Teams to use the tab.');
      const nn = await t.get('/api/networks', { [LOCALE_HEADER]: 'nn' });
      expect(nn.json.error.message).toBe('Du må logge inn med Teams for å bruke fana.');
      expect((await t.get('/api/networks')).json.error.message).toBe('Innlogging med Teams kreves for å bruke fanen.');
    });
  });

  describe('the language of a proactive message', () => {
    it('is the member’s last Teams locale, saved on each turn', async () => {
      await say('hjelp', 'nn-NO', ola);
      const olaId = await memberIdOf(ola.aadObjectId);
      const { rows } = await t.app.db.query<{ teams_locale: string }>(`SELECT teams_locale FROM member WHERE id = $1`, [olaId]);
      expect(rows[0]!.teams_locale).toBe('nn-NO');
      expect((await localesOfMembers(t.app.db, [olaId], networkId)).get(olaId)).toBe('nn');
    });

    it('is nynorsk with no locale known for someone from a nynorsk municipality (4621 Voss)', async () => {
      expect(officialLanguageForm('4621')).toBe('nynorsk');
      await t.app.db.query(`INSERT INTO network_municipality (network_id, municipality_number) VALUES ($1, '4621') ON CONFLICT DO NOTHING`, [networkId]);
      const vossId = await upsertMember(t.app.db, { tenantId: DEMO_TENANT_ID, aadObjectId: crypto.randomUUID(), displayName: 'Vilde frå Voss', sector: 'annet' });
      await setNetworkMember(t.app.db, networkId, vossId, 'deltaker', '4621');
      const kariId = await memberIdOf(kari.aadObjectId);
      await t.app.db.query(`UPDATE member SET teams_locale = NULL, preferred_locale = NULL WHERE id = $1`, [kariId]);
      const locales = await localesOfMembers(t.app.db, [vossId, kariId], networkId);
      expect(locales.get(vossId)).toBe('nn');
      expect(locales.get(kariId)).toBe('nb'); // Bærum, no choice made
      // Her own choice goes before the municipality's form.
      await t.app.db.query(`UPDATE member SET preferred_locale = 'en' WHERE id = $1`, [vossId]);
      expect((await localesOfMembers(t.app.db, [vossId], networkId)).get(vossId)).toBe('en');
    });
  });
});
