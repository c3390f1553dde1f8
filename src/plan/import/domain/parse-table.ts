import { DateTime } from 'luxon';
import { OSLO } from '../../../shared/time.js';
import type { BodyCode, PlanItemFormat, PlanItemKind } from '../../../shared/types.js';
import type { DatedItem, ImportColumn } from './items.js';

/**
 * A plan table as a facilitator pastes it from Word or Excel: one line per row, cells separated
 * by tabs (both programs put tabs on the clipboard), or by «;» or « · » when typed by hand, in the
 * columns dato · tid · hva · format · ansvar. A header row is optional and found by its words
 * (Norwegian or English). Pure: no clock (the caller gives today's date), never throws; every
 * row is either one or more items or at least one problem naming its row and column.
 */

/** Why a cell could not be read; the use case turns the code into a sentence in the reader's language. */
export type RowProblemCode =
  | 'date.missing'
  | 'date.invalid'
  | 'date.ambiguous'
  | 'time.missing'
  | 'time.invalid'
  | 'time.noEnd'
  | 'time.endBeforeStart'
  | 'what.missing'
  | 'format.unknown'
  | 'responsible.unknown';

export interface RowProblem {
  /** The line in the pasted text where the row starts (1 = the first line). */
  row: number;
  column: ImportColumn;
  code: RowProblemCode;
  /** The cell as pasted (trimmed), to show beside the problem. */
  value: string;
}

export interface ParsedItem extends DatedItem {
  row: number;
}

export interface ParsedTable {
  items: ParsedItem[];
  problems: RowProblem[];
  /** The line of the header row, if the table has one. */
  headerRow: number | null;
  /** Every data row's line number, in order (empty lines are no rows). */
  rows: number[];
}

export interface ParseOptions {
  /** Today in Oslo (yyyy-MM-dd): a date written without a year is placed near it. */
  today: string;
}

interface TableRecord {
  line: number;
  cells: string[];
}

// ── Splitting into rows and cells ──

function separatorOf(text: string): string | null {
  if (text.includes('\t')) return '\t';
  if (/\s·\s/.test(text)) return '·';
  if (text.includes(';')) return ';';
  return null;
}

/**
 * Rows and cells. A cell Excel had to quote (it holds a line break, a tab or a quote) is
 * "…" with doubled quotes inside; a quote that does not close a cell is just a character.
 */
function splitRecords(text: string): TableRecord[] {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\u00A0\u2007\u202F]/g, ' ');
  const sep = separatorOf(normalised);
  const records: TableRecord[] = [];
  let line = 1;
  let i = 0;
  const n = normalised.length;
  while (i <= n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i >= n) {
        cells.push(cell);
        i = n + 1;
        break;
      }
      const ch = normalised[i]!;
      if (ch === '"' && cell.trim() === '' && sep !== '·') {
        const closed = closingQuote(normalised, i + 1, sep);
        if (closed !== -1) {
          const inner = normalised.slice(i + 1, closed).replace(/""/g, '"');
          line += (inner.match(/\n/g) ?? []).length;
          cell = inner;
          i = closed + 1;
          continue;
        }
      }
      if (ch === '\n') {
        cells.push(cell);
        line++;
        i++;
        endOfRecord = true;
      } else if (sep !== null && ch === sep && (sep !== '·' || isSpacedDot(normalised, i))) {
        cells.push(cell);
        cell = '';
        i++;
      } else {
        cell += ch;
        i++;
      }
    }
    const trimmed = cells.map((c) => c.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n'));
    if (trimmed.some((c) => c !== '')) records.push({ line: start, cells: trimmed });
  }
  return records;
}

const MAX_QUOTED = 5000;

/** The index of the quote that closes a quoted cell starting at `from`, or -1. */
function closingQuote(text: string, from: number, sep: string | null): number {
  // A plan's cell is short; the cap keeps a pasted text full of stray quotes linear.
  for (let j = from; j < Math.min(text.length, from + MAX_QUOTED); j++) {
    if (text[j] !== '"') continue;
    if (text[j + 1] === '"') {
      j++;
      continue;
    }
    const next = text[j + 1];
    if (next === undefined || next === '\n' || next === sep) return j;
    return -1;
  }
  return -1;
}

const isSpacedDot = (text: string, i: number) => /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '');

// ── The header row ──

