/**
 * Issue 11 for reminders: the commands and cards answer in the reader's Teams language, a
 * reminder (proactive, nobody's turn behind it) reaches each person in their own language, the
 * tab API refuses in English when asked, and a deadline on a public holiday is flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayNotice } from '../src/reminders/holiday-notice.js';
import { describeRule } from '../src/reminders/report.js';
import { describeLeadTime } from '../src/reminders/domain/reminders.js';
import { inLocale } from '../src/platform/i18n/context.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { cardAction, message, type ActivityOptions } from './helpers/activities.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import type { RecordedCall } from './helpers/fake-connector.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { addPersonalConversation, demoNetworkId, personalConversationId } from './helpers/recipients.js';
import { waitFor } from './helpers/wait.js';
import { cardOf, type Json } from './helpers/work.js';

const LOCALE_HEADER = 'x-samlingspunkt-locale';
/** As in reminders.test.ts: pg-boss polls every 0.5 s, the pump idles 100 ms. */
const FAST_REMINDERS = { JOB_POLL_SECONDS: '0.5', REMINDER_IDLE_MS: '100', REMINDER_LEASE_SECONDS: '2', PROACTIVE_RETRY_BASE_MS: '20' };
const aisha = { aadObjectId: '00000000-0000-4000-8000-000000000005', displayName: 'Aisha Rahman' };
const oslo = (local: string) => new Date(`${local}:00${Number(local.slice(5, 7)) >= 4 && Number(local.slice(5, 7)) <= 10 ? '+02:00' : '+01:00'}`);

describe('reminder texts per language', () => {
  it('describes lead times and rules in bokmål, nynorsk and English', () => {
    const deadline = oslo('2026-06-10T10:00');
    const dayBefore = oslo('2026-06-09T09:00');
    expect(inLocale('nb', () => describeLeadTime(deadline, dayBefore))).toBe('i morgen kl. 10.00');
    expect(inLocale('nn', () => describeLeadTime(deadline, dayBefore))).toBe('i morgon kl. 10.00');
    expect(inLocale('en', () => describeLeadTime(deadline, dayBefore))).toBe('tomorrow at 10:00');
    expect(inLocale('nn', () => describeLeadTime(deadline, oslo('2026-06-10T09:00')))).toBe('om ein time');
    expect(inLocale('en', () => describeLeadTime(deadline, oslo('2026-06-07T09:00')))).toBe('on Wednesday 10 June at 10:00');
    expect(inLocale('nb', () => describeRule('d2@12:30'))).toBe('2 dager før kl. 12.30');
    expect(inLocale('nn', () => describeRule('d2@12:30'))).toBe('2 dagar før kl. 12.30');
    expect(inLocale('en', () => describeRule('d1@09:00'))).toBe('the day before at 09:00');
    expect(inLocale('en', () => describeRule('m120'))).toBe('2 hours before');
    expect(inLocale('nb', () => describeRule('m60'))).toBe('1 time før');
  });

  it('flags a deadline on a public holiday or in a quiet Christmas week, in the reader’s language', () => {
    const christmas = oslo('2026-12-25T10:00');
    expect(holidayNotice(christmas)).toBe('Fristen er 1. juledag, en helligdag: påminnelser sendes ikke den dagen.');
    expect(inLocale('nn', () => holidayNotice(christmas))).toBe('Fristen er 1. juledag, ein heilagdag: påminningar blir ikkje sende den dagen.');
    expect(inLocale('en', () => holidayNotice(christmas))).toBe('The deadline is on Christmas Day, a public holiday: reminders are not sent that day.');
    expect(inLocale('en', () => holidayNotice(oslo('2026-04-06T12:00')))).toContain('Easter Monday');
    expect(holidayNotice(oslo('2026-05-17T12:00'))).toBe('Fristen er 17. mai, en helligdag: påminnelser sendes ikke den dagen.');
    expect(holidayNotice(oslo('2026-12-28T10:00'))).toMatch(/^Fristen er i juleuka/);
    const noQuietHolidays = { from: '21:00', to: '07:00', weekends: true, holidays: false, christmasWeek: false };
    expect(holidayNotice(christmas, noQuietHolidays)).toBe('Fristen er 1. juledag, en helligdag.');
    expect(holidayNotice(oslo('2026-12-28T10:00'), noQuietHolidays)).toBeNull();
    expect(holidayNotice(oslo('2026-12-08T10:00'))).toBeNull();
  });
});

