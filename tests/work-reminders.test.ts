import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mellomarbeidDueReminders } from '../src/mellomarbeid/reminder-kind.js';
import { reflectionDueReminders } from '../src/reflections/reminder-kind.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { put, type Json } from './helpers/work.js';

// Issue 6's reminder kinds for reflection and mellomarbeid due times, against issue 5's data.
describe.each(databaseKinds)('due-time reminders for reflections and mellomarbeid on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const memberId = async (aad: string) => (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [aad])).rows[0]!.id;
  const due = () => new Date(Date.now() + 3 * 86_400_000).toISOString();
  const optOut = { kind: 'reflection-due' as const, subjectId: 'x', reminderId: 'r' };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('reminds only deltakere who have not answered (named, anonymous and per municipality)', async () => {
    for (const [body, answerer] of [[{ template: 'seed-000' }, kari], [{ template: 'seed-000', visibility: 'anonym' }, kari], [{ template: 'fokus' }, ola]] as const) {
      const taskId = (await t.post(`/api/networks/${networkId}/reflections`, { ...body, dueAt: due() }, as(ingrid))).json.task.id;
      const subject = (await reflectionDueReminders.load(t.app.db, taskId))!;
      expect((await reflectionDueReminders.upcoming(t.app.db, new Date())).includes(taskId)).toBe(true);
      const before = await reflectionDueReminders.recipients(t.app.db, subject);
      expect(before.sort()).toEqual([await memberId(kari.aadObjectId), await memberId(ola.aadObjectId), await memberId('00000000-0000-4000-8000-000000000005')].sort());
      const answer = body.template === 'fokus' ? { answers: [''], choices: ['fokusomrade:helsehjelp'] } : { answers: ['Svar'] };
      expect((await put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, answer, as(answerer))).status).toBe(200);
      const after = await reflectionDueReminders.recipients(t.app.db, subject);
      expect(after).not.toContain(await memberId(answerer.aadObjectId));
      expect(after).toHaveLength(2);
      const card = reflectionDueReminders.card(subject, { reminderId: 'r', sentAt: new Date(), optOut });
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
  });

  it.skipIf(skipKind(kind))('reminds the deltakere of municipalities that have not delivered', async () => {
    const plan = await t.get(`/api/networks/${networkId}/plan`, as(ingrid));
    const planItemId = plan.json.items.find((i: Json) => i.kind === 'mellomarbeid').id;
    const created = await t.post(`/api/networks/${networkId}/mellomarbeid`, { planItemId, description: 'x', dueAt: due() }, as(ingrid));
    const id = created.json.assignment.id;
    const subject = (await mellomarbeidDueReminders.load(t.app.db, id))!;
    expect(await mellomarbeidDueReminders.recipients(t.app.db, subject)).toContain(await memberId(kari.aadObjectId));
    await put(t, `/api/networks/${networkId}/mellomarbeid/${id}/3201`, { submissionText: 'Ferdig' }, as(kari));
    await put(t, `/api/networks/${networkId}/mellomarbeid/${id}/3201`, { status: 'levert' }, as(kari));
    const after = await mellomarbeidDueReminders.recipients(t.app.db, subject);
    expect(after).not.toContain(await memberId(kari.aadObjectId));
    expect(after).toContain(await memberId(ola.aadObjectId));
    expect(adaptiveCardProblems(mellomarbeidDueReminders.card(subject, { reminderId: 'r', sentAt: new Date(), optOut: { ...optOut, kind: 'mellomarbeid-due' } }))).toEqual([]);
  });
});
