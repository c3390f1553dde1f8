/**
 * «Hvem har ikke svart» and «Send påminnelse til disse» (issue 13), over HTTP: the facilitator
 * reads who has not answered a reflection task or a named poll, per municipality, sends the
 * reminder, and the fake Bot Connector receives exactly those people's cards, once; a repeat
 * (or a double click) inside the interval sends nothing more. Anonymous polls are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { addPersonalConversation, demoNetworkId, personalConversationId } from './helpers/recipients.js';
import { waitFor } from './helpers/wait.js';

const aisha = { aadObjectId: '00000000-0000-4000-8000-000000000005', displayName: 'Aisha Rahman' };
/** Fast timings: pg-boss polls every 0.5 s, the pump idles 100 ms (as tests/reminders.test.ts). */
const FAST_REMINDERS = { JOB_POLL_SECONDS: '0.5', REMINDER_IDLE_MS: '100', REMINDER_LEASE_SECONDS: '2', PROACTIVE_RETRY_BASE_MS: '20' };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

async function put(t: TestApp, path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(t.url + path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

describe.each(databaseKinds)('follow-up of who has not answered on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  /** Delivered cards that mention this subject, per conversation. */
  const cardsAbout = (title: string) => t.connector.delivered().filter((c) => JSON.stringify(c.body.attachments ?? '').includes(title));
  const reminderStatus = async (id: string) => (await t.app.db.query<{ status: string }>(`SELECT status FROM reminder WHERE id = $1`, [id])).rows[0]?.status;
  const manualReminders = async (subjectId: string) =>
    (await t.app.db.query<{ id: string }>(`SELECT id FROM reminder WHERE subject_id = $1 AND rule_key = 'manuell'`, [subjectId])).rows;
  const finished = (id: string) => waitFor(async () => (await reminderStatus(id)) === 'ferdig', { what: `reminder ${id} ferdig`, timeoutMs: 30_000, detail: async () => String(await reminderStatus(id)) });

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, FAST_REMINDERS);
    networkId = await demoNetworkId(t.app.db);
    for (const m of [ingrid, kari, ola, aisha]) await addPersonalConversation(t.app.db, m.aadObjectId, t.connector.url);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('a reflection task: names per municipality, one reminder to exactly those, a repeat sends nothing', async () => {
    const title = 'Oppfølging: hva tok dere med hjem?';
    const created = await t.post(`/api/networks/${networkId}/reflections`, { title, prompts: ['Hva tok dere med hjem?'], answerMode: 'personlig', visibility: 'nettverket', dueAt: inDays(3) }, as(ingrid));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const taskId = created.json.task.id;
    expect((await put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, { answers: ['Mye'] }, as(kari))).status).toBe(200);

    const base = `/api/networks/${networkId}/reflections/${taskId}/followup`;
    const list = await t.get(base, as(ingrid));
    expect(list.status, JSON.stringify(list.json)).toBe(200);
    const names = list.json.groups.flatMap((g: any) => g.people.map((p: any) => p.name));
    expect(names.sort()).toEqual(['Aisha Rahman', 'Ola Berg']);
    expect(list.json.groups.find((g: any) => g.people.some((p: any) => p.name === 'Ola Berg')).municipalityName).toBe('Asker');
    expect(list.json).toMatchObject({ total: 2, willBeReminded: 2, canRemind: true, lastReminder: null, remindBlocked: null });

    const sent = await t.post(`${base}/remind`, {}, as(ingrid));
    expect(sent.status, JSON.stringify(sent.json)).toBe(200);
    expect(sent.json).toMatchObject({ repeated: false, willBeReminded: 2, message: 'Påminnelsen sendes nå til 2 personer.' });
    await finished(sent.json.reminder.reminderId);
    const cards = cardsAbout(title);
    expect(cards.map((c) => c.conversationId).sort()).toEqual([personalConversationId(ola.aadObjectId), personalConversationId(aisha.aadObjectId)].sort());

    const after = await t.get(base, as(ingrid));
    expect(after.json.lastReminder).toMatchObject({ reminderId: sent.json.reminder.reminderId, status: 'ferdig', recipients: 2, sent: 2 });
    expect(after.json.canRemind).toBe(false);
    expect(after.json.remindBlocked).toMatch(/^Det er nylig sendt en påminnelse\. Neste kan sendes /);

    const again = await t.post(`${base}/remind`, {}, as(ingrid));
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ repeated: true, reminder: { reminderId: sent.json.reminder.reminderId } });
    expect(again.json.message).toMatch(/så ingen får den to ganger/);
    // The only follow-up of the task is finished, so nothing else can go out about it.
    expect(await manualReminders(taskId)).toHaveLength(1);
    expect(cardsAbout(title)).toHaveLength(2);
    expect(t.connector.duplicates()).toBe(0);
  });

  it.skipIf(skipKind(kind))('a group task lists the deltakere of the municipalities without a joint answer', async () => {
    const created = await t.post(`/api/networks/${networkId}/reflections`, { title: 'Felles svar fra kommunen', prompts: ['Hva gjør dere?'], answerMode: 'kommune', dueAt: inDays(3) }, as(ingrid));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const taskId = created.json.task.id;
    const answered = await put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, { answers: ['Vi kartlegger'], baseVersion: 0 }, as(kari));
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    const list = await t.get(`/api/networks/${networkId}/reflections/${taskId}/followup`, as(ingrid));
    expect(list.json.subject.groupTask).toBe(true);
    const municipalities = list.json.groups.map((g: any) => g.municipalityName);
    expect(municipalities).not.toContain('Bærum');
    expect(municipalities).toContain('Asker');
  });

  it.skipIf(skipKind(kind))('a named poll: a double click is one reminder; opted-out people are named but not reminded', async () => {
    const question = 'Oppfølging: passer torsdag for neste samling?';
    const created = await t.post(`/api/networks/${networkId}/polls`, { question, kind: 'enkeltvalg', options: ['Ja', 'Nei'], closesAt: inDays(2) }, as(ingrid));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const pollId = created.json.poll.id;
    expect((await put(t, `/api/networks/${networkId}/polls/${pollId}/vote`, { answer: 0 }, as(ola))).status).toBe(200);
    // Aisha said «Ikke påminn meg om dette» on an earlier reminder about this poll.
    await t.app.db.query(
      `INSERT INTO reminder_opt_out (member_id, kind, subject_id) SELECT id, 'poll-close', $2 FROM member WHERE aad_object_id = $1`,
      [aisha.aadObjectId, pollId],
    );

    const base = `/api/networks/${networkId}/polls/${pollId}/followup`;
    const list = await t.get(base, as(ingrid));
    expect(list.status, JSON.stringify(list.json)).toBe(200);
    const people = list.json.groups.flatMap((g: any) => g.people);
    expect(people.map((p: any) => [p.name, p.reach]).sort()).toEqual([['Aisha Rahman', 'avmeldt'], ['Kari Nordmann', 'far']]);
    expect(list.json).toMatchObject({ total: 2, willBeReminded: 1, canRemind: true });

    const [a, b] = await Promise.all([t.post(`${base}/remind`, {}, as(ingrid)), t.post(`${base}/remind`, {}, as(ingrid))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.json.repeated, b.json.repeated].sort()).toEqual([false, true]);
    expect(a.json.reminder.reminderId).toBe(b.json.reminder.reminderId);
    await finished(a.json.reminder.reminderId);
    expect(cardsAbout(question).map((c) => c.conversationId)).toEqual([personalConversationId(kari.aadObjectId)]);
    expect(await manualReminders(pollId)).toHaveLength(1);
    const after = await t.get(base, as(ingrid));
    expect(after.json.lastReminder).toMatchObject({ status: 'ferdig', recipients: 1, sent: 1 });
  });

  it.skipIf(skipKind(kind))('an anonymous poll is refused by name, and a closed or close-less poll offers no reminder', async () => {
    const anon = await t.post(`/api/networks/${networkId}/polls`, { question: 'Anonym oppfølging?', kind: 'enkeltvalg', options: ['Ja', 'Nei'], anonymous: true, closesAt: inDays(2) }, as(ingrid));
    const base = `/api/networks/${networkId}/polls/${anon.json.poll.id}/followup`;
    for (const res of [await t.get(base, as(ingrid)), await t.post(`${base}/remind`, {}, as(ingrid))]) {
      expect(res.status).toBe(403);
      expect(res.json.error.message).toBe('Svarene er anonyme: ingen, heller ikke fasilitatorene, kan se hvem som har svart eller ikke.');
      expect(JSON.stringify(res.json)).not.toMatch(/Kari|Ola|Aisha/);
    }
    expect(await manualReminders(anon.json.poll.id)).toHaveLength(0);

    const open = await t.post(`/api/networks/${networkId}/polls`, { question: 'Uten stengetid?', kind: 'enkeltvalg', options: ['Ja', 'Nei'] }, as(ingrid));
    const noClose = await t.get(`/api/networks/${networkId}/polls/${open.json.poll.id}/followup`, as(ingrid));
    expect(noClose.json).toMatchObject({ canRemind: false, total: 3 });
    expect(noClose.json.remindBlocked).toMatch(/ingen planlagt stengetid/);
    const refused = await t.post(`/api/networks/${networkId}/polls/${open.json.poll.id}/followup/remind`, {}, as(ingrid));
    expect(refused.status).toBe(409);

    expect((await t.post(`/api/networks/${networkId}/polls/${open.json.poll.id}/close`, {}, as(ingrid))).status).toBe(200);
    const closed = await t.get(`/api/networks/${networkId}/polls/${open.json.poll.id}/followup`, as(ingrid));
    expect(closed.json).toMatchObject({ canRemind: false, subject: { open: false } });
    expect(closed.json.remindBlocked).toBe('Målingen er lukket, så det kan ikke lenger sendes påminnelser om den.');
  });

  it.skipIf(skipKind(kind))('answers in the reader\'s language', async () => {
    const anon = await t.post(`/api/networks/${networkId}/polls`, { question: 'Anonym på nynorsk?', kind: 'enkeltvalg', options: ['Ja', 'Nei'], anonymous: true }, as(ingrid));
    const res = await t.get(`/api/networks/${networkId}/polls/${anon.json.poll.id}/followup`, { ...as(ingrid), 'x-samlingspunkt-locale': 'nn' });
    expect(res.json.error.message).toBe('Svara er anonyme: ingen, heller ikkje fasilitatorane, kan sjå kven som har svart eller ikkje.');
  });
});