const headerWords: Record<ImportColumn, readonly string[]> = {
  date: ['dato', 'date', 'dag', 'day', 'når', 'when'], // i18n-ignore: words to recognise, not to show
  time: ['tid', 'kl', 'klokka', 'klokken', 'klokkeslett', 'tidspunkt', 'time', 'tidsrom'],
  what: ['hva', 'aktivitet', 'innhold', 'tema', 'tittel', 'program', 'what', 'activity', 'title', 'kva', 'arrangement'],
  format: ['format', 'form', 'møteform', 'sted', 'hvor', 'kor', 'where', 'how'], // i18n-ignore
  responsible: ['ansvar', 'ansvarlig', 'arrangør', 'hvem', 'kven', 'responsible', 'who', 'owner'], // i18n-ignore
};

type ColumnMap = Partial<Record<ImportColumn, number>>;

function headerColumns(cell: string): ImportColumn[] {
  const words = cell.toLowerCase().split(/[^a-zæøå]+/).filter(Boolean);
  return (Object.keys(headerWords) as ImportColumn[]).filter((c) => words.some((w) => headerWords[c].includes(w)));
}

/** The columns a header row names; null when the row is data. */
function readHeader(record: TableRecord, today: string): ColumnMap | null {
  const map: ColumnMap = {};
  let named = 0;
  record.cells.forEach((cell, index) => {
    const columns = headerColumns(cell);
    if (columns.length > 0) named++;
    for (const c of columns) if (map[c] === undefined) map[c] = index;
  });
  if (named === 0 || map.date === undefined || map.what === undefined) return null;
  // «Dato» in a data row is unlikely, but a date in a header row is impossible.
  if (record.cells.some((c) => findDates(c, today, null).kind === 'dates')) return null;
  return map;
}

/** Without a header: dato, then tid if the second cell is a time, then hva, format, ansvar. */
function positionalColumns(record: TableRecord): ColumnMap {
  const second = record.cells[1] ?? '';
  if (record.cells.length >= 3 && readTimes(second).kind === 'range') return { date: 0, time: 1, what: 2, format: 3, responsible: 4 };
  return { date: 0, what: 1, format: 2, responsible: 3 };
}

// ── Dates ──

const MONTHS: readonly [RegExp, number][] = [
  [/^jan/, 1],
  [/^feb/, 2],
  [/^mar/, 3],
  [/^apr/, 4],
  [/^ma[iy]/, 5],
  [/^jun/, 6],
  [/^jul/, 7],
  [/^aug/, 8],
  [/^sep/, 9],
  [/^o[kc]t/, 10],
  [/^nov/, 11],
  [/^de[sc]/, 12],
];
const MONTH_WORD = '(jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-z]*\\.?';
const NUMERIC = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d:])/;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
// Each day is followed by a list word, spaces, or the month itself: one way to read every text, so no backtracking blow-up.
const NAMED = new RegExp(`((?:\\d{1,2}\\.?(?:\\s*(?:,|og|and|&|eller|or)\\s*|\\s+|(?=[a-z])))+)${MONTH_WORD}(?:\\s*(\\d{4}))?`);
const MAX_DATE_CELL = 200;
const BARE = /^(\d{1,2})\.(\d{1,2})$/;

type DateResult = { kind: 'dates'; dates: string[]; rest: string } | { kind: 'none' } | { kind: 'invalid' } | { kind: 'ambiguous' };

const monthOf = (word: string) => MONTHS.find(([re]) => re.test(word))?.[1] ?? 0;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100) return null;
  const dt = DateTime.fromObject({ year, month, day }, { zone: OSLO });
  return dt.isValid ? dt.toISODate() : null;
}

/**
 * The year of a date written without one: the one that puts it from 60 days before `near` to
 * 305 days after, so a plan pasted in November for the spring lands in the coming year.
 */
