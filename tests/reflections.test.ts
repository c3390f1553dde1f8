import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola, per } from './helpers/people.js';
import { cardText, count, personal, press, put, testClock, type Json, type Person } from './helpers/work.js';

const HOUR = 3_600_000;

describe.each(databaseKinds)('reflection visibility, anonymity and group answers on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const clock = testClock();
  /** Three more deltakere, so an anonymous task can reach five answers. */
  const extra: Person[] = [
    { aadObjectId: crypto.randomUUID(), displayName: 'Siri Dahl' },
    { aadObjectId: crypto.randomUUID(), displayName: 'Tor Lie' },
    { aadObjectId: crypto.randomUUID(), displayName: 'Una Moe' },
  ];
  const aisha = { aadObjectId: '00000000-0000-4000-8000-000000000005', displayName: 'Aisha Rahman' };
  const bærumToo: Person = { aadObjectId: crypto.randomUUID(), displayName: 'Berit Bærum' };

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, {}, { now: clock.now });
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    for (const [who, municipalityNumber] of [...extra.map((p) => [p, '3205'] as const), [bærumToo, '3201'] as const]) {
      const res = await t.post(
        `/api/networks/${networkId}/members`,
        { aadObjectId: who.aadObjectId, displayName: who.displayName, role: 'deltaker', municipalityNumber },
        as(ingrid),
      );
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  const newTask = async (body: Json) => {
    const res = await t.post(
      `/api/networks/${networkId}/reflections`,
      { dueAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(), ...body },
      as(ingrid),
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.task.id as string;
  };
  const answer = (taskId: string, who: Person, body: Json) => put(t, `/api/networks/${networkId}/reflections/${taskId}/answer`, body, as(who));
  const summary = (taskId: string, who: Person) => t.get(`/api/networks/${networkId}/reflections/${taskId}/summary`, as(who));

  it.skipIf(skipKind(kind))('shows nothing of an anonymous task with 4 answers, and with 5 shows answers without names', async () => {
    const taskId = await newTask({ template: 'seed-000', visibility: 'anonym' });
    const people = [kari, ola, aisha, extra[0]!, extra[1]!];
    for (const [i, who] of people.slice(0, 4).entries()) {
      const res = await answer(taskId, who, { answers: [`Anonymt svar ${i + 1}`] });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.saved.mode).toBe('anonym');
    }
    for (const viewer of [ingrid, kari, per]) {
      const four = await summary(taskId, viewer);
      expect(four.status).toBe(200);
      expect(four.json.summary).toMatchObject({ answerCount: null, prompts: [], hiddenReason: expect.stringContaining('minst 5') });
      expect(JSON.stringify(four.json)).not.toContain('Anonymt svar');
    }
    const [botFour] = [await press(t, 'refleksjon.deling', { taskId }, personal(t, ingrid, `a:anon-${kind}`))];
    expect(cardText(botFour)).not.toContain('Anonymt svar');
    expect(cardText(botFour)).toContain('minst 5 har svart');

    await answer(taskId, people[4]!, { answers: ['Anonymt svar 5'] });
    const five = await summary(taskId, ingrid);
    expect(five.json.summary.answerCount).toBe(5);
    const groups = five.json.summary.prompts[0].groups;
    expect(groups).toHaveLength(1);
    expect(groups[0].municipalityName).toBeNull();
    expect(groups[0].entries.map((e: Json) => e.text).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `Anonymt svar ${n}`));
    expect(groups[0].entries.every((e: Json) => e.authorName === null)).toBe(true);
    const everything = JSON.stringify(five.json) + cardText(await press(t, 'refleksjon.deling', { taskId }, personal(t, ingrid, `a:anon-${kind}`)));
    for (const name of ['Kari', 'Ola', 'Aisha', 'Siri', 'Tor', 'Bærum', 'Asker', 'Drammen', 'Lillestrøm']) {
      expect(everything).not.toContain(name);
    }
  });

  it.skipIf(skipKind(kind))('stores anonymous answers with no identity, one per person, editable only with the key from the author’s card', async () => {
    const columns = await t.app.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'reflection_anonymous_answer' AND table_schema = current_schema()`,
    );
    expect(columns.rows.map((r) => r.column_name).sort()).toEqual(['answers', 'edit_key_hash', 'id', 'task_id']);

    const taskId = await newTask({ template: 'seed-000', visibility: 'anonym' });
    const first = await answer(taskId, kari, { answers: ['Første'] });
    const editKey = first.json.saved.editKey as string;
    expect(editKey).toMatch(/^[\w-]{20,}$/);
    const { rows } = await t.app.db.query<Json>(`SELECT * FROM reflection_anonymous_answer WHERE task_id = $1`, [taskId]);
    expect(JSON.stringify(rows)).not.toContain(editKey);
    expect(JSON.stringify(rows)).not.toMatch(/0000000[0-9]-0000-4000-8000/);

    const again = await answer(taskId, kari, { answers: ['Andre gang'] });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('allerede svart');
    const wrongKey = await answer(taskId, kari, { answers: ['Med feil nøkkel'], editKey: 'x'.repeat(32) });
    expect(wrongKey.status).toBe(400);
    const edited = await answer(taskId, kari, { answers: ['Endret'], editKey });
    expect(edited.status).toBe(200);
    const texts = await t.app.db.query<{ answers: string[] }>(`SELECT answers FROM reflection_anonymous_answer WHERE task_id = $1`, [taskId]);
    expect(texts.rows.map((r) => r.answers[0])).toEqual(['Endret']);

    // Kari's own list knows she answered, never what.
    const mine = await t.get(`/api/networks/${networkId}/reflections/mine`, as(kari));
    const item = mine.json.items.find((i: Json) => i.task.id === taskId);
    expect(item).toMatchObject({ state: 'anonymt', answers: [] });
  });

  it.skipIf(skipKind(kind))('keeps every version of a municipality’s shared answer and refuses a stale save', async () => {
    const taskId = await newTask({ title: 'Felles refleksjon', prompts: ['Hva lærte dere?'], answerMode: 'kommune' });
    const v1 = await answer(taskId, kari, { answers: ['Utkast fra Kari'], baseVersion: 0 });
    expect(v1.json.saved).toEqual({ mode: 'kommune', version: 1, municipalityNumber: '3201' });
    const v2 = await answer(taskId, bærumToo, { answers: ['Bedre, fra Berit'], baseVersion: 1 });
    expect(v2.json.saved.version).toBe(2);
    const stale = await answer(taskId, kari, { answers: ['Kari skrev på gammel versjon'], baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toContain('versjon 2');
    expect(await count(t, 'reflection_group_version WHERE task_id = $1', [taskId])).toBe(2);
    await expect(
      t.app.db.query(`UPDATE reflection_group_version SET answers = '{"tuklet"}' WHERE task_id = $1`, [taskId]),
    ).rejects.toThrow(/bare for tillegg/);

    const shared = await summary(taskId, ola);
    expect(shared.json.summary.prompts[0].groups).toEqual([
      { municipalityName: 'Bærum', entries: [{ authorName: 'Berit Bærum', version: 2, text: 'Bedre, fra Berit' }] },
    ]);
  });

  it.skipIf(skipKind(kind))('shows a facilitators-only task to facilitators, to authors only their own', async () => {
    const taskId = await newTask({ template: 'seed-000', visibility: 'fasilitatorer' });
    await answer(taskId, kari, { answers: ['Bare for fasilitator'] });
    expect((await summary(taskId, ingrid)).json.summary.prompts[0].groups[0].entries[0].text).toBe('Bare for fasilitator');
    for (const who of [kari, ola, per]) {
      const refused = await summary(taskId, who);
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toContain('bare synlige for fasilitatorene');
    }
    const list = await t.get(`/api/networks/${networkId}/reflections`, as(ola));
    expect(JSON.stringify(list.json)).not.toContain('Bare for fasilitator');
    const mine = await t.get(`/api/networks/${networkId}/reflections/mine`, as(kari));
    expect(mine.json.items.find((i: Json) => i.task.id === taskId).answers).toEqual(['Bare for fasilitator', '', '']);
  });

  it.skipIf(skipKind(kind))('stores focus areas chosen in group work on the municipality, with the date', async () => {
    const taskId = await newTask({ template: 'fokus' });
    const bad = await answer(taskId, ola, { answers: ['x'], choices: ['fokusomrade:finnes-ikke'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('Ukjent fokusområde');
    const res = await answer(taskId, ola, { answers: ['Vi starter med måltidene.'], choices: ['fokusomrade:mat-og-maltider', 'losning:mat-og-maltider-2'] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const standing = await t.get(`/api/networks/${networkId}/municipalities`, as(kari));
    const asker = standing.json.municipalities.find((m: Json) => m.name === 'Asker');
    expect(asker.focus.map((f: Json) => [f.focusAreaName, f.solutionName])).toEqual([
      ['Mat og måltider', null],
      ['Mat og måltider', 'Måltidstider – maks 11 timer mellom kveldsmat og frokost'],
    ]);
    expect(asker.focus[0].chosenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const s = await summary(taskId, kari);
    expect(s.json.summary.focus).toEqual([
      { municipalityName: 'Asker', picks: ['Mat og måltider', 'Mat og måltider: Måltidstider – maks 11 timer mellom kveldsmat og frokost'] },
    ]);
  });

  it.skipIf(skipKind(kind))('lets facilitators set a municipality’s phase (1–4), nobody else', async () => {
    const number = '3203';
    const bad = await put(t, `/api/networks/${networkId}/municipalities/${number}/phase`, { phase: 5 }, as(ingrid));
    expect(bad.status).toBe(400);
    for (const who of [kari, per]) {
      expect((await put(t, `/api/networks/${networkId}/municipalities/${number}/phase`, { phase: 3 }, as(who))).status).toBe(403);
    }
    const okRes = await put(t, `/api/networks/${networkId}/municipalities/${number}/phase`, { phase: 3 }, as(ingrid));
    expect(okRes.status).toBe(200);
    const standing = await t.get(`/api/networks/${networkId}/municipalities`, as(ola));
    expect(standing.json.municipalities.find((m: Json) => m.number === number).phase).toBe(3);
  });

  it.skipIf(skipKind(kind))('exports a person’s answers, and deleting them removes their answers and name but not the municipality’s history', async () => {
    const named = await newTask({ template: 'seed-000' });
    await answer(named, bærumToo, { answers: ['Berits eget svar'] });
    const group = await newTask({ title: 'Felles før sletting', prompts: ['Hva?'], answerMode: 'kommune' });
    await answer(group, bærumToo, { answers: ['Berits kommunesvar'] });
    const anon = await newTask({ template: 'seed-000', visibility: 'anonym' });
    await answer(anon, bærumToo, { answers: ['Berits anonyme svar'] });

    const exported = await t.get('/api/me/export', as(bærumToo));
    expect(exported.json.refleksjonssvar.map((r: Json) => r.svar[0])).toContain('Berits eget svar');
    expect(exported.json.kommunesvarDuHarSkrevet.map((r: Json) => r.svar[0])).toContain('Berits kommunesvar');
    expect(exported.json.anonymeOppgaverDuHarSvartPå).toContain('Refleksjon etter oppstartseminaret');
    expect(JSON.stringify(exported.json)).not.toContain('Berits anonyme svar');

    expect((await t.post('/api/me/delete', { confirm: 'SLETT' }, as(bærumToo))).status).toBe(200);
    expect(await count(t, 'reflection_answer WHERE task_id = $1', [named])).toBe(0);
    const history = await summary(group, ingrid);
    expect(history.json.summary.prompts[0].groups[0].entries).toEqual([{ authorName: null, version: 1, text: 'Berits kommunesvar' }]);
    expect(await count(t, 'reflection_anonymous_answer WHERE task_id = $1', [anon])).toBe(1);
  });

  it.skipIf(skipKind(kind))('seeds the demo work once: a second run changes nothing', async () => {
    const tables = ['reflection_task', 'mellomarbeid_assignment', 'mellomarbeid_status', 'municipality_focus'];
    const before = await Promise.all(tables.map((x) => count(t, x)));
    const phases = await t.app.db.query(`SELECT municipality_number, phase, phase_set_at FROM network_municipality ORDER BY 1`);
    expect(await seedDemo(t.app.db, clock.now())).toBe('exists');
    expect(await Promise.all(tables.map((x) => count(t, x)))).toEqual(before);
    expect((await t.app.db.query(`SELECT municipality_number, phase, phase_set_at FROM network_municipality ORDER BY 1`)).rows).toEqual(phases.rows);
    const seeded = await t.app.db.query<Json>(`SELECT title, prompts FROM reflection_task WHERE seed_key = 'refleksjon-samling-1'`);
    expect(seeded.rows[0]!.prompts).toHaveLength(3);
  });
});
