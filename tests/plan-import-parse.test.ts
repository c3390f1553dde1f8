import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importColumns } from '../src/plan/import/domain/items.js';
import { guessBody, guessFormat, guessKind, parsePlanTable } from '../src/plan/import/domain/parse-table.js';
import { shiftTemplate } from '../src/plan/import/domain/shift.js';
import { SEED_000_TEMPLATE_ID, findTemplate } from '../src/plan/import/templates.js';

const TODAY = '2020-06-15';
const parse = (text: string, today = TODAY) => parsePlanTable(text, { today });

/**
 * Seed 000's «Aktivitetsplan USHT – Viken» as a facilitator copies it out of the Word version of
 * the slide: a header «Dato/kl. · Hva · Format», date and time in one cell, tabs between cells.
 * The row «2. Eller 3. sept» has not decided its date, so it must come back as a row error.
 */
const SEED_000_FROM_WORD = [
  'Dato/kl.\tHva\tFormat',
  '18.Aug Kl. 10-12\tSamling 1- Oppstartseminar Info om prosessen. Kompetansegrunnlag og veilederen\tDigital i Teams',
  '19. Og 21. aug kl. 9-10.30\t1.-2 økter med sentervis veiledning à 1,5 t\tTlf/Skype/Teams',
  '28. Aug Kl. 09-15\tSamling 2- Metoder og verktøy\tDigital i Teams',
  '2. Eller 3. sept kl. 9-10.30\tMellomarbeid 1-2 økter med sentervis veiledning à 1,5 t\tTlf/Skype/Teams',
  '16.Sept Kl. 10-14\tSamling 3-Digitale verktøy og prosessledelse\tFysisk/digitalt?',
].join('\r\n');

/** The same plan kept in Excel, five columns, one agenda in a cell with a line break (Excel quotes it). */
const FROM_EXCEL = [
  'Dato\tTid\tHva\tFormat\tAnsvar',
  '18.08.2020\t10:00-12:00\t"Samling 1 – Oppstartseminar',
  'Info om prosessen. Kompetansegrunnlag og veilederen."\tTeams\tUSHT',
  '19.08.2020\t09:00-10:30\tSentervis veiledning, økt 1\tTelefon\tUSHT',
  '28.08.2020\t09:00-15:00\tSamling 2 – Metoder og verktøy\tdigital\tUSHT',
  '02.09.2020\t09:00-10:30\tMellomarbeid med sentervis veiledning\ttlf\tUSHT',
  '16.09.2020\t10:00-14:00\tSamling 3 – Digitale verktøy og prosessledelse\thybrid\tKS',
  '',
].join('\r\n');