describe.each(databaseKinds)('reminders in nynorsk and English on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const isReminder = (c: RecordedCall) => /^(Påminnelse|Påminning|Reminder):/.test(String(cardOf(c.body)?.body?.[0]?.text ?? ''));
  const chat = (who: { aadObjectId: string; displayName: string }): ActivityOptions & { conversationId: string } => ({
    serviceUrl: t.connector.url,
    conversationId: personalConversationId(who.aadObjectId),
    conversationType: 'personal',
    fromAadObjectId: who.aadObjectId,
    fromName: who.displayName,
  });

  async function sayIn(locale: string, text: string, who: typeof kari): Promise<Json> {
    const o = chat(who);
    const before = t.connector.sentActivities(o.conversationId).length;
    const res = await t.post('/api/messages', { ...message(text, o), locale });
    expect(res.status).toBeLessThan(300);
    return cardOf((await t.connector.waitForActivities(before + 1, o.conversationId))[before]);
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, FAST_REMINDERS);
    networkId = await demoNetworkId(t.app.db);
    for (const m of [ingrid, kari, ola, aisha]) await addPersonalConversation(t.app.db, m.aadObjectId, t.connector.url);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('answers «stopp påminningar» in nynorsk and «start reminders» in English', async () => {
    const nn = await sayIn('nn-NO', 'stopp påminningar', kari);
    expect(adaptiveCardProblems(nn)).toEqual([]);
    expect(nn.body[0].text).toBe('Påminningar er slått av');
    expect(nn.fallbackText).toMatch(/^Påminningar er slått av: Du får ingen påminningar frå meg/);
    const nnOn = await sayIn('nn-NO', 'start påminningar', kari);
    expect(nnOn.body[0].text).toBe('Påminningar er slått på');

    const en = await sayIn('en-US', 'start reminders', ola);
    expect(adaptiveCardProblems(en)).toEqual([]);
    expect(en.body[0].text).toBe('Reminders are on');
    expect(en.fallbackText).toContain('Type «stop reminders» to turn them off.');

    const refused = await sayIn('en-US', 'reminders', ola);
    expect(refused.body[0].text).toBe('Cannot show the reminders');
  });

  it.skipIf(skipKind(kind))('sends one «remind now» to each person in their own language, and reports it in English', async () => {
    // Kari last wrote in nynorsk and Ola in English (the test above); Aisha has never written: bokmål.
    const ordered = await sayIn('en-US', 'remind now', ingrid);
    expect(adaptiveCardProblems(ordered)).toEqual([]);
    expect(ordered.body[0].text).toBe('Reminder booked');
    expect(ordered.body[1].text).toMatch(/^The reminder about «Samling 1 – Oppstartseminar» is being sent now to 4 people in the network/);

    await waitFor(() => t.connector.delivered().filter(isReminder).length >= 4, { what: '4 reminders', timeoutMs: 30_000 });
    const cardTo = (who: { aadObjectId: string }) => cardOf(t.connector.delivered().filter(isReminder).find((c) => c.conversationId === personalConversationId(who.aadObjectId))!.body);
    const toKari = cardTo(kari);
    expect(adaptiveCardProblems(toKari)).toEqual([]);
    expect(toKari.body[0].text).toMatch(/^Påminning: samling /);
    expect(toKari.actions.map((a: Json) => a.title)).toEqual(['Bli med i Teams-møtet', 'Ikkje minn meg på dette']);
    expect(toKari.fallbackText).toMatch(/^Påminning: samling .*: Samling 1 – Oppstartseminar\nNår: /);

    const toOla = cardTo(ola);
    expect(adaptiveCardProblems(toOla)).toEqual([]);
    expect(toOla.body[0].text).toMatch(/^Reminder: seminar /);
    expect(toOla.body[2].facts.map((f: Json) => f.title)).toEqual(['When', 'Format']);
    expect(toOla.body[2].facts[0].value).toMatch(/^\w{3} \d{1,2} \w+, \d{2}:\d{2}–\d{2}:\d{2}$/);
    expect(toOla.actions.map((a: Json) => a.title)).toEqual(['Join the Teams meeting', "Don't remind me about this"]);

    const toAisha = cardTo(aisha);
    expect(toAisha.body[0].text).toMatch(/^Påminnelse: samling /);
    expect(toAisha.actions[1].title).toBe('Ikke påminn meg om dette');

    // Ola, in English, opts out: the card that replaces it is English too.
    const res = await t.post('/api/messages', { ...cardAction(toOla.actions[1].verb, toOla.actions[1].data, chat(ola)), locale: 'en-US' });
    expect(res.status).toBe(200);
    const optedOut = res.json.value;
    expect(adaptiveCardProblems(optedOut)).toEqual([]);
    expect(optedOut.body[0].text).toBe('Reminders turned off');
    expect(optedOut.body[1].text).toBe('You will get no more reminders about «Samling 1 – Oppstartseminar».');
    expect(optedOut.actions[0].title).toBe('Undo');

    const report = await waitFor(
      async () => {
        const card = await sayIn('en-US', 'reminders', ingrid);
        return JSON.stringify(card).includes('sent by a facilitator') && card;
      },
      { what: 'the English report card', timeoutMs: 20_000 },
    );
    expect(adaptiveCardProblems(report)).toEqual([]);
    expect(report.body[0].text).toMatch(/^Reminders – /);
    expect(report.fallbackText).toMatch(/^Reminders – /);
  });

  it.skipIf(skipKind(kind))('refuses in the tab’s language and flags a plan item on a holiday', async () => {
    const en = { ...as(ingrid), [LOCALE_HEADER]: 'en' };
    const missing = await t.get(`/api/networks/${networkId}/plan/${crypto.randomUUID()}/reminders`, en);
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('The activity was not found in the plan.');
    const badId = await t.get(`/api/networks/${networkId}/plan/not-an-id/reminders`, en);
    expect(badId.status).toBe(400);
    expect(badId.json.error.message).toContain('activity id');

    const bad = await fetch(`${t.url}/api/networks/${networkId}/reminder-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...en },
      body: JSON.stringify({ quietHours: { from: '25:00', to: '07:00', weekends: true } }),
    });
    expect(bad.status).toBe(400);
    const message = (await bad.json()).error.message as string;
    expect(message).toMatch(/^Check the reminder settings/);
    expect(message).toContain('must be a time HH:MM, for example 09:00');

    const nn = await t.get(`/api/networks/${networkId}/plan/${crypto.randomUUID()}/reminders`, { ...as(ingrid), [LOCALE_HEADER]: 'nn' });
    expect(nn.json.error.message).toBe('Fann ikkje aktiviteten i planen.');

    // The demo plan avoids holidays: its items carry no notice.
    const plan = (await t.get(`/api/networks/${networkId}/plan`, as(ingrid))).json.items as Json[];
    const reminders = await t.get(`/api/networks/${networkId}/plan/${plan[0]!.id}/reminders`, en);
    expect(reminders.status).toBe(200);
    expect(reminders.json.holidayNotice).toBeNull();
  });
});
