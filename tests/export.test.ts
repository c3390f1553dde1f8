/**
 * The reporting export (issue 13), opened with exceljs and read cell by cell: sheet names,
 * headings and rows for a known small network (Vestland), the before/after shift of the demo's
 * named poll pair, an anonymous poll under five answers that stays a bare count, and a region
 * workbook that names nobody.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, per } from './helpers/people.js';
import { demoMembers } from '../src/demo/demo.js';
import { otherDemoPeople } from '../src/demo/more-networks.js';
import { closeSeedPoll, insertSeedPoll, openSeedPollForVoting } from '../src/demo/sql/seed.js';
import { upsertVote } from '../src/polls/sql/votes.js';

const torbjorn = otherDemoPeople.find((p) => p.displayName === 'Torbjørn Vik')!;
const SHEETS_NB = ['Plan', 'Oppmøte', 'Mellomarbeid', 'Fokusområder og fase', 'Målinger', 'Refleksjon'];
const oslo = (d: Date, f: string) => DateTime.fromJSDate(d, { zone: 'Europe/Oslo' }).toFormat(f);

type Row = (string | number | null)[];
/** Every row of a sheet as plain values (empty cells null), trailing empties dropped. */
function rowsOf(ws: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    // row.values is sparse (index 0 unused, holes for empty cells): Array.from visits the holes too.
    const values = Array.from((row.values as unknown[]).slice(1), (v) => (v === undefined ? null : (v as string | number | null)));
    while (values.length && values[values.length - 1] === null) values.pop();
    rows.push(values);
  });
  return rows;
}

