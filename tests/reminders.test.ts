import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSLO } from '../src/shared/time.js';
import { demoMeetingUrl } from '../src/demo/demo.js';
import { holidayOn, isChristmasWeek } from '../src/reminders/domain/holidays.js';
import { mellomarbeidDueReminders } from '../src/mellomarbeid/reminder-kind.js';
import { reflectionDueReminders } from '../src/reflections/reminder-kind.js';
import { REMINDER_QUEUE, reminderJobId, syncSubjectReminders } from '../src/reminders/engine.js';
import { cardAction, message } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import type { RecordedCall } from './helpers/fake-connector.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { addPersonalConversation, demoNetworkId, personalConversationId } from './helpers/recipients.js';
import { waitFor } from './helpers/wait.js';

type Sent = Record<string, any>;
const cardOf = (a: Sent) => a.attachments?.[0]?.content;
const aisha = { aadObjectId: '00000000-0000-4000-8000-000000000005', displayName: 'Aisha Rahman' };

/** Fast timings: pg-boss polls every 0.5 s, the pump idles 100 ms, retries start at 20 ms. */
export const FAST_REMINDERS = { JOB_POLL_SECONDS: '0.5', REMINDER_IDLE_MS: '100', REMINDER_LEASE_SECONDS: '2', PROACTIVE_RETRY_BASE_MS: '20' };

const isReminder = (c: RecordedCall) => JSON.stringify(cardOf(c.body)?.body?.[0]?.text ?? '').startsWith('"Påminnelse:');
/** Neither the day nor the day before is a public holiday or in the Christmas week (both quiet by default). */
const ordinaryDayAndDayBefore = (day: DateTime) => [day, day.minus({ days: 1 })].every((d) => holidayOn(d) === null && !isChristmasWeek(d));
const oslo = (d: Date | string) => DateTime.fromJSDate(new Date(d), { zone: OSLO }).toFormat("ccc yyyy-LL-dd HH:mm");

