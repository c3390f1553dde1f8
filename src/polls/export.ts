/**
 * A poll's answers and summary as CSV and XLSX, in the requester's language (headings, sector
 * names, yes/no; the tab request runs in their locale). Anonymous polls export no identity, no time,
 * no municipality or sector per answer, and no answers at all below five (the summary keeps
 * the same suppression as everywhere else).
 */
import { loadExcel } from '../shared/excel.js';
import { DateTime } from 'luxon';
import type { ExportRow } from './sql/votes.js';
import { sectorLabel } from '../shared/labels.js';
import type { Breakdown, Distribution, PollResults } from './domain/results.js';
import { describeAnswer, POLL_LIMITS, pollKindLabel, type Poll } from './domain/polls.js';
import { OSLO } from '../shared/time.js';
import { currentLocale } from '../platform/i18n/context.js';
import { t } from './messages.js';

type Table = (string | number | null)[][];

// A sortable machine time for a spreadsheet column (the heading says it is Norwegian time).
const osloTime = (d: Date | null) => (d ? DateTime.fromJSDate(d, { zone: OSLO }).toFormat('yyyy-MM-dd HH:mm') : '');
const pct = (share: number) => Math.round(share * 1000) / 10;

function answerTable(poll: Poll, rows: ExportRow[], results: PollResults): Table {
  const plain = (r: ExportRow) => (r.answer.kind === 'tekst' ? r.answer.text : describeAnswer(poll, r.answer));
  if (poll.anonymous) {
    if (!results.visible) return [[t('export.answer')], [t('export.tooFew', { min: POLL_LIMITS.minGroupSize })]];
    return [[t('export.answer')], ...rows.map((r) => [plain(r)])];
  }
  return [
    [t('export.name'), t('export.municipality'), t('export.sector'), t('export.time'), t('export.answer')],
    ...rows.map((r) => [r.name ?? t('export.deletedUser'), r.municipality ?? '', r.sector ? sectorLabel[r.sector] : '', osloTime(r.answeredAt), plain(r)]),
  ];
}

function distributionRows(poll: Poll, d: Distribution, group?: string): Table {
  const prefix = group === undefined ? [] : [group];
  if (poll.kind === 'fritekst') return d.words.map((w) => [...prefix, w.word, w.count, pct(w.count / Math.max(1, d.respondents))]);
  return d.options.map((o) => [...prefix, o.label, o.count, pct(o.share)]);
}

function summaryTable(poll: Poll, results: PollResults): Table {
  const head =
    poll.kind === 'fritekst' ? [t('export.word'), t('export.mentions'), t('export.share')] : [t('export.answer'), t('export.count'), t('export.share')];
  const table: Table = [
    [t('export.question'), poll.question],
    [t('export.kind'), pollKindLabel[poll.kind]],
    [t('export.anonymous'), poll.anonymous ? t('export.yes') : t('export.no')],
    [t('export.respondents'), results.respondents],
  ];
  if (!results.overall) return [...table, [t('export.resultsHidden', { min: POLL_LIMITS.minGroupSize })]];
  if (results.overall.mean !== null) table.push([t('export.mean'), Math.round(results.overall.mean * 100) / 100]);
  return [...table, [], head, ...distributionRows(poll, results.overall)];
}

function breakdownTable(poll: Poll, b: Breakdown, groupTitle: string): Table {
  const head = [groupTitle, poll.kind === 'fritekst' ? t('export.word') : t('export.answer'), t('export.count'), t('export.share')];
  const rows: Table = [head];
  for (const g of [...b.groups, ...(b.others ? [b.others] : [])]) {
    rows.push(...distributionRows(poll, g.distribution, `${g.label} (${g.respondents})`));
    if (g.distribution.mean !== null) rows.push([`${g.label} (${g.respondents})`, t('export.mean'), Math.round(g.distribution.mean * 100) / 100, null]);
  }
  if (b.hiddenRespondents > 0) rows.push([t('export.hiddenGroups', { count: b.hiddenRespondents, min: POLL_LIMITS.minGroupSize })]);
  return rows;
}

/** Excel and LibreOffice run a cell that starts like a formula; user text must never do that. */
function csvCell(v: string | number | null, decimalComma: boolean): string {
  if (v === null) return '';
  if (typeof v === 'number') return decimalComma ? String(v).replace('.', ',') : String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";,\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Semicolon-separated with a BOM and decimal comma: what Excel with Norwegian settings opens
 * correctly by double-click. Answers first, then a blank line and the summary.
 */
export function pollCsv(poll: Poll, rows: ExportRow[], results: PollResults): Buffer {
  // Norwegian Excel reads «;» and a decimal comma; English Excel reads «,» and a decimal point.
  const english = currentLocale() === 'en';
  const lines = [...answerTable(poll, rows, results), [], ...summaryTable(poll, results)].map((r) =>
    r.map((v) => csvCell(v, !english)).join(english ? ',' : ';'),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function pollXlsx(poll: Poll, rows: ExportRow[], results: PollResults): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  book.creator = 'Samlingspunkt';
  const sheet = (name: string, table: Table, widths: number[]) => {
    const ws = book.addWorksheet(name);
    // Strings go in as strings: exceljs writes no formula unless asked, so user text stays text.
    for (const row of table) ws.addRow(row);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.getRow(1).font = { bold: true };
  };
  sheet(t('export.sheetAnswers'), answerTable(poll, rows, results), poll.anonymous ? [60] : [28, 18, 18, 20, 60]);
  sheet(t('export.sheetSummary'), summaryTable(poll, results), [40, 20, 12]);
  if (results.overall) {
    sheet(t('export.sheetMunicipality'), breakdownTable(poll, results.byMunicipality, t('export.municipalityCount')), [28, 40, 10, 12]);
    sheet(t('export.sheetSector'), breakdownTable(poll, results.bySector, t('export.sectorCount')), [28, 40, 10, 12]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** «maling-hvordan-vil-leve-hele-livet-2026-05-04.csv» */
export function exportFileName(poll: Poll, ext: 'csv' | 'xlsx'): string {
  const slug = poll.question
    .toLocaleLowerCase('nb-NO')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  return `maling-${slug || 'svar'}-${DateTime.fromJSDate(poll.opensAt, { zone: OSLO }).toISODate()}.${ext}`;
}