describe('a pasted plan table', () => {
  it('reads seed 000 as pasted from Word: the days, the times in the date cell, kind and format guessed, the undecided row refused', () => {
    const table = parse(SEED_000_FROM_WORD);
    expect(table.headerRow).toBe(1);
    expect(table.rows).toEqual([2, 3, 4, 5, 6]);
    expect(table.items.map((i) => [i.row, i.date, i.start, i.end, i.kind, i.format])).toEqual([
      [2, '2020-08-18', '10:00', '12:00', 'samling', 'digital'],
      [3, '2020-08-19', '09:00', '10:30', 'veiledning', 'telefon'],
      [3, '2020-08-21', '09:00', '10:30', 'veiledning', 'telefon'],
      [4, '2020-08-28', '09:00', '15:00', 'samling', 'digital'],
      [6, '2020-09-16', '10:00', '14:00', 'samling', 'hybrid'],
    ]);
    expect(table.items[0]!.title).toBe('Samling 1- Oppstartseminar Info om prosessen. Kompetansegrunnlag og veilederen');
    expect(table.problems).toEqual([{ row: 5, column: 'date', code: 'date.ambiguous', value: '2. Eller 3. sept kl. 9-10.30' }]);
  });

  it('reads the plan kept in Excel: five columns, a quoted cell with a line break as title and agenda', () => {
    const table = parse(FROM_EXCEL);
    expect(table.problems).toEqual([]);
    expect(table.items).toHaveLength(5);
    expect(table.items[0]).toMatchObject({
      row: 2,
      title: 'Samling 1 – Oppstartseminar',
      agenda: 'Info om prosessen. Kompetansegrunnlag og veilederen.',
      format: 'digital',
      responsibleBody: 'USHT',
    });
    // The quoted cell took two lines: the next row is line 4.
    expect(table.items.map((i) => i.row)).toEqual([2, 4, 5, 6, 7]);
    expect(table.items.map((i) => i.kind)).toEqual(['samling', 'veiledning', 'samling', 'mellomarbeid', 'samling']);
    expect(table.items[4]!.responsibleBody).toBe('KS');
  });

  it('takes «;» and « · » as separators, and a table without a header in the usual column order', () => {
    const semicolons = parse('19.8.;10.00–12.00;Webinar om mat og måltider;Teams;Statsforvalteren\n21.8.;kl. 9–10.30;Dialogmøte med kommunene;fysisk;KS');
    expect(semicolons.headerRow).toBeNull();
    expect(semicolons.problems).toEqual([]);
    expect(semicolons.items.map((i) => [i.date, i.start, i.end, i.kind, i.format, i.responsibleBody])).toEqual([
      ['2020-08-19', '10:00', '12:00', 'webinar', 'digital', 'SF'],
      ['2020-08-21', '09:00', '10:30', 'dialogmote', 'fysisk', 'KS'],
    ]);
    const dots = parse('tirsdag 18. august · 10:00-12:00 · Samling 1 · digital · USHT');
    expect(dots.problems).toEqual([]);
    expect(dots.items[0]).toMatchObject({ date: '2020-08-18', start: '10:00', end: '12:00', title: 'Samling 1', responsibleBody: 'USHT' });
  });

  it.each([
    ['19.08.2020', '2020-08-19'],
    ['19.8.2020', '2020-08-19'],
    ['19.8.', '2020-08-19'],
    ['19.8', '2020-08-19'],
    ['19.08.20', '2020-08-19'],
    ['19/8/2020', '2020-08-19'],
    ['2020-08-19', '2020-08-19'],
    ['19. august 2020', '2020-08-19'],
    ['19. aug.', '2020-08-19'],
    ['onsdag 19. august', '2020-08-19'],
    ['ons. 19. aug', '2020-08-19'],
    ['19 August 2020', '2020-08-19'],
    ['19.Aug', '2020-08-19'],
  ])('reads the date «%s»', (cell, date) => {
    const table = parse(`${cell}\t10.00–12.00\tSamling`);
    expect(table.problems).toEqual([]);
    expect(table.items.map((i) => i.date)).toEqual([date]);
  });

  it.each([
    ['10.00–12.00', '10:00', '12:00'],
    ['10:00-12:00', '10:00', '12:00'],
    ['kl. 9–10.30', '09:00', '10:30'],
    ['Kl. 10-12', '10:00', '12:00'],
    ['10.00 - 12.00', '10:00', '12:00'],
    ['fra 10 til 12', '10:00', '12:00'],
    ['09-15', '09:00', '15:00'],
  ])('reads the time «%s»', (cell, start, end) => {
    const table = parse(`19.08.2020\t${cell}\tSamling`);
    expect(table.problems).toEqual([]);
    expect(table.items.map((i) => [i.start, i.end])).toEqual([[start, end]]);
  });

  it('names the row and the column of every cell it cannot read, and keeps reading the other rows', () => {
    const table = parse(
      [
        'Dato\tTid\tHva\tFormat\tAnsvar',
        '31.02.2021\t10-12\tSamling\tdigital\tKS',
        '19.08.2020\t10\tSamling\tdigital\tKS',
        '19.08.2020\t12-10\tSamling\tdigital\tKS',
        '19.08.2020\t25.00-26.00\t\tpost\tNAV',
        '\t10-12\tSamling\t\t',
        '20.08.2020\t10-12\tWebinar\t\t',
      ].join('\n'),
    );
    expect(table.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'date', 'date.invalid'],
      [3, 'time', 'time.noEnd'],
      [4, 'time', 'time.endBeforeStart'],
      [5, 'time', 'time.invalid'],
      [5, 'what', 'what.missing'],
      [5, 'format', 'format.unknown'],
      [5, 'responsible', 'responsible.unknown'],
      [6, 'date', 'date.missing'],
    ]);
    // An empty format is digital (the usual meeting place), an empty responsible body none.
    expect(table.items).toEqual([
      { row: 7, kind: 'webinar', title: 'Webinar', agenda: null, date: '2020-08-20', start: '10:00', end: '12:00', format: 'digital', responsibleBody: null },
    ]);
  });

  it('places a date without a year near today, and the following rows after the row before', () => {
    const table = parse('10.11.\t10-12\tSamling 1\n8.12.\t10-12\tSamling 2\n14.1.\t10-12\tSamling 3', '2026-10-01');
    expect(table.items.map((i) => i.date)).toEqual(['2026-11-10', '2026-12-08', '2027-01-14']);
    // Pasted a few weeks after the plan began, it is still this year's plan.
    expect(parse('18. aug\t10-12\tSamling', '2020-09-10').items[0]!.date).toBe('2020-08-18');
  });

  it('guesses the kind from the first word it knows, the format from Teams, Skype, fysisk …, and the responsible body', () => {
    expect(guessKind('Mellomarbeid med sentervis veiledning')).toBe('mellomarbeid');
    expect(guessKind('Sentervis veiledning')).toBe('veiledning');
    expect(guessKind('Dialogmøte med ledere')).toBe('dialogmote');
    expect(guessKind('Webinar: Mat og måltider')).toBe('webinar');
    expect(guessKind('Oppstart')).toBe('samling');
    expect(guessKind('Noe helt annet')).toBe('samling');
    expect(guessFormat('Digital i Teams')).toBe('digital');
    expect(guessFormat('Fysisk/digitalt?')).toBe('hybrid');
    expect(guessFormat('Tlf/Skype/Teams')).toBe('telefon');
    expect(guessFormat('Fysisk, Scandic Oslo')).toBe('fysisk');
    expect(guessFormat('brevdue')).toBeNull();
    expect(guessBody('Statsforvalteren i Oslo og Viken')).toBe('SF');
    expect(guessBody('SF og KS')).toBe('SF');
    expect(guessBody('KS')).toBe('KS');
    expect(guessBody('USHT Viken')).toBe('USHT');
    expect(guessBody('')).toBeNull();
    expect(guessBody('NAV')).toBe('unknown');
  });

  it('keeps up with hostile input: 50 000 characters of digits, quotes and separators in well under a second', () => {
    for (const text of ['1 '.repeat(25_000), '"\t'.repeat(25_000), '1.'.repeat(25_000), `${'19. og '.repeat(7_000)}x`, '10-'.repeat(16_000)]) {
      const started = performance.now();
      parse(text);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });
});

