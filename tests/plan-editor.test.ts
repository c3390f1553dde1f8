/**
 * The plan editor's API (issue 12): PATCH keeps what it is not sent, the rules on the merged
 * item, a moved or deleted item taking its reminders and the deadlines tied to it along, the
 * preview saying exactly that, duplicate and veiledning per kommune (slots). Through HTTP, on
 * both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_HEADER } from '../src/tab/api.js';
import { POLL_CLOSE_QUEUE } from '../src/polls/jobs.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { jobsOf } from './helpers/jobs.js';
import { as, ingrid, kari } from './helpers/people.js';

const DAY = 86_400_000;
type Json = { status: number; json: any };

describe.each(databaseKinds)('plan editor on %s', (kind) => {
  let t: TestApp;
  let base = '';
  let municipalities: string[] = [];

  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> => {
    const res = await fetch(t.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...as(ingrid), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  const patch = (id: string, body: unknown, headers?: Record<string, string>) => send('PATCH', `${base}/plan/${id}`, body, headers);
  const getItem = async (id: string) => ((await t.get(`${base}/plan`, as(ingrid))).json.items as any[]).find((i) => i.id === id);
  const rowOf = async (id: string) => (await t.app.db.query<any>('SELECT * FROM plan_item WHERE id = $1', [id])).rows[0];
  const planned = async (kindOf: string, subjectId: string) =>
    (
      await t.app.db.query<{ id: string; send_at: Date; version: number }>(
        `SELECT id, send_at, version FROM reminder WHERE kind = $1 AND subject_id = $2 AND status = 'planlagt' ORDER BY send_at`,
        [kindOf, subjectId],
      )
    ).rows.map((r) => ({ id: r.id, sendAt: new Date(r.send_at).toISOString(), version: r.version }));

  /** `days` after a Tuesday well ahead (weekday reminders are not skipped as quiet time), at hh:mm UTC, as ISO. */
  const at = (days: number, hh: number, mm = 0) => {
    const d = new Date(Date.parse('2027-09-07T00:00:00Z') + days * DAY);
    d.setUTCHours(hh, mm, 0, 0);
    return d.toISOString();
  };
  let counter = 0;
  async function create(over: Record<string, unknown> = {}): Promise<any> {
    const day = 7 * counter++;
    const res = await send('POST', `${base}/plan`, {
      kind: 'webinar',
      title: `Webinar ${counter}`,
      agenda: 'Innledning og spørsmål',
      startsAt: at(day, 9),
      endsAt: at(day, 10),
      format: 'digital',
      responsibleBody: 'KS',
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/editor',
      ...over,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const networkId = (await t.get('/api/networks', as(ingrid))).json.networks[0].id;
    base = `/api/networks/${networkId}`;
    municipalities = (await t.app.db.query<{ n: string }>('SELECT municipality_number AS n FROM network_municipality WHERE network_id = $1 ORDER BY 1', [networkId])).rows.map((r) => r.n);
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('changing only the times keeps the Teams link, the agenda and everything else', async () => {
    const item = await create();
    const res = await patch(item.id, { startsAt: at(400, 11), endsAt: at(400, 12, 30) });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const after = await getItem(item.id);
    expect(after).toEqual({ ...item, startsAt: at(400, 11), endsAt: at(400, 12, 30) });
    expect(after.meetingUrl).toBe('https://teams.microsoft.com/l/meetup-join/editor');
    expect(after.agenda).toBe('Innledning og spørsmål');
  });

  it.skipIf(skipKind(kind))('updates each field on its own, and null clears the optional ones', async () => {
    const item = await create();
    const changes: Record<string, unknown>[] = [
      { title: 'Nytt navn' },
      { agenda: 'Ny agenda' },
      { format: 'hybrid' },
      { responsibleBody: 'SF' },
      { meetingUrl: 'https://teams.microsoft.com/l/meetup-join/ny' },
      { kind: 'dialogmote' },
      { endsAt: '' },
    ];
    let expected = { ...item };
    for (const change of changes) {
      if ('endsAt' in change) change.endsAt = new Date(Date.parse(item.startsAt) + 2 * 3_600_000).toISOString();
      const res = await patch(item.id, change);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expected = { ...expected, ...change };
      expect(await getItem(item.id)).toEqual(expected);
    }
    const cleared = await patch(item.id, { agenda: null, responsibleBody: null, meetingUrl: null });
    expect(cleared.status).toBe(200);
    expect(await getItem(item.id)).toEqual({ ...expected, agenda: null, responsibleBody: null, meetingUrl: null });
  });

  it.skipIf(skipKind(kind))('refuses bad input with the field named as the form labels it, and saves nothing', async () => {
    const item = await create();
    const samling = ((await t.get(`${base}/plan`, as(ingrid))).json.items as any[]).find((i) => i.kind === 'samling');
    const before = await rowOf(item.id);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ endsAt: new Date(Date.parse(item.startsAt) - 60_000).toISOString() }, 'endsAt', /Slutt: må være etter start/],
      [{ kind: 'samling', startsAt: samling.startsAt, endsAt: samling.endsAt }, 'startsAt', new RegExp(`overlapper med samlingen «${samling.title.replace(/[()]/g, '.')}»`)],
      [{ kind: 'kurs' }, 'kind', /Type: må være en av/],
      [{ format: 'brev' }, 'format', /Format: må være en av/],
      [{ responsibleBody: 'NAV' }, 'responsibleBody', /Ansvar: må være en av/],
      [{ meetingUrl: 'http://teams.microsoft.com/x' }, 'meetingUrl', /Lenke til Teams-møtet: må være en https-lenke/],
      [{ title: '' }, 'title', /Tittel: kan ikke være tom/],
      [{ unknown: 1 }, '', /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await patch(item.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field) expect(res.json.error.field, JSON.stringify(body)).toBe(field);
      expect(res.json.error.message, JSON.stringify(body)).toMatch(message);
      expect(await rowOf(item.id)).toEqual(before);
    }
    // In the reader's language.
    const en = await patch(item.id, { endsAt: item.startsAt }, { [LOCALE_HEADER]: 'en' });
    expect(en.json.error.message).toMatch(/End: must be after the start time/);
    const nn = await patch(item.id, { endsAt: item.startsAt }, { [LOCALE_HEADER]: 'nn' });
    expect(nn.json.error.message).toMatch(/Slutt: må vere etter start/);
    // A new item may not start in the past; an overlapping new samling names the other one.
    const count = async () => (await t.get(`${base}/plan`, as(ingrid))).json.items.length;
    const n = await count();
    const past = await send('POST', `${base}/plan`, { kind: 'webinar', title: 'For sent', startsAt: new Date(Date.now() - 2 * DAY).toISOString(), endsAt: new Date(Date.now() - DAY).toISOString(), format: 'digital' });
    expect(past.status).toBe(400);
    expect(past.json.error).toMatchObject({ field: 'startsAt' });
    expect(past.json.error.message).toMatch(/Start: en ny aktivitet kan ikke starte i fortiden/);
    const overlap = await send('POST', `${base}/plan`, { kind: 'samling', title: 'Dobbel', startsAt: samling.startsAt, endsAt: samling.endsAt, format: 'fysisk' });
    expect(overlap.status).toBe(400);
    expect(overlap.json.error.message).toContain(samling.title);
    expect(await count()).toBe(n);
    // An item that is not there, and PUT still a full replace.
    expect((await patch('00000000-0000-4000-8000-000000000000', { title: 'x' })).status).toBe(404);
    const put = await send('PUT', `${base}/plan/${item.id}`, { kind: 'webinar', title: 'Erstattet', startsAt: item.startsAt, endsAt: item.endsAt, format: 'digital' });
    expect(put.status).toBe(200);
    expect(await getItem(item.id)).toMatchObject({ title: 'Erstattet', agenda: null, meetingUrl: null, responsibleBody: null });
  });

  it.skipIf(skipKind(kind))('moving an item moves its reminders, its polls, reflection and mellomarbeid deadlines and their reminders; the preview says so first', async () => {
    const item = await create({ kind: 'mellomarbeid', title: 'Mellomarbeid som flyttes', format: 'digital' });
    const start = Date.parse(item.startsAt);
    const poll = await send('POST', `${base}/polls`, { question: 'Hvordan gikk det?', kind: 'enkeltvalg', options: ['Bra', 'Dårlig'], planItemId: item.id, closesAt: new Date(start + 2 * DAY).toISOString() });
    expect(poll.status, JSON.stringify(poll.json)).toBe(201);
    const task = await send('POST', `${base}/reflections`, { title: 'Refleksjon etter samlingen', prompts: ['Hva tar dere med?'], dueAt: new Date(start + 7 * DAY).toISOString(), planItemId: item.id });
    expect(task.status, JSON.stringify(task.json)).toBe(201);
    const work = await send('POST', `${base}/mellomarbeid`, { planItemId: item.id, description: 'Lag en plan', dueAt: new Date(start + 14 * DAY).toISOString() });
    expect(work.status, JSON.stringify(work.json)).toBe(201);
    const pollId = poll.json.poll.id;
    const taskId = task.json.task.id;
    const assignmentId = work.json.assignment.id;

    const before = {
      item: await planned('plan-item', item.id),
      poll: await planned('poll-close', pollId),
      task: await planned('reflection-due', taskId),
      work: await planned('mellomarbeid-due', assignmentId),
    };
    expect(before.item.length).toBeGreaterThan(0);
    expect(before.task.length + before.work.length + before.poll.length).toBeGreaterThan(0);

    const week = 7 * DAY;
    const body = { startsAt: new Date(start + week).toISOString(), endsAt: new Date(Date.parse(item.endsAt) + week).toISOString() };
    const preview = await send('POST', `${base}/plan/${item.id}/preview`, body);
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    const c = preview.json.consequences;
    expect(c.shiftMinutes).toBe(7 * 24 * 60);
    expect(c.reminders.moved).toBe(before.item.length);
    expect(c.polls).toEqual([expect.objectContaining({ id: pollId, change: 'moved', to: new Date(start + 2 * DAY + week).toISOString() })]);
    expect(c.reflections).toEqual([expect.objectContaining({ id: taskId, change: 'moved', to: new Date(start + 14 * DAY).toISOString() })]);
    expect(c.mellomarbeid).toEqual([expect.objectContaining({ id: assignmentId, change: 'moved', to: new Date(start + 21 * DAY).toISOString() })]);
    expect(c.summary.join(' ')).toMatch(/påminnelser? flyttes til/);
    expect(c.summary.join(' ')).toMatch(/Refleksjonsfristen for «Refleksjon etter samlingen» flyttes/);
    // The preview saved nothing.
    expect(await planned('plan-item', item.id)).toEqual(before.item);
    expect((await rowOf(item.id)).starts_at.toISOString()).toBe(item.startsAt);

    const saved = await patch(item.id, body);
    expect(saved.status).toBe(200);
    // Saving did what the preview said.
    expect({ ...saved.json.consequences }).toEqual(c);
    const shifted = (list: { sendAt: string }[]) => list.map((r) => new Date(Date.parse(r.sendAt) + week).toISOString());
    expect((await planned('plan-item', item.id)).map((r) => r.sendAt)).toEqual(shifted(before.item));
    expect((await planned('plan-item', item.id)).every((r, i) => r.version > before.item[i]!.version)).toBe(true);
    const newDue = { 'poll-close': start + 2 * DAY + week, 'reflection-due': start + 14 * DAY, 'mellomarbeid-due': start + 21 * DAY };
    for (const [kindOf, id, list] of [['poll-close', pollId, before.poll], ['reflection-due', taskId, before.task], ['mellomarbeid-due', assignmentId, before.work]] as const) {
      const after = (await planned(kindOf, id)).map((r) => r.sendAt);
      // Those planned move by the shift; a subject whose reminders were not planned yet gets them for its new deadline.
      if (list.length > 0) expect(after, kindOf).toEqual(shifted(list));
      else expect(after.every((s) => Date.parse(s) <= newDue[kindOf] && Date.parse(s) > start), kindOf).toBe(true);
    }
    const due = async (table: string, id: string, column: string) => new Date((await t.app.db.query<any>(`SELECT ${column} AS d FROM ${table} WHERE id = $1`, [id])).rows[0].d).toISOString();
    expect(await due('poll', pollId, 'closes_at')).toBe(new Date(start + 2 * DAY + week).toISOString());
    expect(await due('reflection_task', taskId, 'due_at')).toBe(new Date(start + 14 * DAY).toISOString());
    expect(await due('mellomarbeid_assignment', assignmentId, 'due_at')).toBe(new Date(start + 21 * DAY).toISOString());
    // The poll's close job for the new time is waiting.
    const jobs = await jobsOf(t.app.db, t.schedulerSchema, POLL_CLOSE_QUEUE, 'pollId', pollId);
    expect(jobs.map((j) => j.data?.closesAt)).toContain(new Date(start + 2 * DAY + week).toISOString());
    // Audited with before and after.
    const audit = (await t.app.db.query<any>(`SELECT details FROM audit_log WHERE action = 'plan.endret' AND details->>'planItemId' = $1`, [item.id])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].details.før.startsAt).toBe(item.startsAt);
    expect(audit[0].details.etter.startsAt).toBe(body.startsAt);

    const taskReminders = (await planned('reflection-due', taskId)).length;
    // Deleting: the preview tells what goes (mellomarbeid and its statuses), then it does that.
    await send('PUT', `${base}/mellomarbeid/${assignmentId}/${kari.municipalityNumber}`, { status: 'pabegynt', expectedStatus: 'ikke-startet' }, as(kari));
    const delPreview = await send('POST', `${base}/plan/${item.id}/preview`, { delete: true });
    expect(delPreview.status, JSON.stringify(delPreview.json)).toBe(200);
    const d = delPreview.json.consequences;
    expect(d.reminders.cancelled).toBe(before.item.length);
    expect(d.mellomarbeid).toEqual([expect.objectContaining({ id: assignmentId, change: 'deleted', municipalities: municipalities.length })]);
    expect(d.polls).toEqual([expect.objectContaining({ id: pollId, change: 'unlinked' })]);
    expect(d.reflections).toEqual([expect.objectContaining({ id: taskId, change: 'unlinked' })]);
    expect(d.summary.join(' ')).toMatch(/slettes, med status for \d+ kommuner/);
    expect(await getItem(item.id)).toBeDefined();
    const deleted = await send('DELETE', `${base}/plan/${item.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.consequences).toEqual(d);
    expect(await getItem(item.id)).toBeUndefined();
    expect(await planned('plan-item', item.id)).toEqual([]);
    expect(await planned('mellomarbeid-due', assignmentId)).toEqual([]);
    expect((await t.app.db.query<any>('SELECT 1 FROM mellomarbeid_assignment WHERE id = $1', [assignmentId])).rows).toHaveLength(0);
    expect((await t.app.db.query<any>('SELECT plan_item_id FROM poll WHERE id = $1', [pollId])).rows[0].plan_item_id).toBeNull();
    expect((await t.app.db.query<any>('SELECT plan_item_id FROM reflection_task WHERE id = $1', [taskId])).rows[0].plan_item_id).toBeNull();
    // The poll and the reflection task keep their reminders.
    expect((await planned('reflection-due', taskId)).length).toBe(taskReminders);
    const gone = (await t.app.db.query<any>(`SELECT details FROM audit_log WHERE action = 'plan.slettet' AND details->>'planItemId' = $1`, [item.id])).rows;
    expect(gone).toHaveLength(1);
  });

  it.skipIf(skipKind(kind))('duplicates an item, on the same day or a new date at the same Oslo times', async () => {
    const item = await create({ title: 'Webinar til kopi' });
    const same = await send('POST', `${base}/plan/${item.id}/duplicate`, {});
    expect(same.status, JSON.stringify(same.json)).toBe(201);
    expect(same.json.item).toEqual({ ...item, id: same.json.item.id });
    expect(same.json.item.id).not.toBe(item.id);
    const later = await send('POST', `${base}/plan/${item.id}/duplicate`, { date: '2031-06-10' });
    expect(later.status).toBe(201);
    // 09:00 UTC in winter is 10:00 Oslo; on 10 June the same 10:00 Oslo is 08:00 UTC.
    const oslo = (iso: string) => new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    expect(later.json.item.startsAt.slice(0, 10)).toBe('2031-06-10');
    expect(oslo(later.json.item.startsAt)).toBe(oslo(item.startsAt));
    expect((await planned('plan-item', later.json.item.id)).length).toBeGreaterThan(0);
    const audit = (await t.app.db.query<any>(`SELECT details FROM audit_log WHERE action = 'plan.duplisert' AND details->>'fra' = $1`, [item.id])).rows;
    expect(audit).toHaveLength(2);
    const bad = await send('POST', `${base}/plan/${item.id}/duplicate`, { date: '2031-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('date');
  });

  it.skipIf(skipKind(kind))('veiledning per kommune: one slot per municipality, inside the day, not overlapping; GET names them', async () => {
    const day = at(320, 7).slice(0, 10);
    const slot = (i: number, n = municipalities[i]!) => ({ municipalityNumber: n, startsAt: `${day}T${String(7 + i * 2).padStart(2, '0')}:00:00Z`, endsAt: `${day}T${String(8 + i * 2).padStart(2, '0')}:30:00Z` });
    const item = await create({ kind: 'veiledning', title: 'Veiledning per kommune', startsAt: `${day}T07:00:00Z`, endsAt: `${day}T15:00:00Z`, slots: [slot(0), slot(1)] });
    expect(item.slots.map((s: any) => s.municipalityNumber)).toEqual([municipalities[0], municipalities[1]]);
    expect(item.slots[0].municipalityName).toMatch(/\w/);
    const listed = await t.get(`${base}/plan`, as(kari));
    expect(listed.json.myMunicipalityNumber).toBe(kari.municipalityNumber);
    expect(listed.json.items.find((i: any) => i.id === item.id).slots).toHaveLength(2);

    // PATCH without slots keeps them; with slots replaces them; null removes them.
    await patch(item.id, { title: 'Veiledning (ny tittel)' });
    expect((await getItem(item.id)).slots).toHaveLength(2);
    const three = await patch(item.id, { slots: [slot(0), slot(1), slot(2)] });
    expect(three.status, JSON.stringify(three.json)).toBe(200);
    expect((await getItem(item.id)).slots).toHaveLength(3);

    const bad: [unknown, string, RegExp][] = [
      [[slot(0), { ...slot(1), startsAt: `${day}T08:00:00Z` }], 'slots.1.startsAt', /Tidspunkt 2: overlapper med tidspunktet for/],
      [[{ ...slot(0), municipalityNumber: '9999' }], 'slots.0.municipalityNumber', /Tidspunkt 1, Kommune: 9999 er ikke med i nettverket/],
      [[slot(0), { ...slot(1), municipalityNumber: municipalities[0] }], 'slots.1.municipalityNumber', /har allerede et tidspunkt/],
      [[{ ...slot(0), endsAt: new Date(Date.parse(`${day}T07:00:00Z`) + 2 * DAY).toISOString() }], 'slots.0.startsAt', /samme dag som aktiviteten/],
      [[{ ...slot(0), endsAt: slot(0).startsAt }], 'slots.0.endsAt', /Tidspunkt 1, Slutt: må være etter start/],
    ];
    for (const [slots, field, message] of bad) {
      const res = await patch(item.id, { slots });
      expect(res.status, JSON.stringify(slots)).toBe(400);
      expect(res.json.error.field).toBe(field);
      expect(res.json.error.message).toMatch(message);
      expect((await getItem(item.id)).slots).toHaveLength(3);
    }
    const webinar = await patch(item.id, { kind: 'webinar' });
    expect(webinar.status).toBe(400);
    expect(webinar.json.error.field).toBe('slots');
    expect((await patch(item.id, { slots: null })).status).toBe(200);
    expect((await getItem(item.id)).slots).toEqual([]);
  });
});
