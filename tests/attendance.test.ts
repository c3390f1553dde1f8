/** Attendance (issue 13): the Teams report parser, matching, the import over HTTP, the check-list and the counts. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReport, minutesOf, parseReport } from '../src/attendance/domain/teams-report.js';
import { matchRows, type Candidate } from '../src/attendance/domain/matching.js';
import { recordMeetingAttendance } from '../src/attendance/record.js';
import { seedDemoAttendance } from '../src/demo/seed-attendance.js';
import { exportAttendance, purgeNetworkAttendance } from '../src/attendance/sql/privacy.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, ola, per } from './helpers/people.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const report = (name: string) => {
  const parsed = parseReport(decodeReport(fixture(name)));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.report;
};

describe('the Teams attendance report', () => {
  it('reads today’s report (UTF-16LE, tabs, three sections): the participants, not the activities', () => {
    const r = report('attendance-teams-participants.csv');
    expect(r.shape).toBe('participants');
    expect(r.meetingTitle).toBe('Samling 1 – Oppstartseminar');
    expect(r.meetingStart).toBe('1/5/27, 9:58:02 AM');
    expect(r.rows.map((x) => x.name)).toEqual(['Ingrid Haugen', 'Kari Nordmann', 'Ola Berg', 'Nils Hansen', 'Berit Aas (Gjest)']);
    expect(r.rows[1]).toMatchObject({ line: 12, email: 'kari.nordmann@baerum.kommune.no', participantId: 'kari.nordmann@baerum.kommune.no', role: 'Attendee', minutes: 108 });
    expect(r.rows[4]).toMatchObject({ email: null, minutes: 40 });
  });

  it('reads the older single table «Full Name, User Action, Timestamp»: who joined, once each', () => {
    const r = report('attendance-teams-legacy.csv');
    expect(r.shape).toBe('actions');
    expect(r.meetingTitle).toBe('Samling 1 – Oppstartseminar');
    expect(r.rows.map((x) => x.name)).toEqual(['Ingrid Haugen', 'Kari Nordmann', 'Ola Berg', 'Nils Hansen']);
    expect(r.rows.every((x) => x.minutes === null)).toBe(true);
  });

  it('reads a report Excel saved again (UTF-8 with BOM, semicolons, a quoted name with a comma)', () => {
    const r = report('attendance-excel-semicolon.csv');
    expect(r.rows.map((x) => x.name)).toEqual(['Kari Nordmann', 'Berg, Ola', 'Nils Hansen']);
  });

  it('reads UTF-16 without a BOM and plain comma-separated UTF-8', () => {
    const text = 'Name,First Join,Last Leave,In-Meeting Duration,Email,Role\r\nKari Nordmann,1/5/27 10:01 AM,1/5/27 12:02 PM,00:47:03,Kari.Nordmann@baerum.kommune.no,Attendee\r\n';
    for (const bytes of [Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf8')]) {
      const parsed = parseReport(decodeReport(bytes));
      expect(parsed.ok && parsed.report.rows).toEqual([{ line: 2, name: 'Kari Nordmann', email: 'kari.nordmann@baerum.kommune.no', participantId: null, role: 'Attendee', minutes: 47 }]);
    }
  });

  it('refuses what is no report, with a reason, and never throws', () => {
    expect(parseReport('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseReport('Handleliste\nmelk, brød')).toEqual({ ok: false, problem: 'not-a-report' });
    expect(parseReport('Name\tEmail\n')).toEqual({ ok: false, problem: 'no-rows' });
  });

  it('reads Teams’ durations', () => {
    expect([minutesOf('1h 27m 51s'), minutesOf('47m 3s'), minutesOf('5s'), minutesOf('2h'), minutesOf('01:30:00'), minutesOf('tull')]).toEqual([88, 47, 0, 120, 90, null]);
  });

  it('matches by Entra id, confirmed alias or a unique name, and leaves two of the same name to the facilitator', () => {
    const c = (memberId: string, displayName: string, role: Candidate['role'] = 'deltaker'): Candidate => ({
      memberId,
      aadObjectId: `00000000-0000-4000-8000-00000000000${memberId}`,
      displayName,
      role,
      municipalityNumber: '3201',
      sector: 'helse-og-omsorg',
    });
    const people = [c('1', 'Kari Nordmann'), c('2', 'Per Hansen'), c('3', 'Per  hansen'), c('4', 'Ingrid Haugen', 'fasilitator')];
    const row = (line: number, name: string, extra: object = {}) => ({ line, name, email: null, participantId: null, role: null, minutes: null, ...extra });
    const matches = matchRows(
      [
        row(1, 'Someone', { participantId: '00000000-0000-4000-8000-000000000001' }),
        row(2, 'per hansen'),
        row(3, 'K. Nordmann', { email: 'kari@baerum.kommune.no' }),
        row(4, 'Ingrid Haugen'),
        row(5, 'Nils Hansen'),
      ],
      people,
      new Map([['kari@baerum.kommune.no', '1']]),
    );
    expect(matches).toEqual([
      { status: 'matched', memberId: '1', by: 'entra' },
      { status: 'ambiguous', candidates: ['2', '3'] },
      { status: 'duplicate', memberId: '1', by: 'alias', sameAsLine: 1 },
      { status: 'facilitator', memberId: '4', by: 'name' },
      { status: 'unmatched' },
    ]);
  });
});

const HOUR = 3600_000;

describe.each(databaseKinds)('attendance over HTTP on %s', (kind) => {
  const clock = testClock();
  let t: TestApp;
  let lhl = '';
  let regionId = '';
  let samling1 = '';
  let samling2 = '';
  let mellomarbeid = '';
  const send = (method: string, path: string, body: unknown, who = ingrid) =>
    fetch(t.url + path, { method, headers: { 'content-type': 'application/json', ...as(who) }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({
      status: r.status,
      json: await r.json(),
    }));
  const file = (name: string) => fixture(name).toString('base64');

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, {}, { now: clock.now });
    const network = (await t.app.db.query<{ id: string; region_id: string }>(`SELECT id, region_id FROM network WHERE slug = 'usht-viken'`)).rows[0]!;
    lhl = network.id;
    regionId = network.region_id;
    const items = (await t.app.db.query<{ id: string; seed_key: string; starts_at: Date }>(`SELECT id, seed_key, starts_at FROM plan_item WHERE network_id = $1`, [lhl])).rows;
    const item = (key: string) => items.find((i) => i.seed_key === key)!;
    samling1 = item('samling-1').id;
    samling2 = item('samling-2').id;
    mellomarbeid = item('mellomarbeid-1').id;
    // The demo plan lies ahead: an hour into Samling 1, it has started and Samling 2 has not.
    clock.set(new Date(new Date(item('samling-1').starts_at).getTime() + HOUR));
  });
  afterAll(async () => t?.close());

  const importPath = (item: string) => `/api/networks/${lhl}/plan/${item}/attendance/import`;

  it.skipIf(skipKind(kind))('previews a Teams report: every match says how it was made; the unknown are left to resolve', async () => {
    const res = await send('POST', `${importPath(samling1)}/preview`, { file: file('attendance-teams-participants.csv') });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const p = res.json;
    expect(p.meeting).toEqual({ title: 'Samling 1 – Oppstartseminar', start: '1/5/27, 9:58:02 AM' });
    expect(p.rows.map((r: any) => [r.name, r.status, r.by])).toEqual([
      ['Ingrid Haugen', 'facilitator', 'name'],
      ['Kari Nordmann', 'matched', 'name'],
      ['Ola Berg', 'matched', 'name'],
      ['Nils Hansen', 'unmatched', null],
      ['Berit Aas (Gjest)', 'unmatched', null],
    ]);
    expect(p.rows[1].member).toMatchObject({ name: 'Kari Nordmann', municipalityName: 'Bærum', sectorLabel: 'Helse og omsorg' });
    expect(p.unresolved).toEqual([14, 15]);
    expect(p.willRecord).toEqual({ members: 2, guests: 0, leftOut: 1 });
  });

  it.skipIf(skipKind(kind))('refuses to import while a row is unresolved, naming the rows, and writes nothing', async () => {
    const res = await send('POST', importPath(samling1), { file: file('attendance-teams-participants.csv') });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'ugyldig-forespørsel', field: 'resolutions' });
    expect(res.json.error.message).toContain('Radene 14, 15 er ikke avklart');
    expect((await t.app.db.query(`SELECT 1 FROM attendance WHERE plan_item_id = $1`, [samling1])).rowCount).toBe(0);
  });

  it.skipIf(skipKind(kind))('imports with the unknown resolved by hand (a guest from Moss) or left out explicitly; twice is once', async () => {
    const body = {
      file: file('attendance-teams-participants.csv'),
      resolutions: [
        { line: 14, action: 'guest', name: 'Nils Hansen', municipalityNumber: '3103', sector: 'helse-og-omsorg' },
        { line: 15, action: 'skip' },
      ],
    };
    const preview = await send('POST', `${importPath(samling1)}/preview`, body);
    expect(preview.json.unresolved).toEqual([]);
    expect(preview.json.willRecord).toEqual({ members: 2, guests: 1, leftOut: 2 });
    const res = await send('POST', importPath(samling1), body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toEqual({ members: 2, guests: 1, leftOut: 2, remembered: 0 });
    expect((await send('POST', importPath(samling1), body)).status).toBe(201);
    const rows = (await t.app.db.query<{ name: string; municipality: string; sector: string; source: string; minutes: number }>(
      `SELECT coalesce(m.display_name, a.guest_name) AS name, a.municipality_number AS municipality, a.sector, a.source, a.minutes
         FROM attendance a LEFT JOIN member m ON m.id = a.member_id WHERE a.plan_item_id = $1 ORDER BY 1`,
      [samling1],
    )).rows;
    expect(rows).toEqual([
      { name: 'Kari Nordmann', municipality: '3201', sector: 'helse-og-omsorg', source: 'import', minutes: 108 },
      { name: 'Nils Hansen', municipality: '3103', sector: 'helse-og-omsorg', source: 'import', minutes: 117 },
      { name: 'Ola Berg', municipality: '3203', sector: 'plan', source: 'import', minutes: 86 },
    ]);
  });

  it.skipIf(skipKind(kind))('remembers a person resolved by hand, and matches them by address next time', async () => {
    const olaId = (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [ola.aadObjectId])).rows[0]!.id;
    const first = await send('POST', `${importPath(samling1)}/preview`, { file: file('attendance-excel-semicolon.csv') });
    expect(first.json.rows.map((r: any) => r.status)).toEqual(['matched', 'unmatched', 'unmatched']);
    const body = {
      file: file('attendance-excel-semicolon.csv'),
      resolutions: [
        { line: 3, action: 'member', memberId: olaId, remember: true },
        { line: 4, action: 'guest', name: 'Nils Hansen', municipalityNumber: '3103', sector: 'helse-og-omsorg' },
      ],
    };
    expect((await send('POST', importPath(samling1), body)).json.remembered).toBe(1);
    const again = await send('POST', `${importPath(samling1)}/preview`, { file: file('attendance-excel-semicolon.csv') });
    expect(again.json.rows[1]).toMatchObject({ name: 'Berg, Ola', status: 'matched', by: 'alias', member: { name: 'Ola Berg' } });
  });

  it.skipIf(skipKind(kind))('refuses a resolution to someone outside the network, a municipality outside it and a file that is no report, naming the field', async () => {
    const notHere = await send('POST', `${importPath(samling1)}/preview`, {
      file: file('attendance-teams-participants.csv'),
      resolutions: [{ line: 14, action: 'guest', name: 'Nils', municipalityNumber: '4601', sector: 'plan' }],
    });
    expect(notHere.status).toBe(400);
    expect(notHere.json.error).toMatchObject({ field: 'resolutions.0.municipalityNumber', message: 'Rad 14: kommunen er ikke med i nettverket.' });
    const junk = await send('POST', `${importPath(samling1)}/preview`, { file: Buffer.from('Handleliste\nmelk').toString('base64') });
    expect(junk.json.error).toMatchObject({ field: 'file' });
    expect(junk.json.error.message).toMatch(/oppmøterapport fra Teams/);
    const noFile = await send('POST', `${importPath(samling1)}/preview`, { file: 'ikke base64!' });
    expect(noFile.status).toBe(400);
    expect(noFile.json.error.message).toMatch(/^Importen|Oppmøterapport/);
  });

  it.skipIf(skipKind(kind))('refuses attendance before an activity has started, and for mellomarbeid', async () => {
    const early = await send('PUT', `/api/networks/${lhl}/plan/${samling2}/attendance`, { memberIds: [] });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toBe('Oppmøte kan registreres når aktiviteten har startet.');
    expect((await send('GET', `/api/networks/${lhl}/plan/${mellomarbeid}/attendance`, undefined)).status).toBe(409);
  });

  it.skipIf(skipKind(kind))('the check-list shows the deltakere ticked or not, and saving it unticks the rest', async () => {
    const list = await send('GET', `/api/networks/${lhl}/plan/${samling1}/attendance`, undefined);
    expect(list.status).toBe(200);
    expect(list.json.canEdit).toBe(true);
    expect(list.json.people.map((p: any) => [p.name, p.attended, p.source])).toEqual([
      ['Ola Berg', true, 'import'],
      ['Kari Nordmann', true, 'import'],
      ['Aisha Rahman', false, null],
    ]);
    expect(list.json.guests.map((g: any) => g.name)).toEqual(['Nils Hansen']);
    const [olaRow, kariRow, aisha] = list.json.people;
    const saved = await send('PUT', `/api/networks/${lhl}/plan/${samling1}/attendance`, { memberIds: [kariRow.memberId, aisha.memberId] });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.people.map((p: any) => [p.name, p.attended, p.source])).toEqual([
      ['Ola Berg', false, null],
      ['Kari Nordmann', true, 'checklist'],
      ['Aisha Rahman', true, 'checklist'],
    ]);
    // A facilitator is never ticked as attending.
    const ingridId = (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [ingrid.aadObjectId])).rows[0]!.id;
    const facilitator = await send('PUT', `/api/networks/${lhl}/plan/${samling1}/attendance`, { memberIds: [ingridId] });
    expect(facilitator.status).toBe(400);
    expect(facilitator.json.error.field).toBe('memberIds');
    const badId = await send('PUT', `/api/networks/${lhl}/plan/${samling1}/attendance`, { memberIds: ['nei'] });
    expect(badId.json.error.message).toMatch(/^Oppmøtelisten|Deltakere til stede/);
    expect(olaRow.memberId).toBeTruthy();
  });

  it.skipIf(skipKind(kind))('counts by sector per samling, over the programme and per municipality; the region overview and report show it', async () => {
    const s = await send('GET', `/api/networks/${lhl}/attendance`, undefined);
    expect(s.status).toBe(200);
    const item = s.json.items.find((i: any) => i.id === samling1);
    expect(item).toMatchObject({ started: true, total: 3, municipalities: 3 });
    expect(item.bySector).toEqual([
      { sector: 'helse-og-omsorg', attendees: 2 },
      { sector: 'kultur', attendees: 1 },
    ]);
    expect(s.json.programme).toEqual({ bySector: item.bySector, total: 3, healthShare: 67, itemsWithAttendance: 1 });
    expect(s.json.municipalities.find((m: any) => m.number === '3103')).toMatchObject({ name: 'Moss', items: 1, attendees: 1 });
    expect(s.json.items.some((i: any) => i.kind === 'mellomarbeid')).toBe(false);

    const overview = await send('GET', `/api/regions/${regionId}/overview`, undefined, per);
    expect(overview.status).toBe(200);
    expect(overview.json.attendanceAvailable).toBe(true);
    const session = overview.json.sessions.find((x: any) => x.planItemId === samling1);
    expect(session).toMatchObject({ total: 3, networkName: 'USHT Viken – læringsnettverk Leve hele livet' });
    expect(overview.json.rows.find((r: any) => r.networkId === lhl && r.municipalityNumber === '3201').attendance[0]).toMatchObject({ total: 1, bySector: [{ sector: 'helse-og-omsorg', attendees: 1 }] });
  });

  it.skipIf(skipKind(kind))('removes a guest', async () => {
    const list = await send('GET', `/api/networks/${lhl}/plan/${samling1}/attendance`, undefined);
    const guest = list.json.guests[0];
    const res = await send('DELETE', `/api/networks/${lhl}/plan/${samling1}/attendance/guests/${guest.id}`, undefined);
    expect(res.status).toBe(200);
    expect(res.json.guests).toEqual([]);
    expect((await send('DELETE', `/api/networks/${lhl}/plan/${samling1}/attendance/guests/${guest.id}`, undefined)).status).toBe(404);
  });

  it.skipIf(skipKind(kind))('a meeting’s end can record its participants by Entra id (source «meeting»), counting the unknown', async () => {
    const result = await recordMeetingAttendance(t.app.db, {
      networkId: lhl,
      planItemId: samling1,
      participants: [{ aadObjectId: ola.aadObjectId, minutes: 80 }, { aadObjectId: ingrid.aadObjectId }, { aadObjectId: '00000000-0000-4000-8000-0000000000aa' }],
      now: clock.now(),
    });
    expect(result).toEqual({ ok: true, value: { members: 1, unknown: 1 } });
    const row = (await t.app.db.query<{ source: string; minutes: number }>(
      `SELECT a.source, a.minutes FROM attendance a JOIN member m ON m.id = a.member_id WHERE a.plan_item_id = $1 AND m.aad_object_id = $2`,
      [samling1, ola.aadObjectId],
    )).rows;
    expect(row).toEqual([{ source: 'meeting', minutes: 80 }]);
  });

  it.skipIf(skipKind(kind))('the demo gets attendance for its ended samlinger, mostly health and care, once, leaving recorded ones alone', async () => {
    const later = new Date(clock.now().getTime() + 60 * 24 * HOUR);
    const before = (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attendance WHERE plan_item_id = $1`, [samling1])).rows[0]!.n;
    await t.app.db.transaction((tx) => seedDemoAttendance(tx, later));
    const counts = async () =>
      (await t.app.db.query<{ sector: string; n: number }>(
        `SELECT a.sector, count(*)::int AS n FROM attendance a JOIN network n ON n.id = a.network_id WHERE n.slug IN ('usht-viken', 'viken-bo-trygt-hjemme') AND a.plan_item_id <> $1 GROUP BY a.sector`,
        [samling1],
      )).rows;
    const first = await counts();
    const total = first.reduce((n, r) => n + r.n, 0);
    const health = first.find((r) => r.sector === 'helse-og-omsorg')?.n ?? 0;
    expect(health / total).toBeGreaterThan(0.5);
    await t.app.db.transaction((tx) => seedDemoAttendance(tx, later));
    expect(await counts()).toEqual(first);
    expect((await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attendance WHERE plan_item_id = $1`, [samling1])).rows[0]!.n).toBe(before);
    const vestland = (await t.app.db.query(`SELECT 1 FROM attendance a JOIN network n ON n.id = a.network_id WHERE n.slug = 'vestland-leve-hele-livet'`)).rowCount;
    expect(vestland).toBe(0);
  });

  it.skipIf(skipKind(kind))('a person’s export lists their attendance; retention purges a network’s attendance and aliases', async () => {
    const olaId = (await t.app.db.query<{ id: string }>(`SELECT id FROM member WHERE aad_object_id = $1`, [ola.aadObjectId])).rows[0]!.id;
    const exported = (await exportAttendance(t.app.db, olaId)) as { oppmøte: { aktivitet: string; kilde: string; kommune: string }[] };
    expect(exported.oppmøte.find((a) => a.aktivitet === 'Samling 1 – Oppstartseminar')).toMatchObject({ kilde: 'meeting', kommune: '3203' });
    await purgeNetworkAttendance(t.app.db, [lhl]);
    expect((await t.app.db.query(`SELECT 1 FROM attendance WHERE network_id = $1`, [lhl])).rowCount).toBe(0);
    expect((await t.app.db.query(`SELECT 1 FROM attendance_alias WHERE network_id = $1`, [lhl])).rowCount).toBe(0);
  });
});