async function call(t: TestApp, method: 'PUT' | 'DELETE', path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(t.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

describe.each(databaseKinds)('reminders on %s', (kind) => {
  let t: TestApp & { put(path: string, body: unknown, headers: Record<string, string>): ReturnType<typeof call>; del(path: string, headers: Record<string, string>): ReturnType<typeof call> };
  let networkId = '';
  const members = [ingrid, kari, ola, aisha];
  const reminderCalls = () => t.connector.delivered().filter(isReminder);
  const waitForReminders = async (count: number) => {
    await waitFor(() => reminderCalls().length >= count, { what: `${count} delivered reminders`, timeoutMs: 30_000, detail: () => `got ${reminderCalls().length}` });
    expect(reminderCalls().length).toBe(count);
    return reminderCalls();
  };
  const deliveriesOf = async (reminderId: string) =>
    (
      await t.app.db.query<{ name: string; status: string }>(
        `SELECT m.display_name AS name, d.status FROM reminder_delivery d JOIN member m ON m.id = d.member_id
          WHERE d.reminder_id = $1 ORDER BY m.display_name`,
        [reminderId],
      )
    ).rows;
  const statusOf = async (reminderId: string) =>
    (await t.app.db.query<{ status: string }>(`SELECT status FROM reminder WHERE id = $1`, [reminderId])).rows[0]?.status;
  const waitForFinished = async (reminderId: string) =>
    waitFor(async () => (await statusOf(reminderId)) === 'ferdig' && 'ferdig', {
      what: `reminder ${reminderId} to be ferdig`,
      timeoutMs: 30_000,
      detail: async () => `status ${await statusOf(reminderId)}`,
    });
  const say = (person: { aadObjectId: string }, text: string) =>
    t.post('/api/messages', message(text, { serviceUrl: t.connector.url, conversationId: personalConversationId(person.aadObjectId), fromAadObjectId: person.aadObjectId }));
  const remindNow = async () => {
    const before = t.connector.sentActivities(personalConversationId(ingrid.aadObjectId)).length;
    await say(ingrid, 'påminn nå');
    const replies = await t.connector.waitForActivities(before + 1, personalConversationId(ingrid.aadObjectId));
    const reply = replies.find((r, i) => i >= before && cardOf(r)?.body?.[0]?.text === 'Påminnelse bestilt');
    expect(reply, JSON.stringify(replies.slice(before))).toBeDefined();
    const { rows } = await t.app.db.query<{ id: string }>(
      `SELECT id FROM reminder WHERE rule_key = 'manuell' ORDER BY created_at DESC, updated_at DESC LIMIT 1`,
    );
    return rows[0]!.id;
  };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    const app = await startTestApp(kind, FAST_REMINDERS);
    t = Object.assign(app, {
      put: (path: string, body: unknown, headers: Record<string, string>) => call(app, 'PUT', path, body, headers),
      del: (path: string, headers: Record<string, string>) => call(app, 'DELETE', path, undefined, headers),
    });
    networkId = await demoNetworkId(t.app.db);
    for (const m of members) await addPersonalConversation(t.app.db, m.aadObjectId, t.connector.url);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('plans the demo: the day before at 09:00 and an hour before, each with its pg-boss job', async () => {
    const { rows } = await t.app.db.query<{ id: string; title: string; starts_at: Date; rule_key: string; send_at: Date; version: number; job_version: number }>(
      `SELECT r.id, p.title, p.starts_at, r.rule_key, r.send_at, r.version, r.job_version
         FROM reminder r JOIN plan_item p ON p.id = r.subject_id
        WHERE r.kind = 'plan-item' AND r.status = 'planlagt' AND p.network_id = $1 ORDER BY r.send_at`,
      [networkId],
    );
    const first = rows.filter((r) => r.title === 'Samling 1 – Oppstartseminar');
    expect(first.map((r) => r.rule_key)).toEqual(['d1@09:00', 'm60']);
    const start = DateTime.fromJSDate(new Date(first[0]!.starts_at), { zone: OSLO });
    expect(oslo(first[0]!.send_at)).toBe(`${start.minus({ days: 1 }).toFormat('ccc yyyy-LL-dd')} 09:00`);
    expect(oslo(first[1]!.send_at)).toBe(`${start.toFormat('ccc yyyy-LL-dd')} 09:00`);
    // Six demo items, two rules each; all their times are ahead and outside quiet hours.
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.job_version).toBe(r.version);
      const job = await t.app.scheduler.getJobById(REMINDER_QUEUE, reminderJobId(r.id, r.version));
      expect(job?.state).toBe('created');
      expect(new Date(job!.startAfter).getTime()).toBe(new Date(r.send_at).getTime());
    }
  });

  it.skipIf(skipKind(kind))('moves pending reminders with a moved plan item and cancels them with a deleted one', async () => {
    const plan = (await t.get(`/api/networks/${networkId}/plan`, as(ingrid))).json.items as Sent[];
    const item = plan.find((i) => i.title === 'Samling 2 – Metoder og verktøy')!;
    const before = (
      await t.app.db.query<{ id: string; rule_key: string; version: number }>(
        `SELECT id, rule_key, version FROM reminder WHERE subject_id = $1 AND status = 'planlagt' ORDER BY rule_key`,
        [item.id],
      )
    ).rows;
    // A week later, or more weeks if that day or the day before is a holiday or in the Christmas
    // week (their reminders would then move or be skipped); the demo plan keeps day 17 clear.
    let weeks = 1;
    while (!ordinaryDayAndDayBefore(DateTime.fromISO(item.startsAt, { zone: OSLO }).plus({ weeks }))) weeks++;
    const later = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).plus({ weeks }).toUTC().toISO()!;
    const moved = await t.put(`/api/networks/${networkId}/plan/${item.id}`, { ...item, startsAt: later(item.startsAt), endsAt: later(item.endsAt) }, as(ingrid));
    expect(moved.status).toBe(200);
    const after = (
      await t.app.db.query<{ id: string; rule_key: string; version: number; send_at: Date; job_version: number }>(
        `SELECT id, rule_key, version, send_at, job_version FROM reminder WHERE subject_id = $1 AND status = 'planlagt' ORDER BY rule_key`,
        [item.id],
      )
    ).rows;
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    for (const [i, r] of after.entries()) {
      expect(r.version).toBe(before[i]!.version + 1);
      expect(oslo(r.send_at).slice(-5)).toBe(r.rule_key === 'd1@09:00' ? '09:00' : '08:00');
    }
    // The new versions get their jobs at once (notify), the old ones are cancelled.
    const withJobs = async () =>
      (
        await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminder WHERE subject_id = $1 AND status = 'planlagt' AND job_version = version`, [
          item.id,
        ])
      ).rows[0]!.n;
    await waitFor(async () => (await withJobs()) === after.length, {
      what: `pg-boss jobs for the ${after.length} moved reminders`,
      detail: async () => `${await withJobs()} have theirs`,
    });
    for (const [i, r] of after.entries()) {
      expect((await t.app.scheduler.getJobById(REMINDER_QUEUE, reminderJobId(r.id, r.version)))?.state).toBe('created');
      expect((await t.app.scheduler.getJobById(REMINDER_QUEUE, reminderJobId(r.id, before[i]!.version)))?.state).toBe('cancelled');
    }

    expect((await t.del(`/api/networks/${networkId}/plan/${item.id}`, as(ingrid))).status).toBe(200);
    const { rows } = await t.app.db.query<{ status: string; status_reason: string }>(`SELECT status, status_reason FROM reminder WHERE subject_id = $1`, [item.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'avlyst')).toBe(true);
  });

  it.skipIf(skipKind(kind))('«påminn nå»: everyone in the network gets the next samling with its meeting link, once', async () => {
    const reminderId = await remindNow();
    const calls = await waitForReminders(4);
    expect(await waitForFinished(reminderId)).toBe('ferdig');
    expect(new Set(calls.map((c) => c.conversationId))).toEqual(new Set(members.map((m) => personalConversationId(m.aadObjectId))));
    const card = cardOf(calls[0]!.body);
    expect(card.body[1].text).toBe('Samling 1 – Oppstartseminar');
    expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: demoMeetingUrl('samling-1', ingrid.aadObjectId) });
    expect(card.actions[1]).toMatchObject({ type: 'Action.Execute', verb: 'paminnelse-av', data: { kind: 'plan-item', reminderId } });
    expect(JSON.stringify(card)).toContain('Info om prosessen');
    expect(await deliveriesOf(reminderId)).toEqual(members.map((m) => ({ name: m.displayName, status: 'sendt' })).sort((a, b) => a.name.localeCompare(b.name)));
    expect(t.connector.duplicates()).toBe(0);
  });

  it.skipIf(skipKind(kind))('«stopp påminnelser» stops the next one for that person; «start påminnelser» turns them on', async () => {
    await say(kari, 'stopp påminnelser');
    const [reply] = (await t.connector.waitForActivities(1, personalConversationId(kari.aadObjectId))).slice(-1);
    expect(cardOf(reply!).body[0].text).toBe('Påminnelser er slått av');
    const sentBefore = reminderCalls().length;
    const reminderId = await remindNow();
    await waitForReminders(sentBefore + 3);
    expect(await waitForFinished(reminderId)).toBe('ferdig');
    expect(reminderCalls().slice(sentBefore).map((c) => c.conversationId)).not.toContain(personalConversationId(kari.aadObjectId));
    expect((await deliveriesOf(reminderId)).find((d) => d.name === 'Kari Nordmann')?.status).toBe('avmeldt');

    await say(kari, 'start påminnelser');
    const again = await remindNow();
    await waitForReminders(sentBefore + 7);
    expect(await waitForFinished(again)).toBe('ferdig');
    expect((await deliveriesOf(again)).find((d) => d.name === 'Kari Nordmann')?.status).toBe('sendt');

    // Her export shows what she got and what she turned down.
    const exported = (await t.get('/api/me/export', as(kari))).json;
    expect(exported['påminnelser'].stoppetAlle).toBeNull();
    expect((exported['påminnelser'].mottatt as Sent[]).map((m) => m.status)).toEqual(expect.arrayContaining(['sendt', 'avmeldt']));
  });

  it.skipIf(skipKind(kind))('«Ikke påminn meg om dette» opts out of that activity only', async () => {
    const last = reminderCalls().find((c) => c.conversationId === personalConversationId(ola.aadObjectId))!;
    const data = cardOf(last.body).actions[1].data;
    const o = { serviceUrl: t.connector.url, conversationId: personalConversationId(ola.aadObjectId), fromAadObjectId: ola.aadObjectId };
    const res = await t.post('/api/messages', cardAction('paminnelse-av', data, o));
    expect(res.json.value.body[0].text).toBe('Påminnelser slått av');
    expect(JSON.stringify(res.json.value)).toContain('Samling 1 – Oppstartseminar');

    const sentBefore = reminderCalls().length;
    const reminderId = await remindNow();
    await waitForReminders(sentBefore + 3);
    expect(await waitForFinished(reminderId)).toBe('ferdig');
    expect((await deliveriesOf(reminderId)).find((d) => d.name === 'Ola Berg')?.status).toBe('avmeldt');

    // Another activity still reaches Ola.
    const plan = (await t.get(`/api/networks/${networkId}/plan`, as(ingrid))).json.items as Sent[];
    const veiledning = plan.find((i) => i.title === 'Sentervis veiledning, økt 1')!;
    const sent = await t.post(`/api/networks/${networkId}/plan/${veiledning.id}/reminders/send`, {}, as(ingrid));
    expect(sent.status).toBe(201);
    await waitForReminders(sentBefore + 7);
    expect(await waitForFinished(sent.json.reminderId)).toBe('ferdig');
    expect((await deliveriesOf(sent.json.reminderId)).find((d) => d.name === 'Ola Berg')?.status).toBe('sendt');

    const undo = await t.post('/api/messages', cardAction('paminnelse-pa', data, o));
    expect(undo.json.value.body[0].text).toBe('Påminnelser slått på igjen');
  });

  it.skipIf(skipKind(kind))('records 403 MessageWritesBlocked as unreachable and skips that person from then on', async () => {
    t.connector.blockConversation(personalConversationId(aisha.aadObjectId));
    const sentBefore = reminderCalls().length;
    const first = await remindNow();
    await waitForReminders(sentBefore + 3);
    expect(await waitForFinished(first)).toBe('ferdig');
    expect((await deliveriesOf(first)).find((d) => d.name === 'Aisha Rahman')?.status).toBe('utilgjengelig');
    const attemptsToAisha = t.connector.sentActivities(personalConversationId(aisha.aadObjectId)).length;

    const second = await remindNow();
    await waitForReminders(sentBefore + 6);
    expect(await waitForFinished(second)).toBe('ferdig');
    expect((await deliveriesOf(second)).find((d) => d.name === 'Aisha Rahman')?.status).toBe('utilgjengelig');
    expect(t.connector.sentActivities(personalConversationId(aisha.aadObjectId))).toHaveLength(attemptsToAisha);
    t.connector.failConversation(personalConversationId(aisha.aadObjectId), undefined);
    await say(aisha, 'start påminnelser');
  });

  it.skipIf(skipKind(kind))('the delivery report: names per outcome for facilitators, refused to deltakere', async () => {
    const report = await t.get(`/api/networks/${networkId}/reminders`, as(ingrid));
    expect(report.status).toBe(200);
    const done = (report.json.reminders as Sent[]).filter((r) => r.status === 'ferdig');
    expect(done.length).toBeGreaterThanOrEqual(5);
    const withAisha = done.find((r) => r.recipients.utilgjengelig.some((p: Sent) => p.name === 'Aisha Rahman'))!;
    expect(withAisha).toMatchObject({ subjectTitle: 'Samling 1 – Oppstartseminar', rule: 'sendt av fasilitator' });
    expect(withAisha.counts.sendt + withAisha.counts.avmeldt + withAisha.counts.utilgjengelig).toBe(4);
    const planned = (report.json.reminders as Sent[]).find((r) => r.status === 'planlagt')!;
    expect(planned.rule).toMatch(/dagen før kl\. 09\.00|1 time før/);

    expect((await t.get(`/api/networks/${networkId}/reminders`, as(kari))).status).toBe(403);

    await say(ingrid, 'påminnelser');
    const replies = t.connector.sentActivities(personalConversationId(ingrid.aadObjectId));
    const card = await waitFor(
      () => t.connector.sentActivities(personalConversationId(ingrid.aadObjectId)).map(cardOf).find((c) => c?.body?.[0]?.text?.startsWith('Påminnelser – ')),
      { what: 'the «Påminnelser – …» report card to Ingrid', detail: () => JSON.stringify(replies.slice(-1)) },
    );
    expect(JSON.stringify(card)).toContain('Ikke nåbar (1)');
    expect(JSON.stringify(card)).toContain('Aisha Rahman');

    await say(kari, 'påminnelser');
    const refusal = await waitFor(
      () => t.connector.sentActivities(personalConversationId(kari.aadObjectId)).map(cardOf).find((c) => c?.body?.[0]?.text === 'Kan ikke vise påminnelsene'),
      { what: 'the refusal «Kan ikke vise påminnelsene» to Kari' },
    );
    expect(JSON.stringify(refusal)).toContain('Bare fasilitatorer');
  });

  it.skipIf(skipKind(kind))('deadline reminders go only to those who still owe an answer or a delivery', async () => {
    const db = t.app.db;
    const memberId = async (p: { aadObjectId: string }) =>
      (await db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [p.aadObjectId])).rows[0]!.id;
    // A Wednesday 14:00 at least two days ahead: its day-before 09:00 is never in quiet hours.
    let wednesday = DateTime.now().setZone(OSLO).plus({ days: 2 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 });
    while (wednesday.weekday !== 3 || !ordinaryDayAndDayBefore(wednesday)) wednesday = wednesday.plus({ days: 1 });
    const due = wednesday.toUTC().toISO()!;
    const task = (
      await db.query<{ id: string }>(
        `INSERT INTO reflection_task (network_id, title, prompts, answer_mode, visibility, due_at)
         VALUES ($1, 'Refleksjon etter samling 1', ARRAY['Har jeg god innsikt i det totale utfordringsbildet?'], 'personlig', 'fasilitatorer', $2)
         RETURNING id`,
        [networkId, due],
      )
    ).rows[0]!.id;
    await db.query(`INSERT INTO reflection_answer (task_id, member_id, municipality_number, answers) VALUES ($1, $2, '3201', ARRAY['Ja'])`, [task, await memberId(kari)]);
    await db.query(`INSERT INTO reflection_participation (task_id, member_id) VALUES ($1, $2)`, [task, await memberId(ola)]);
    const reflection = (await reflectionDueReminders.load(db, task))!;
    expect(reflection.deadline.toISOString()).toBe(new Date(due).toISOString());
    expect(await reflectionDueReminders.recipients(db, reflection)).toEqual([await memberId(aisha)]);

    const planItem = (await db.query<{ id: string }>(`SELECT id FROM plan_item WHERE network_id = $1 ORDER BY starts_at LIMIT 1`, [networkId])).rows[0]!.id;
    const assignment = (
      await db.query<{ id: string }>(
        `INSERT INTO mellomarbeid_assignment (network_id, plan_item_id, title, description, due_at)
         VALUES ($1, $2, 'Kartlegging', 'Kartlegg dagens tilbud.', $3) RETURNING id`,
        [networkId, planItem, due],
      )
    ).rows[0]!.id;
    await db.query(
      `INSERT INTO mellomarbeid_status (assignment_id, network_id, municipality_number, status)
       VALUES ($1, $2, '3201', 'levert'), ($1, $2, '3203', 'pabegynt'), ($1, $2, '3301', 'ikke-startet')`,
      [assignment, networkId],
    );
    const work = (await mellomarbeidDueReminders.load(db, assignment))!;
    expect(new Set(await mellomarbeidDueReminders.recipients(db, work))).toEqual(new Set([await memberId(ola), await memberId(aisha)]));
    const card = mellomarbeidDueReminders.card(work, { reminderId: task, sentAt: new Date(), optOut: { kind: 'mellomarbeid-due', subjectId: assignment, reminderId: task } });
    expect(card.body[1]).toMatchObject({ text: 'Kartlegging' });

    // The sweeper plans them like plan items: the day before at 09:00.
    await db.transaction((tx) => syncSubjectReminders(tx, 'reflection-due', task, new Date()));
    const { rows } = await db.query<{ rule_key: string }>(`SELECT rule_key FROM reminder WHERE subject_id = $1 AND status = 'planlagt'`, [task]);
    expect(rows.map((r) => r.rule_key)).toEqual(['d1@09:00']);
  });

  it.skipIf(skipKind(kind))('validates settings and rules in Norwegian, and only facilitators change them', async () => {
    const bad = await t.put(`/api/networks/${networkId}/reminder-settings`, { quietHours: { from: '25:00', to: '07:00', weekends: 'ja' } }, as(ingrid));
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/Stille fra: må være et klokkeslett/);
    expect(bad.json.error.message).toMatch(/Stille i helgene/);
    const refused = await t.put(`/api/networks/${networkId}/reminder-settings`, { quietHours: { from: '22:00', to: '07:00', weekends: true } }, as(kari));
    expect(refused.status).toBe(403);
    const plan = (await t.get(`/api/networks/${networkId}/plan`, as(ingrid))).json.items as Sent[];
    const item = plan.find((i) => i.title === 'Samling 3 – Digitale verktøy og prosessledelse')!;
    const rules = await t.put(
      `/api/networks/${networkId}/plan/${item.id}/reminders`,
      { rules: [{ type: 'days-before', days: 2, at: '12:30' }] },
      as(ingrid),
    );
    expect(rules.status).toBe(200);
    const pending = (rules.json.reminders as Sent[]).filter((r) => r.status === 'planlagt');
    expect(pending.map((r) => r.rule)).toEqual(['2 dager før kl. 12.30']);
    expect(oslo(pending[0]!.sendAt).slice(-5)).toBe('12:30');
    expect((rules.json.reminders as Sent[]).filter((r) => r.status === 'avlyst').map((r) => r.statusReason)).toEqual([
      'regelen er fjernet',
      'regelen er fjernet',
    ]);
  });
});
