import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { adaptiveCardProblems } from './helpers/cards.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola, per } from './helpers/people.js';
import { cardOf, cardText, count, findInput, personal, press, put, say, testClock, type Json } from './helpers/work.js';

const DAY = 86_400_000;

describe.each(databaseKinds)('mellomarbeid on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  let planItemId = '';
  const clock = testClock();

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, {}, { now: clock.now });
    networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    const plan = await t.get(`/api/networks/${networkId}/plan`, as(ingrid));
    planItemId = plan.json.items.find((i: Json) => i.kind === 'mellomarbeid').id;
  });
  afterAll(async () => t?.close());

  const create = async (body: Json = {}) => {
    const res = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, description: 'Beskriv utfordringsbildet.', dueAt: new Date(clock.now().getTime() + 10 * DAY).toISOString(), ...body },
      as(ingrid),
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.assignment.id as string;
  };
  const update = (assignmentId: string, number: string, who: { aadObjectId: string }, body: Json) =>
    put(t, `/api/networks/${networkId}/mellomarbeid/${assignmentId}/${number}`, body, as(who));
  const statusOf = async (assignmentId: string, number: string) =>
    (await t.app.db.query<{ status: string; updated_at: Date }>(
      `SELECT status, updated_at FROM mellomarbeid_status WHERE assignment_id = $1 AND municipality_number = $2`,
      [assignmentId, number],
    )).rows[0]!;

  it.skipIf(skipKind(kind))('creates an assignment only from a mellomarbeid plan item, for all or chosen municipalities', async () => {
    const plan = await t.get(`/api/networks/${networkId}/plan`, as(ingrid));
    const samling = plan.json.items.find((i: Json) => i.kind === 'samling').id;
    const wrong = await t.post(`/api/networks/${networkId}/mellomarbeid`, { planItemId: samling, description: 'x', dueAt: new Date(clock.now().getTime() + DAY).toISOString() }, as(ingrid));
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toContain('typen «mellomarbeid»');
    const outside = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, description: 'x', dueAt: new Date(clock.now().getTime() + DAY).toISOString(), municipalityNumbers: ['0301'] },
      as(ingrid),
    );
    expect(outside.status).toBe(400);
    const chosen = await t.post(
      `/api/networks/${networkId}/mellomarbeid`,
      { planItemId, title: 'Bare Asker og Bærum', description: 'x', dueAt: new Date(clock.now().getTime() + DAY).toISOString(), municipalityNumbers: ['3201', '3203'] },
      as(ingrid),
    );
    expect(chosen.status).toBe(201);
    expect(await count(t, 'mellomarbeid_status WHERE assignment_id = $1', [chosen.json.assignment.id])).toBe(2);
    const all = await create({ title: 'For alle' });
    expect(await count(t, 'mellomarbeid_status WHERE assignment_id = $1', [all])).toBe(6);
  });

  it.skipIf(skipKind(kind))('Kari moves Bærum’s work to levert in the bot, and the matrix shows it', async () => {
    const assignmentId = await create({ title: 'Kartlegging (bot)' });
    const chat = personal(t, kari, `a:kari-mm-${kind}`);
    const cards = (await say(t, 'mellomarbeid', chat)).map(cardOf);
    const card = cards.find((c) => cardText(c).includes('Kartlegging (bot)'))!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Status: **Ikke startet**');
    expect(card.actions.map((a: Json) => a.title)).toEqual(['Lagre utkast', 'Marker som påbegynt']);

    const data = card.actions.find((a: Json) => a.title === 'Marker som påbegynt').data;
    const started = await press(t, 'mellomarbeid.oppdater', data, chat);
    expect(cardText(started)).toContain('Status: **Påbegynt**');
    const deliver = started.actions.find((a: Json) => a.title === 'Lever');
    const empty = await press(t, 'mellomarbeid.oppdater', { ...deliver.data, tekst: '', lenke: '' }, chat);
    expect(cardText(empty)).toContain('Skriv en tekst eller legg inn en lenke før du leverer.');
    const delivered = await press(t, 'mellomarbeid.oppdater', { ...deliver.data, tekst: 'Vi har kartlagt tjenestene.', lenke: 'https://baerum.kommune.no/lhl' }, chat);
    expect(cardText(delivered)).toContain('Status: **Levert**');
    expect(findInput(delivered, 'tekst')).toBeUndefined();
    expect(adaptiveCardProblems(delivered)).toEqual([]);

    const matrix = await t.get(`/api/networks/${networkId}/mellomarbeid`, as(ingrid));
    const cell = matrix.json.cells.find((c: Json) => c.assignmentId === assignmentId && c.municipalityNumber === '3201');
    expect(cell).toMatchObject({ status: 'levert', submissionText: 'Vi har kartlagt tjenestene.', submissionUrl: 'https://baerum.kommune.no/lhl', overdue: false });
    expect(matrix.json.assignments.find((a: Json) => a.id === assignmentId).progress).toEqual({ delivered: 1, total: 6 });
  });

  it.skipIf(skipKind(kind))('refuses skipping a status, another municipality, and over-long text — writing nothing', async () => {
    const assignmentId = await create({ title: 'Regler' });
    const before = await statusOf(assignmentId, '3203');

    const skip = await update(assignmentId, '3203', ola, { status: 'levert', submissionText: 'Hopper over' });
    expect(skip.status).toBe(409);
    expect(skip.json.error.message).toBe('Kan ikke hoppe fra «ikke startet» til «levert»: arbeidet må først bli «påbegynt». Ingenting ble lagret.');

    const other = await update(assignmentId, '3203', kari, { status: 'pabegynt' });
    expect(other.status).toBe(403);
    expect(other.json.error.message).toBe('Du kan bare oppdatere arbeidet til din egen kommune.');
    const otherCard = await press(t, 'mellomarbeid.oppdater', { assignmentId, municipalityNumber: '3203', to: 'pabegynt' }, personal(t, kari, `a:kari-x-${kind}`));
    expect(cardText(otherCard)).toContain('din egen kommune');

    const long = await update(assignmentId, '3203', ola, { submissionText: 'x'.repeat(8001) });
    expect(long.status).toBe(400);
    expect(long.json.error.message).toBe('Besvarelsen er for lang (8\u00a0001 tegn). Maks 8\u00a0000 tegn. Ingenting ble lagret.');

    const coordinator = await update(assignmentId, '3203', per, { status: 'pabegynt' });
    expect(coordinator.status).toBe(403);

    expect(await statusOf(assignmentId, '3203')).toEqual(before);
    const row = await t.app.db.query(`SELECT submission_text FROM mellomarbeid_status WHERE assignment_id = $1 AND municipality_number = '3203'`, [assignmentId]);
    expect(row.rows[0]).toEqual({ submission_text: null });
  });

  it.skipIf(skipKind(kind))('gives feedback and reopens as facilitator only; a stale expected status is refused', async () => {
    const assignmentId = await create({ title: 'Tilbakemelding' });
    expect((await update(assignmentId, '3203', ola, { submissionText: 'Utkast' })).json.cell.status).toBe('pabegynt');
    expect((await update(assignmentId, '3203', ola, { status: 'levert', expectedStatus: 'pabegynt' })).json.cell.status).toBe('levert');

    const selfReview = await update(assignmentId, '3203', ola, { status: 'tilbakemelding-gitt', feedback: 'Bra jobba, oss!' });
    expect(selfReview.status).toBe(409);
    expect(selfReview.json.error.message).toContain('Bare en fasilitator kan gi tilbakemelding');
    const reopenByDeltaker = await update(assignmentId, '3203', ola, { status: 'pabegynt' });
    expect(reopenByDeltaker.json.error.message).toContain('Bare en fasilitator kan åpne levert arbeid igjen');
    const lateEdit = await update(assignmentId, '3203', ola, { submissionText: 'Etterpå' });
    expect(lateEdit.json.error.message).toContain('Arbeidet er levert og kan ikke endres');

    const noText = await update(assignmentId, '3203', ingrid, { status: 'tilbakemelding-gitt' });
    expect(noText.json.error.message).toContain('Skriv en tilbakemelding');
    const reviewed = await update(assignmentId, '3203', ingrid, { status: 'tilbakemelding-gitt', feedback: 'God kartlegging.', expectedStatus: 'levert' });
    expect(reviewed.json.cell).toMatchObject({ status: 'tilbakemelding-gitt', feedback: 'God kartlegging.' });

    const stale = await update(assignmentId, '3203', ingrid, { status: 'pabegynt', expectedStatus: 'levert' });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toContain('Statusen er endret i mellomtiden');

    const reopened = await update(assignmentId, '3203', ingrid, { status: 'pabegynt', expectedStatus: 'tilbakemelding-gitt' });
    expect(reopened.json.cell).toMatchObject({ status: 'pabegynt', feedback: 'God kartlegging.', nextStatuses: ['levert'] });
    expect(await count(t, `audit_log WHERE action IN ('mellomarbeid.tilbakemelding', 'mellomarbeid.gjenapnet')`)).toBeGreaterThanOrEqual(2);

    // The facilitator sees a municipality's work by name in the bot, with the feedback box.
    const byName = (await say(t, 'mellomarbeid Asker', personal(t, ingrid, `a:ingrid-mm-${kind}`))).map(cardOf);
    expect(byName.some((c) => cardText(c).includes('Tilbakemelding fra fasilitator'))).toBe(true);
  });

  it.skipIf(skipKind(kind))('guards the status machine in SQL too', async () => {
    const assignmentId = await create({ title: 'SQL-vakt' });
    await expect(
      t.app.db.query(`UPDATE mellomarbeid_status SET status = 'levert' WHERE assignment_id = $1 AND municipality_number = '3201'`, [assignmentId]),
    ).rejects.toThrow(/Ulovlig statusendring/);
    expect((await statusOf(assignmentId, '3201')).status).toBe('ikke-startet');
  });

  it.skipIf(skipKind(kind))('marks overdue work in the matrix and the overview card', async () => {
    const assignmentId = await create({ title: 'Forsinket', dueAt: new Date(clock.now().getTime() + DAY).toISOString() });
    clock.advance(2 * DAY);
    try {
      const matrix = await t.get(`/api/networks/${networkId}/mellomarbeid`, as(ingrid));
      const cells = matrix.json.cells.filter((c: Json) => c.assignmentId === assignmentId);
      expect(cells.every((c: Json) => c.overdue)).toBe(true);
      const [overview] = await say(t, 'mellomarbeid', personal(t, ingrid, `a:ingrid-over-${kind}`));
      expect(cardText(cardOf(overview))).toContain('Ikke startet – fristen er passert');
      expect(adaptiveCardProblems(cardOf(overview))).toEqual([]);
    } finally {
      clock.advance(-2 * DAY);
    }
  });

  it.skipIf(skipKind(kind))('shows a deltaker only their own municipality’s row', async () => {
    const matrix = await t.get(`/api/networks/${networkId}/mellomarbeid`, as(kari));
    expect(matrix.json.municipalities).toEqual([{ number: '3201', name: 'Bærum' }]);
    expect(new Set(matrix.json.cells.map((c: Json) => c.municipalityNumber))).toEqual(new Set(['3201']));
  });
});