function nearYear(month: number, day: number, near: string): string | null {
  const ref = DateTime.fromISO(near, { zone: OSLO });
  for (const year of [ref.year, ref.year + 1, ref.year - 1]) {
    const iso = isoDate(year, month, day);
    if (!iso) continue;
    const diff = DateTime.fromISO(iso, { zone: OSLO }).diff(ref, 'days').days;
    if (diff >= -60 && diff <= 305) return iso;
  }
  return isoDate(ref.year, month, day);
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function oneDate(day: number, month: number, year: string | undefined, near: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return year ? isoDate(fullYear(year), month, day) : nearYear(month, day, near);
}

/** The date or dates in a cell («19.08.2020», «19.8.», «19. august 2020», «tirsdag 18. august», «19. og 21. aug»), and what is left of it. */
function findDates(cell: string, today: string, previous: string | null): DateResult {
  // No date cell is longer; the cap keeps the patterns linear on anything pasted.
  if (cell.length > MAX_DATE_CELL) return { kind: 'invalid' };
  const text = cell.toLowerCase();
  const near = previous ?? today;
  const iso = ISO.exec(text);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { kind: 'dates', dates: [date], rest: text.replace(iso[0], ' ') } : { kind: 'invalid' };
  }
  for (const re of [NUMERIC, SLASHED, BARE]) {
    const m = re.exec(text);
    if (!m) continue;
    const date = oneDate(Number(m[1]), Number(m[2]), m[3], near);
    return date ? { kind: 'dates', dates: [date], rest: text.replace(m[0], ' ') } : { kind: 'invalid' };
  }
  const named = NAMED.exec(text);
  if (named) {
    const list = named[1]!;
    // «2. eller 3. sept»: the plan has not decided; the facilitator must choose.
    if (/eller|\bor\b/.test(list)) return { kind: 'ambiguous' };
    const month = monthOf(named[2]!);
    const days = (list.match(/\d{1,2}/g) ?? []).map(Number);
    const dates: string[] = [];
    let ref = near;
    for (const d of days) {
      const date = oneDate(d, month, named[3], ref);
      if (!date) return { kind: 'invalid' };
      dates.push(date);
      ref = date;
    }
    return dates.length > 0 ? { kind: 'dates', dates, rest: text.replace(named[0], ' ') } : { kind: 'invalid' };
  }
  return { kind: 'none' };
}

// ── Times ──

type TimeResult = { kind: 'range'; start: string; end: string } | { kind: 'start' } | { kind: 'backwards' } | { kind: 'none' } | { kind: 'invalid' };

const RANGE = /(?<![\d.:])(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|til|to)\s*(\d{1,2})(?:[.:](\d{2}))?(?!\d)/;
const SINGLE = /(?:^|\s|kl\.?\s*)(\d{1,2})[.:](\d{2})(?!\d)|kl\.?\s*(\d{1,2})(?!\d)|^\s*(\d{1,2})\s*$/;

function clock(hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = Number(minutes ?? '0');
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** «10.00–12.00», «10:00-12:00», «kl. 9–10.30», «Kl. 10-12», «10 til 12». */
function readTimes(cell: string): TimeResult {
  if (cell.length > MAX_DATE_CELL) return { kind: 'invalid' };
  const text = cell.toLowerCase().replace(/klokka|klokken/g, 'kl');
  const range = RANGE.exec(text);
  if (range) {
    const start = clock(range[1]!, range[2]);
    const end = clock(range[3]!, range[4]);
    if (!start || !end) return { kind: 'invalid' };
    return end > start ? { kind: 'range', start, end } : { kind: 'backwards' };
  }
  if (SINGLE.test(text)) return { kind: 'start' };
  return /\d/.test(text) ? { kind: 'invalid' } : { kind: 'none' };
}

// ── What, format, responsible ──

const KIND_WORDS: readonly [RegExp, PlanItemKind][] = [
  [/samling|seminar|oppstart|konferanse|workshop|gathering/, 'samling'],
  [/veiledning|rettleiing|guidance|coaching/, 'veiledning'],
  [/mellomarbeid/, 'mellomarbeid'],
  [/dialogm[øo]te|dialog/, 'dialogmote'],
  [/webin[aå]r/, 'webinar'],
];

/** The kind whose word comes first: «Mellomarbeid med sentervis veiledning» is mellomarbeid. */
export function guessKind(what: string): PlanItemKind {
  const text = what.toLowerCase();
  let best: { at: number; kind: PlanItemKind } | null = null;
  for (const [re, kind] of KIND_WORDS) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, kind };
  }
  return best?.kind ?? 'samling';
}

