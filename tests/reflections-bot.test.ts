import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_000_TEMPLATE } from '../src/reflections/domain/reflections.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { cardOf, cardText, count, findInput, personal, press, say, testClock, type Json } from './helpers/work.js';

const HOUR = 3_600_000;

describe.each(databaseKinds)('reflection tasks in the bot on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const clock = testClock();
  const chat = (who: typeof kari, name: string) => personal(t, who, `a:${name}-${kind}`);

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, {}, { now: clock.now });
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    // Kari and Ola have talked to the bot in 1:1, so their chats are stored; Aisha has not.
    await say(t, 'hjelp', chat(kari, 'kari'));
    await say(t, 'hjelp', chat(ola, 'ola'));
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('delivers the seed-000 task to 1:1 chats; Kari answers, edits, and everyone sees the shared summary', async () => {
    // The facilitator asks for a new task and gets the seed-000 template.
    const [formMessage] = await say(t, 'ny refleksjon', chat(ingrid, 'ingrid'));
    const form = cardOf(formMessage);
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect([0, 1, 2].map((i) => findInput(form, `p${i}`)?.value)).toEqual([...SEED_000_TEMPLATE.prompts]);
    expect(findInput(form, 'title')?.value).toBe(SEED_000_TEMPLATE.title);
    const create = form.actions.find((a: Json) => a.verb === 'refleksjon.opprett');
    expect(create).toMatchObject({ type: 'Action.Execute', fallback: { type: 'Action.Submit' } });

    const inputs = Object.fromEntries(
      form.body.filter((e: Json) => e.id).map((e: Json) => [e.id, e.value ?? '']),
    );
    const created = await press(t, 'refleksjon.opprett', { ...create.data, ...inputs }, chat(ingrid, 'ingrid'));
    expect(cardText(created)).toContain('Sendt til 2 av 3 deltakere i personlig chat');
    expect(cardText(created)).toContain('Aisha Rahman');

    // The task card arrives in Kari's 1:1 chat, multi-line inputs with the limit stated.
    const [delivered] = (await t.connector.waitForActivities(2, `a:kari-${kind}`)).slice(1);
    const taskCard = cardOf(delivered);
    expect(adaptiveCardProblems(taskCard)).toEqual([]);
    expect(findInput(taskCard, 'a0')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 4000 });
    expect(findInput(taskCard, 'a0')?.label).toContain('Har jeg god innsikt i det totale utfordringsbildet?');
    expect(cardText(taskCard)).toContain('Maks 4\u00a0000 tegn per svar.');
    const answer = taskCard.actions[0];
    expect(answer).toMatchObject({ type: 'Action.Execute', verb: 'refleksjon.svar', fallback: { type: 'Action.Submit' } });
    const taskId = answer.data.taskId;

    const saved = await press(t, 'refleksjon.svar', { ...answer.data, a0: 'Delvis. Vi mangler tall\nfra hjemmetjenesten.', a1: 'Statistikk fra KS.' }, chat(kari, 'kari'));
    expect(cardText(saved)).toContain('Svaret er lagret');
    expect(findInput(saved, 'a0')?.value).toBe('Delvis. Vi mangler tall\nfra hjemmetjenesten.');
    expect(adaptiveCardProblems(saved)).toEqual([]);

    const edited = await press(t, 'refleksjon.svar', { taskId, a0: 'Ja, etter kartleggingen.', a1: 'Statistikk fra KS.', a2: 'I kommunestyret.' }, chat(kari, 'kari'));
    expect(cardText(edited)).toContain('Oppdater svaret');
    expect(await count(t, 'reflection_answer WHERE task_id = $1', [taskId])).toBe(1);

    const [mine] = await say(t, 'mine refleksjoner', chat(kari, 'kari'));
    expect(cardText(cardOf(mine))).toContain('Ja, etter kartleggingen.');
    expect(adaptiveCardProblems(cardOf(mine))).toEqual([]);

    // Shared with the network: grouped by prompt and municipality, with the author's name.
    const tab = await t.get(`/api/networks/${networkId}/reflections`, as(ingrid));
    const summary = tab.json.tasks.find((x: Json) => x.id === taskId).summary;
    expect(summary.answerCount).toBe(1);
    expect(summary.prompts[0].groups).toEqual([
      { municipalityName: 'Bærum', entries: [{ authorName: 'Kari Nordmann', version: null, text: 'Ja, etter kartleggingen.' }] },
    ]);
    const [shared] = await say(t, 'deling', chat(ola, 'ola'));
    expect(cardText(cardOf(shared))).toContain('Ja, etter kartleggingen.');
    expect(adaptiveCardProblems(cardOf(shared))).toEqual([]);
  });

  async function newTask(body: Json = {}): Promise<string> {
    const res = await t.post(
      `/api/networks/${networkId}/reflections`,
      { template: 'seed-000', dueAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(), ...body },
      as(ingrid),
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.task.id;
  }

  it.skipIf(skipKind(kind))('refuses an answer after the due time, writing nothing', async () => {
    const taskId = await newTask();
    await press(t, 'refleksjon.svar', { taskId, a0: 'Før fristen.' }, chat(kari, 'kari'));
    clock.advance(3 * HOUR);
    try {
      const late = await press(t, 'refleksjon.svar', { taskId, a0: 'Etter fristen.' }, chat(kari, 'kari'));
      expect(cardText(late)).toMatch(/Fristen for «Refleksjon etter oppstartseminaret» gikk ut .*Svaret ble ikke lagret/);
      const { rows } = await t.app.db.query<{ answers: string[] }>(`SELECT answers FROM reflection_answer WHERE task_id = $1`, [taskId]);
      expect(rows.map((r) => r.answers[0])).toEqual(['Før fristen.']);
    } finally {
      clock.advance(-3 * HOUR);
    }
  });

  it.skipIf(skipKind(kind))('refuses an over-long answer with the limit, keeps what was typed, writes nothing', async () => {
    const taskId = await newTask();
    const long = 'x'.repeat(4001);
    const refused = await press(t, 'refleksjon.svar', { taskId, a0: 'Kort.', a1: long }, chat(ola, 'ola'));
    expect(cardText(refused)).toContain('Svaret på spørsmål 2 er for langt (4\u00a0001 tegn). Maks 4\u00a0000 tegn per svar. Ingenting ble lagret.');
    expect(findInput(refused, 'a0')?.value).toBe('Kort.');
    expect(await count(t, 'reflection_answer WHERE task_id = $1', [taskId])).toBe(0);
  });

  it.skipIf(skipKind(kind))('posts the task in the channel when created there, and answers only replace the card for the one who answered', async () => {
    const teamId = `19:kanal-${kind}@thread.tacv2`;
    await t.app.db.query(`UPDATE network SET teams_team_id = $1 WHERE id = $2`, [teamId, networkId]);
    const channel = { ...personal(t, ingrid, teamId), conversationType: 'channel' as const, teamId };
    const [formMessage] = await say(t, 'ny refleksjon', channel);
    const form = cardOf(formMessage);
    expect(findInput(form, 'delivery')?.value).toBe('kanal');
    const inputs = Object.fromEntries(form.body.filter((e: Json) => e.id).map((e: Json) => [e.id, e.value ?? '']));
    const create = form.actions.find((a: Json) => a.verb === 'refleksjon.opprett');
    const before = t.connector.sentActivities(teamId).length;
    const created = await press(t, 'refleksjon.opprett', { ...create.data, ...inputs, title: 'Refleksjon i kanalen' }, channel);
    expect(cardText(created)).toContain('Oppgaven er lagt ut i kanalen.');
    const posted = cardOf(t.connector.sentActivities(teamId)[before]);
    expect(posted.body[0].text).toBe('Refleksjon i kanalen');
    expect(findInput(posted, 'a0')?.value).toBeUndefined();

    // Kari answers in the channel: the invoke response (her view only) has her text; the fallback message would not.
    const taskId = posted.actions[0].data.taskId;
    const kariInChannel = { ...personal(t, kari, teamId), conversationType: 'channel' as const, teamId };
    const mine = await press(t, 'refleksjon.svar', { taskId, a0: 'Mitt svar i kanalen.' }, kariInChannel);
    expect(findInput(mine, 'a0')?.value).toBe('Mitt svar i kanalen.');
  });

  it.skipIf(skipKind(kind))('sends «mine refleksjoner» typed in a channel to the person privately', async () => {
    const teamId = `19:privat-${kind}@thread.tacv2`;
    await t.app.db.query(`UPDATE network SET teams_team_id = $1 WHERE id = $2`, [teamId, networkId]);
    const inChannel = { ...personal(t, kari, `${teamId};messageid=1`), conversationType: 'channel' as const, teamId };
    const before = t.connector.sentActivities(`a:kari-${kind}`).length;
    const [reply] = await say(t, 'mine refleksjoner', inChannel);
    expect(reply!.text).toContain('personlig chat');
    expect(reply!.attachments).toBeUndefined();
    const [privately] = (await t.connector.waitForActivities(before + 1, `a:kari-${kind}`)).slice(before);
    expect(cardOf(privately).body[0].text).toBe('Mine refleksjoner');
  });

  it.skipIf(skipKind(kind))('takes a municipality’s focus areas from the group-work card, as a new version of the shared answer', async () => {
    const taskId = await newTask({ template: 'fokus' });
    const opened = await press(t, 'refleksjon.vis', { taskId }, chat(ola, 'ola'));
    const choices = findInput(opened, 'valg');
    expect(choices).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(choices!.choices.map((c: Json) => c.title)).toContain('Helsehjelp – Hverdagsmestring');
    expect(adaptiveCardProblems(opened)).toEqual([]);
    const saved = await press(t, 'refleksjon.svar', { ...opened.actions[0].data, valg: 'fokusomrade:helsehjelp,losning:helsehjelp-1', a0: 'Vi starter med hverdagsmestring.' }, chat(ola, 'ola'));
    expect(cardText(saved)).toContain('versjon 1');
    expect(findInput(saved, 'valg')?.value).toBe('fokusomrade:helsehjelp,losning:helsehjelp-1');
    const [focus] = await say(t, 'fokusområde', chat(ola, 'ola'));
    expect(cardText(cardOf(focus))).toContain('Helsehjelp: Hverdagsmestring');
    expect(adaptiveCardProblems(cardOf(focus))).toEqual([]);
  });

  it.skipIf(skipKind(kind))('lets only facilitators create tasks, and only deltakere answer', async () => {
    const [refusal] = await say(t, 'ny refleksjon', chat(kari, 'kari'));
    expect(cardText(cardOf(refusal))).toContain('Bare fasilitatorer kan lage oppgaver');
    const taskId = await newTask();
    const byFacilitator = await press(t, 'refleksjon.svar', { taskId, a0: 'Jeg er fasilitator.' }, chat(ingrid, 'ingrid'));
    expect(cardText(byFacilitator)).toContain('Bare deltakere svarer');
    expect(await count(t, 'reflection_answer WHERE task_id = $1', [taskId])).toBe(0);
  });
});