describe('a pasted plan table, for any input', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('19.08.2020', '19.8.', '19. august 2020', 'tirsdag 18. august', '2. eller 3. sept', '31.02.2021', '', 'Dato', 'Hva', 'kl'),
    fc.constantFrom('10.00–12.00', '10:00-12:00', 'kl. 9–10.30', '12-10', '10', 'x'),
    fc.constantFrom('Samling 1', 'Mellomarbeid', 'Teams', 'fysisk', 'brev', 'KS', 'Statsforvalteren', 'NAV', '"quoted\ncell"', '"'),
  );
  const table = fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { maxLength: 12 });
  const separator = fc.constantFrom('\t', ';', ' · ');
  const newline = fc.constantFrom('\n', '\r\n');

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        parse(text);
      }),
      { numRuns: 500 },
    );
  });

  it('turns every row into items or into problems (never both, never neither), each naming a row of the table and a column', () => {
    fc.assert(
      fc.property(table, separator, newline, (rows, sep, nl) => {
        const result = parse(rows.map((r) => r.join(sep)).join(nl));
        const rowSet = new Set(result.rows);
        for (const p of result.problems) {
          expect(rowSet.has(p.row)).toBe(true);
          expect(importColumns).toContain(p.column);
        }
        for (const i of result.items) expect(rowSet.has(i.row)).toBe(true);
        for (const row of result.rows) {
          const asItems = result.items.some((i) => i.row === row);
          const asProblems = result.problems.some((p) => p.row === row);
          expect(asItems !== asProblems).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives items that are real dates with the end after the start', () => {
    fc.assert(
      fc.property(table, separator, (rows, sep) => {
        for (const i of parse(rows.map((r) => r.join(sep)).join('\n')).items) {
          expect(i.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(i.end > i.start).toBe(true);
          expect(i.title.trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the seed-000 template', () => {
  const template = findTemplate(SEED_000_TEMPLATE_ID)!;

  it('is seed 000: six items from Tuesday 18 August to Wednesday 16 September 2020', () => {
    const items = shiftTemplate(template, template.firstDate);
    expect(items.map((i) => [i.date, i.start, i.end, i.kind])).toEqual([
      ['2020-08-18', '10:00', '12:00', 'samling'],
      ['2020-08-19', '09:00', '10:30', 'veiledning'],
      ['2020-08-21', '09:00', '10:30', 'veiledning'],
      ['2020-08-28', '09:00', '15:00', 'samling'],
      ['2020-09-02', '09:00', '10:30', 'mellomarbeid'],
      ['2020-09-16', '10:00', '14:00', 'samling'],
    ]);
  });

  it('moves the first item to the chosen day and keeps every gap (and, from a Tuesday, every weekday)', () => {
    const items = shiftTemplate(template, '2027-01-12');
    expect(items.map((i) => i.date)).toEqual(['2027-01-12', '2027-01-13', '2027-01-15', '2027-01-22', '2027-01-27', '2027-02-10']);
  });
});