/** digital, fysisk, hybrid or telefon; Teams, Zoom and Skype are digital, «fysisk/digitalt» is hybrid. */
export function guessFormat(cell: string): PlanItemFormat | null {
  const text = cell.toLowerCase();
  if (text === '') return 'digital';
  if (/hybrid/.test(text)) return 'hybrid';
  const physical = /fysisk|oppmøte|in person|on site|physical/.test(text); // i18n-ignore
  const digital = /digital|teams|zoom|skype|video|nett|online|webinar/.test(text);
  const phone = /telefon|tlf|phone/.test(text);
  if (physical && digital) return 'hybrid';
  if (physical) return 'fysisk';
  if (phone) return 'telefon';
  if (digital) return 'digital';
  return null;
}

/** SF (Statsforvalteren, formerly Fylkesmannen), KS or USHT; the first one named. */
export function guessBody(cell: string): BodyCode | null | 'unknown' {
  const text = cell.toLowerCase();
  if (text === '') return null;
  const found: { at: number; body: BodyCode }[] = [];
  for (const [re, body] of [
    [/\bsf\b|statsforvalter|fylkesmann/, 'SF'],
    [/\bks\b|kommunenes sentralforbund/, 'KS'],
    [/usht|utviklingssenter/, 'USHT'],
  ] as const) {
    const m = re.exec(text);
    if (m) found.push({ at: m.index, body });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.body ?? 'unknown';
}

// ── Rows ──

function readRow(record: TableRecord, columns: ColumnMap, today: string, previous: string | null): { items: ParsedItem[]; problems: RowProblem[] } {
  const row = record.line;
  const cell = (c: ImportColumn) => (columns[c] === undefined ? '' : (record.cells[columns[c]!] ?? ''));
  const problems: RowProblem[] = [];
  const problem = (column: ImportColumn, code: RowProblemCode) => problems.push({ row, column, code, value: cell(column) });

  let dates: string[] = [];
  let timeText = cell('time');
  const dateCell = cell('date');
  const found = findDates(dateCell, today, previous);
  if (dateCell === '') problem('date', 'date.missing');
  else if (found.kind === 'dates') {
    dates = found.dates;
    // «18. aug kl. 10–12» in one cell (the seed's «Dato/kl.» column).
    if (timeText === '' || columns.time === columns.date) timeText = found.rest;
  } else problem('date', found.kind === 'ambiguous' ? 'date.ambiguous' : 'date.invalid');

  const times = readTimes(timeText);
  // A table without its own time column has the times in the date cell.
  const ownTimeColumn = columns.time !== undefined && columns.time !== columns.date;
  let start = '';
  let end = '';
  if (times.kind === 'range') ({ start, end } = times);
  else if (found.kind === 'dates' || ownTimeColumn) {
    const code: RowProblemCode =
      times.kind === 'start'
        ? 'time.noEnd'
        : times.kind === 'backwards'
          ? 'time.endBeforeStart'
          : times.kind === 'invalid' || (ownTimeColumn && cell('time') !== '')
            ? 'time.invalid'
            : 'time.missing';
    problems.push({ row, column: ownTimeColumn ? 'time' : 'date', code, value: ownTimeColumn ? cell('time') : dateCell });
  }

  const [title = '', ...rest] = cell('what').split('\n');
  if (title === '') problem('what', 'what.missing');
  const format = guessFormat(cell('format'));
  if (format === null) problem('format', 'format.unknown');
  const body = guessBody(cell('responsible'));
  if (body === 'unknown') problem('responsible', 'responsible.unknown');

  if (problems.length > 0 || format === null || body === 'unknown') return { items: [], problems };
  const kind = guessKind(cell('what'));
  const agenda = rest.join('\n') || null;
  return { items: dates.map((date) => ({ row, kind, title, agenda, date, start, end, format, responsibleBody: body })), problems: [] };
}

export function parsePlanTable(text: string, options: ParseOptions): ParsedTable {
  const records = splitRecords(text);
  const header = records[0] ? readHeader(records[0], options.today) : null;
  const data = header ? records.slice(1) : records;
  const items: ParsedItem[] = [];
  const problems: RowProblem[] = [];
  let previous: string | null = null;
  for (const record of data) {
    const result = readRow(record, header ?? positionalColumns(record), options.today, previous);
    items.push(...result.items);
    problems.push(...result.problems);
    previous = result.items.at(-1)?.date ?? previous;
  }
  return { items, problems, headerRow: header ? records[0]!.line : null, rows: data.map((r) => r.line) };
}
