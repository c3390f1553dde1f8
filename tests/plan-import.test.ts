import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, per, stranger } from './helpers/people.js';
import { demoNetworkId } from './helpers/recipients.js';

// Monday 3 March 2031. The template is started on Tuesday 18 March: its items run to 16 April,
// across the change to summer time on Sunday 30 March.
const NOW = new Date('2031-03-03T09:00:00Z');
const OSLO = 'Europe/Oslo';

const TABLE = [
  'Dato\tTid\tHva\tFormat\tAnsvar',
  '6.5.2031\t10.00–12.00\tWebinar om mat og måltider\tTeams\tKS',
  '7. mai 2031\tkl. 9–10.30\tDialogmøte med kommunene\tfysisk\tStatsforvalteren',
  'tirsdag 13. mai 2031\t12:00-15:00\tSamling 4 – Erfaringsdeling\thybrid\tUSHT',
].join('\r\n');

const osloWall = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).toFormat('yyyy-MM-dd HH:mm');

describe.each(databaseKinds)('starting a plan from a template or a pasted table on %s', (kind) => {
  let t: TestApp;
  let networkId = '';
  const base = () => `/api/networks/${networkId}/plan`;

  const planCount = async () => (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_item WHERE network_id = $1`, [networkId])).rows[0]!.n;
  const reminderCount = async () => (await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminder WHERE network_id = $1`, [networkId])).rows[0]!.n;
  const remindersOf = async (itemId: string) =>
    (
      await t.app.db.query<{ rule_key: string; due_at: Date; status: string }>(
        `SELECT rule_key, due_at, status FROM reminder WHERE kind = 'plan-item' AND subject_id = $1 ORDER BY rule_key`,
        [itemId],
      )
    ).rows.map((r) => [r.rule_key, new Date(r.due_at).toISOString(), r.status]);

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind, {}, { now: () => NOW });
    networkId = await demoNetworkId(t.app.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(skipKind(kind))('lists the seed-000 template for a facilitator', async () => {
    const res = await t.get(`${base()}/templates`, as(ingrid));
    expect(res.status).toBe(200);
    expect(res.json.templates).toEqual([
      {
        id: 'usht-viken-2020',
        name: 'USHT Viken: Leve hele livet, høsten 2020',
        description: expect.stringContaining('Tre samlinger'),
        itemCount: 6,
        firstDate: '2020-08-18',
      },
    ]);
    const english = await t.get(`${base()}/templates`, { ...as(ingrid), 'x-samlingspunkt-locale': 'en' });
    expect(english.json.templates[0].name).toBe('USHT Viken: A full life, autumn 2020');
  });

  it.skipIf(skipKind(kind))('imports the template on a chosen Tuesday: same weekdays and Oslo times across the DST change, with reminders and an audit entry', async () => {
    const body = { source: 'template', templateId: 'usht-viken-2020', startDate: '2031-03-18' };
    const preview = await t.post(`${base()}/import/preview`, body, as(ingrid));
    expect(preview.status).toBe(200);
    expect(preview.json.errors).toEqual([]);
    expect(preview.json.items.map((i: any) => [i.date, i.start, i.end, i.kind])).toEqual([
      ['2031-03-18', '10:00', '12:00', 'samling'],
      // Veiledning «per kommune»: 1.5 h for each of the network's six municipalities, back to back.
      ['2031-03-19', '09:00', '18:00', 'veiledning'],
      ['2031-03-21', '09:00', '18:00', 'veiledning'],
      ['2031-03-28', '09:00', '15:00', 'samling'],
      ['2031-04-02', '09:00', '10:30', 'mellomarbeid'],
      ['2031-04-16', '10:00', '14:00', 'samling'],
    ]);
    // Winter time (+01:00) before 30 March, summer time (+02:00) after.
    expect(preview.json.items[0].startsAt).toBe('2031-03-18T09:00:00.000Z');
    expect(preview.json.items[5].startsAt).toBe('2031-04-16T08:00:00.000Z');
    const before = await planCount();

    const res = await t.post(`${base()}/import`, body, as(ingrid));
    expect(res.status).toBe(201);
    expect(res.json.created).toHaveLength(6);
    expect(await planCount()).toBe(before + 6);
    expect(res.json.created.map((i: any) => [i.startsAt, i.endsAt])).toEqual(preview.json.items.map((i: any) => [i.startsAt, i.endsAt]));
    const plan = await t.get(base(), as(ingrid));
    const samling3 = plan.json.items.find((i: any) => i.id === res.json.created[5].id);
    expect(osloWall(samling3.startsAt)).toBe('2031-04-16 10:00');
    expect(samling3.title).toBe('Samling 3 – Digitale verktøy og prosessledelse');
    // The day before at 09:00 and an hour before, in summer time for the last samling.
    expect(await remindersOf(res.json.created[5].id)).toEqual([
      ['d1@09:00', '2031-04-15T07:00:00.000Z', 'planlagt'],
      ['m60', '2031-04-16T07:00:00.000Z', 'planlagt'],
    ]);
    expect(await remindersOf(res.json.created[0].id)).toEqual([
      ['d1@09:00', '2031-03-17T08:00:00.000Z', 'planlagt'],
      ['m60', '2031-03-18T08:00:00.000Z', 'planlagt'],
    ]);
    const audit = await t.app.db.query<{ target: string; details: any; actor_name: string }>(
      `SELECT target, details, actor_name FROM audit_log WHERE action = 'plan.importert' AND network_id = $1`,
      [networkId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ target: 'usht-viken-2020', actor_name: 'Ingrid Haugen' });
    expect(audit.rows[0]!.details).toMatchObject({ source: 'template', startDate: '2031-03-18', count: 6 });
    expect(audit.rows[0]!.details.planItemIds).toEqual(res.json.created.map((i: any) => i.id));
  });

  it.skipIf(skipKind(kind))('takes only the template items chosen in the preview, and gives a veiledning «per kommune» one slot per municipality', async () => {
    const body = { source: 'template', templateId: 'usht-viken-2020', startDate: '2031-09-02' };
    const preview = await t.post(`${base()}/import/preview`, body, as(ingrid));
    const veiledning = preview.json.items[1];
    const names = (await t.app.db.query<{ name: string }>(
      `SELECT m.name FROM network_municipality nm JOIN municipality m ON m.number = nm.municipality_number WHERE nm.network_id = $1`,
      [networkId],
    )).rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'nb'));
    expect(veiledning.slots.map((s: any) => [s.municipalityName, osloWall(s.startsAt).slice(11), osloWall(s.endsAt).slice(11)])).toEqual(
      names.map((name, i) => [name, DateTime.fromObject({ hour: 9 }).plus({ minutes: 90 * i }).toFormat('HH:mm'), DateTime.fromObject({ hour: 9 }).plus({ minutes: 90 * (i + 1) }).toFormat('HH:mm')]),
    );
    expect(preview.json.items[0].slots).toEqual([]);

    const before = await planCount();
    // Samling 1, the first veiledning and samling 3: a three-item plan.
    const res = await t.post(`${base()}/import`, { ...body, items: [0, 1, 5] }, as(ingrid));
    expect(res.status).toBe(201);
    expect(res.json.created.map((i: any) => [i.title, osloWall(i.startsAt)])).toEqual([
      ['Samling 1 – Oppstartseminar', '2031-09-02 10:00'],
      ['Sentervis veiledning, økt 1', '2031-09-03 09:00'],
      ['Samling 3 – Digitale verktøy og prosessledelse', '2031-10-01 10:00'],
    ]);
    expect(await planCount()).toBe(before + 3);
    const slots = await t.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_item_slot WHERE plan_item_id = $1`, [res.json.created[1].id]);
    expect(slots.rows[0]!.n).toBe(names.length);
    const plan = await t.get(base(), as(ingrid));
    expect(plan.json.items.find((i: any) => i.id === res.json.created[1].id).slots).toHaveLength(names.length);

    // An item the template does not have, or an empty choice: refused, naming the field, nothing saved.
    for (const items of [[0, 6], []]) {
      const bad = await t.post(`${base()}/import`, { ...body, items }, as(ingrid));
      expect(bad.status).toBe(400);
      expect(bad.json.error.field).toMatch(/^items/);
      expect(bad.json.error.message).toMatch(/aktivitet/i);
    }
    expect(await planCount()).toBe(before + 3);
  });

  it.skipIf(skipKind(kind))('warns about public holidays, the Christmas week and weekends the items land on', async () => {
    const res = await t.post(`${base()}/import/preview`, { source: 'template', templateId: 'usht-viken-2020', startDate: '2031-12-16' }, as(ingrid));
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: any) => i.date)).toEqual(['2031-12-16', '2031-12-17', '2031-12-19', '2031-12-26', '2031-12-31', '2032-01-14']);
    expect(res.json.warnings.map((w: any) => [w.item, w.kind])).toEqual([
      [3, 'helligdag'],
      [4, 'romjul'],
    ]);
    expect(res.json.warnings[0].message).toBe(
      'Samling 2 – Metoder og verktøy er fredag 26. desember 2031, som er 2. juledag: ingen påminnelser sendes den dagen.',
    );
    // Started on a Saturday, the gaps are kept and the weekend is named.
    const saturday = await t.post(`${base()}/import/preview`, { source: 'template', templateId: 'usht-viken-2020', startDate: '2031-06-07' }, as(ingrid));
    expect(saturday.json.warnings.filter((w: any) => w.kind === 'helg').map((w: any) => w.item)).toEqual([0, 1, 4, 5]);
  });

  it.skipIf(skipKind(kind))('imports a pasted table exactly as previewed', async () => {
    const preview = await t.post(`${base()}/import/preview`, { source: 'table', text: TABLE }, as(ingrid));
    expect(preview.status).toBe(200);
    expect(preview.json.timeZone).toBe(OSLO);
    expect(preview.json.errors).toEqual([]);
    expect(preview.json.warnings).toEqual([]);
    expect(preview.json.items.map((i: any) => [i.row, i.date, i.start, i.end, i.kind, i.format, i.responsibleBody])).toEqual([
      [2, '2031-05-06', '10:00', '12:00', 'webinar', 'digital', 'KS'],
      [3, '2031-05-07', '09:00', '10:30', 'dialogmote', 'fysisk', 'SF'],
      [4, '2031-05-13', '12:00', '15:00', 'samling', 'hybrid', 'USHT'],
    ]);
    const res = await t.post(`${base()}/import`, { source: 'table', text: TABLE }, as(ingrid));
    expect(res.status).toBe(201);
    const fields = (i: any) => [i.kind, i.title, i.agenda, i.startsAt, i.endsAt, i.format, i.responsibleBody];
    expect(res.json.created.map(fields)).toEqual(preview.json.items.map(fields));
    for (const item of res.json.created) expect(await remindersOf(item.id)).toHaveLength(2);
  });

  it.skipIf(skipKind(kind))('creates nothing when one row cannot be read, and says which row and column in the preview', async () => {
    const bad = `${TABLE}\r\n2. eller 3. juni 2031\t10-12\tSamling 5\tdigital\tKS\r\n4.6.2031\t10-12\tSamling 6\tbrevdue\tKS`;
    const [items, reminders] = [await planCount(), await reminderCount()];
    const preview = await t.post(`${base()}/import/preview`, { source: 'table', text: bad }, as(ingrid));
    expect(preview.status).toBe(200);
    expect(preview.json.items).toHaveLength(3);
    expect(preview.json.errors).toEqual([
      { row: 5, column: 'date', columnLabel: 'Dato', message: '«2. eller 3. juni 2031» gir to mulige datoer. Velg én dato per rad.' },
      { row: 6, column: 'format', columnLabel: 'Format', message: '«brevdue» er ikke et format vi kjenner. Skriv digital, fysisk, hybrid eller telefon.' },
    ]);
    const res = await t.post(`${base()}/import`, { source: 'table', text: bad }, as(ingrid));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'ugyldig-forespørsel', field: 'text' });
    expect(res.json.error.message).toBe('2 rader kan ikke leses. Rett dem, så importerer vi planen: ingenting er lagret.');
    expect([await planCount(), await reminderCount()]).toEqual([items, reminders]);
    // A title the editor would refuse is refused here too, on its row.
    const long = await t.post(`${base()}/import/preview`, { source: 'table', text: `1.6.2031\t10-12\t${'x'.repeat(201)}` }, as(ingrid));
    expect(long.json.errors).toEqual([expect.objectContaining({ row: 1, column: 'what', columnLabel: 'Hva', message: 'Tittel: kan være maks 200 tegn.' })]);
  });

  it.skipIf(skipKind(kind))('warns about dates in the past and samlinger on top of ones already in the plan', async () => {
    const plan = await t.get(base(), as(ingrid));
    const samling = plan.json.items.find((i: any) => i.kind === 'samling');
    const day = DateTime.fromISO(samling.startsAt, { zone: OSLO });
    const text = `${day.toFormat('dd.MM.yyyy')}\t${day.toFormat('HH.mm')}–${day.plus({ hours: 1 }).toFormat('HH.mm')}\tSamling om det samme\tdigital\n3.2.2031\t10-12\tWebinar i fjor\tdigital`;
    const res = await t.post(`${base()}/import/preview`, { source: 'table', text }, as(ingrid));
    expect(res.json.warnings.map((w: any) => [w.item, w.row, w.kind])).toEqual([
      [0, 1, 'overlapp'],
      [1, 2, 'passert'],
    ]);
    expect(res.json.warnings[0].message).toContain(`«${samling.title}»`);
  });

  it.skipIf(skipKind(kind))('refuses an unknown template, an empty table and a body without its fields, naming the field', async () => {
    const unknown = await t.post(`${base()}/import`, { source: 'template', templateId: 'finnes-ikke', startDate: '2031-03-18' }, as(ingrid));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ field: 'templateId', message: 'Malen finnes ikke. Velg en av malene i listen.' });
    const empty = await t.post(`${base()}/import`, { source: 'table', text: '\n\n' }, as(ingrid));
    expect(empty.status).toBe(400);
    expect(empty.json.error.field).toBe('text');
    const missing = await t.post(`${base()}/import/preview`, { source: 'template', templateId: 'usht-viken-2020' }, as(ingrid));
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ field: 'startDate' });
    expect(missing.json.error.message).toContain('Startdato');
  });

  describe('who may', () => {
    const roles: [string, { aadObjectId: string }, number][] = [
      ['koordinator', per, 403],
      ['deltaker', kari, 403],
      ['ikke medlem', stranger, 403],
      ['fasilitator', ingrid, 0],
    ];
    it.skipIf(skipKind(kind)).each(roles)('use the import routes: %s', async (_role, who, refused) => {
      const table = { source: 'table', text: '1.9.2031\t10-12\tWebinar om rollene\tdigital' };
      const before = await planCount();
      const statuses = [
        (await t.get(`${base()}/templates`, as(who))).status,
        (await t.post(`${base()}/import/preview`, table, as(who))).status,
        (await t.post(`${base()}/import`, table, as(who))).status,
      ];
      expect(statuses).toEqual(refused ? [refused, refused, refused] : [200, 200, 201]);
      expect(await planCount()).toBe(before + (refused ? 0 : 1));
    });
  });
});