async function download(t: TestApp, path: string, headers: Record<string, string>) {
  const res = await fetch(t.url + path, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const book = new ExcelJS.Workbook();
  if (res.status === 200) await book.xlsx.load(body as unknown as ArrayBuffer);
  return { res, book, text: res.status === 200 ? '' : body.toString('utf8') };
}

describe.each(databaseKinds)('reporting export on %s', (kind) => {
  let t: TestApp;
  let lhl = '';
  let vestland = '';
  let regionId = '';
  let vestlandSlug = '';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const rows = (await t.app.db.query<{ id: string; slug: string; region_id: string }>(`SELECT id, slug, region_id FROM network`)).rows;
    lhl = rows.find((r) => r.slug === 'usht-viken')!.id;
    regionId = rows.find((r) => r.slug === 'usht-viken')!.region_id;
    const vl = rows.find((r) => r.slug === 'vestland-leve-hele-livet')!;
    vestland = vl.id;
    vestlandSlug = vl.slug;
    // An anonymous poll in Vestland with three answers: under five, so only the count may show.
    const opensAt = new Date(Date.now() - 2 * 24 * 3600_000);
    await t.app.db.transaction(async (tx) => {
      const pollId = (await insertSeedPoll(
        tx,
        { kind: 'enkeltvalg', question: 'Er dere i gang?', options: ['Ja', 'Nei'], maxChoices: null, scale: null, anonymous: true, breakdown: 'municipality' },
        { networkId: vestland, seedKey: 'test-anonym', repeatOf: null, opensAt, closedAt: new Date(opensAt.getTime() + 1800_000) },
      ))!;
      await openSeedPollForVoting(tx, pollId);
      const liv = (await tx.query<{ id: string }>(`SELECT id FROM member WHERE display_name = 'Liv Solheim'`)).rows[0]!.id;
      for (const choice of [0, 0, 1]) {
        await upsertVote(tx, { pollId, voterKey: randomBytes(16).toString('hex'), memberId: liv, municipalityNumber: '4621', answer: { kind: 'valg', choices: [choice] }, now: new Date(opensAt.getTime() + 60_000) });
      }
      await closeSeedPoll(tx, pollId);
    });
  });
  afterAll(async () => t?.close());

  it.skipIf(skipKind(kind))('a network workbook, cell by cell (Vestland, as its koordinator)', async () => {
    const { res, book } = await download(t, `/api/networks/${vestland}/export.xlsx`, as(torbjorn));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="rapport-${vestlandSlug}.xlsx"; filename*=UTF-8''rapport-${vestlandSlug}.xlsx`);
    expect(book.worksheets.map((w) => w.name)).toEqual(SHEETS_NB);

    const items = (await t.app.db.query<{ title: string; starts_at: Date; ends_at: Date; kind: string }>(
      `SELECT title, starts_at, ends_at, kind FROM plan_item WHERE network_id = $1 ORDER BY starts_at`, [vestland],
    )).rows;
    const name = 'Vestland – læringsnettverk Leve hele livet';
    expect(rowsOf(book.getWorksheet('Plan')!)).toEqual([
      ['Nettverk', 'Dato', 'Start (norsk tid)', 'Slutt (norsk tid)', 'Type', 'Tittel', 'Format', 'Ansvarlig'],
      [name, oslo(items[0]!.starts_at, 'yyyy-MM-dd'), oslo(items[0]!.starts_at, 'yyyy-MM-dd HH:mm'), oslo(items[0]!.ends_at, 'yyyy-MM-dd HH:mm'), 'Samling', 'Samling 1 – Oppstart i Vestland', 'Fysisk', 'Statsforvalteren'],
      [name, oslo(items[1]!.starts_at, 'yyyy-MM-dd'), oslo(items[1]!.starts_at, 'yyyy-MM-dd HH:mm'), oslo(items[1]!.ends_at, 'yyyy-MM-dd HH:mm'), 'Dialogmøte', 'Dialogmøte med kommunene', 'Digitalt i Teams', 'USHT'],
    ]);
    expect(rowsOf(book.getWorksheet('Fokusområder og fase')!)).toEqual([
      ['Nettverk', 'Kommune', 'Fylke', 'Fase', 'Fokusområder'],
      [name, 'Askøy', 'Vestland', 'Ikke satt', ''],
      [name, 'Bergen', 'Vestland', 'Ikke satt', ''],
      [name, 'Sogndal', 'Vestland', 'Ikke satt', ''],
      [name, 'Voss', 'Vestland', 'Ikke satt', ''],
    ]);
    expect(rowsOf(book.getWorksheet('Mellomarbeid')!)).toEqual([['Nettverk', 'Oppgave', 'Frist (norsk tid)', 'Kommune', 'Status', 'Levert (norsk tid)', 'For sent']]);
    expect(rowsOf(book.getWorksheet('Refleksjon')!)).toEqual([['Nettverk', 'Oppgave', 'Frist (norsk tid)', 'Svarform', 'Synlighet', 'Kommune', 'Svar (antall)']]);
    const polls = rowsOf(book.getWorksheet('Målinger')!);
    expect(polls[0]).toEqual(['Nettverk', 'Spørsmål', 'Åpnet (norsk tid)', 'Anonym', 'Svar (antall)', 'Svaralternativ', 'Andel (%)', 'Sammenlignet med (åpnet)', 'Andel før (%)', 'Endring (prosentpoeng)']);
    // Anonymous, three answers: the count and the rule, no shares, no municipality.
    expect(polls.slice(1)).toEqual([[name, 'Er dere i gang?', expect.any(String), 'Ja', 3, 'Færre enn 5 svar: resultatet vises ikke.', null, '']]);
    expect(JSON.stringify(polls)).not.toContain('Voss');
    const attendance = rowsOf(book.getWorksheet('Oppmøte')!);
    expect(attendance[0]).toEqual(['Nettverk', 'Samling', 'Dato', 'Kommune', 'Sektor', 'Deltakere']);
  });

  it.skipIf(skipKind(kind))('the before/after pair, with shares and the shift in percentage points', async () => {
    const { res, book } = await download(t, `/api/networks/${lhl}/export.xlsx`, as(ingrid));
    expect(res.status).toBe(200);
    const rows = rowsOf(book.getWorksheet('Målinger')!).slice(1);
    const q = 'Hvordan vil Leve hele livet bidra til forandring i din kommune?';
    const [before, after] = (await t.app.db.query<{ opens_at: Date }>(`SELECT opens_at FROM poll WHERE network_id = $1 ORDER BY opens_at`, [lhl])).rows.map((r) => oslo(r.opens_at, 'yyyy-MM-dd HH:mm'));
    const n = 'USHT Viken – læringsnettverk Leve hele livet';
    // Before: Kari «I liten grad», Ola and Ingrid «I noen grad», Aisha «Vet ikke ennå». After: two and two.
    expect(rows).toEqual([
      [n, q, before, 'Nei', 4, 'I stor grad', 0, ''],
      [n, q, before, 'Nei', 4, 'I noen grad', 50, ''],
      [n, q, before, 'Nei', 4, 'I liten grad', 25, ''],
      [n, q, before, 'Nei', 4, 'Vet ikke ennå', 25, ''],
      [n, q, after, 'Nei', 4, 'I stor grad', 50, before, 0, 50],
      [n, q, after, 'Nei', 4, 'I noen grad', 50, before, 50, 0],
      [n, q, after, 'Nei', 4, 'I liten grad', 0, before, 25, -25],
      [n, q, after, 'Nei', 4, 'Vet ikke ennå', 0, before, 25, -25],
    ]);
    // Mellomarbeid: one row per municipality, not started, not late.
    const work = rowsOf(book.getWorksheet('Mellomarbeid')!).slice(1);
    expect(work).toHaveLength(6);
    expect(work.every((r) => r[4] === 'Ikke startet' && r[6] === 'Nei')).toBe(true);
    // Reflection: the personal task per municipality, the group task per municipality.
    const refl = rowsOf(book.getWorksheet('Refleksjon')!).slice(1);
    expect(refl).toHaveLength(12);
    expect(refl[0]!.slice(3, 5)).toEqual(['Hver deltaker svarer', 'Delt med nettverket']);
  });

  it.skipIf(skipKind(kind))('a region workbook covers both Viken networks and names no person', async () => {
    const { res, book } = await download(t, `/api/regions/${regionId}/export.xlsx?from=2000-01-01`, as(per));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename="rapport-oslo-og-viken-2000-01-01.xlsx"');
    expect(book.worksheets.map((w) => w.name)).toEqual(SHEETS_NB);
    const networks = new Set(rowsOf(book.getWorksheet('Fokusområder og fase')!).slice(1).map((r) => r[0]));
    expect([...networks].sort()).toEqual(['USHT Viken – læringsnettverk Leve hele livet', 'Viken – læringsnettverk Bo trygt hjemme']);
    const everything = JSON.stringify(book.worksheets.map(rowsOf));
    for (const person of [...demoMembers, ...otherDemoPeople]) expect(everything).not.toContain(person.displayName);
    expect(everything).not.toContain('Vestland');
  });

  it.skipIf(skipKind(kind))('a period narrows the plan; a bad period is refused naming the field', async () => {
    const first = (await t.app.db.query<{ starts_at: Date }>(`SELECT starts_at FROM plan_item WHERE network_id = $1 ORDER BY starts_at LIMIT 1`, [vestland])).rows[0]!.starts_at;
    const day = oslo(first, 'yyyy-MM-dd');
    const { book } = await download(t, `/api/networks/${vestland}/export.xlsx?from=${day}&to=${day}`, as(torbjorn));
    expect(rowsOf(book.getWorksheet('Plan')!).slice(1).map((r) => r[5])).toEqual(['Samling 1 – Oppstart i Vestland']);
    const bad = await download(t, `/api/networks/${vestland}/export.xlsx?from=2026-13-01`, as(torbjorn));
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ field: 'from', message: 'Fra-dato må være en dato (åååå-mm-dd).' });
    const order = await download(t, `/api/networks/${vestland}/export.xlsx?from=2026-02-01&to=2026-01-01`, as(torbjorn));
    expect(JSON.parse(order.text).error).toMatchObject({ field: 'to', message: 'Til-datoen kan ikke være før fra-datoen.' });
  });

  it.skipIf(skipKind(kind))('sheet names and headings follow the caller’s language', async () => {
    const en = await download(t, `/api/networks/${vestland}/export.xlsx`, { ...as(torbjorn), 'x-samlingspunkt-locale': 'en' });
    expect(en.book.worksheets.map((w) => w.name)).toEqual(['Plan', 'Attendance', 'Mellomarbeid', 'Focus areas and phase', 'Polls', 'Reflection']);
    expect(rowsOf(en.book.getWorksheet('Plan')!)[0]![0]).toBe('Network');
    expect(en.res.headers.get('content-disposition')).toContain('filename="report-');
    const nn = await download(t, `/api/networks/${vestland}/export.xlsx`, { ...as(torbjorn), 'x-samlingspunkt-locale': 'nn' });
    expect(nn.book.worksheets.map((w) => w.name)).toEqual(['Plan', 'Oppmøte', 'Mellomarbeid', 'Fokusområde og fase', 'Målingar', 'Refleksjon']);
  });
});
