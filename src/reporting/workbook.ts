/**
 * The report as one XLSX (exceljs), headings and values in the reader's language. No sheet
 * names a person: the plan, counts per municipality and sector, statuses, and poll results
 * as src/polls shows them (overall only; anonymous under five: the count alone).
 */
import { loadExcel } from '../shared/excel.js';
import { DateTime } from 'luxon';
import { bodyLabel, formatLabel, kindLabel, sectorLabel } from '../shared/labels.js';
import { OSLO } from '../shared/time.js';
import { sectors } from '../shared/types.js';
import { phaseLabel } from '../focus/domain/focus.js';
import { isDelivered, isOverdue, workStatusLabel } from '../mellomarbeid/domain/mellomarbeid.js';
import { POLL_LIMITS, type Poll } from '../polls/domain/polls.js';
import type { Distribution } from '../polls/domain/results.js';
import { answerModeLabel, visibilityLabel } from '../reflections/domain/reflections.js';
import type { PollReport, ReportData } from './report.js';
import { t } from './messages.js';

type Cell = string | number | null;
type Table = Cell[][];

const date = (d: Date) => DateTime.fromJSDate(d, { zone: OSLO }).toFormat('yyyy-MM-dd');
const time = (d: Date) => DateTime.fromJSDate(d, { zone: OSLO }).toFormat('yyyy-MM-dd HH:mm');
const pct = (share: number) => Math.round(share * 1000) / 10;
const round1 = (n: number) => Math.round(n * 10) / 10;
const yesNo = (b: boolean) => (b ? t('value.yes') : t('value.no'));

function networkNames(data: ReportData): Map<string, string> {
  return new Map(data.networks.map((d) => [d.network.id, d.network.name]));
}

function planTable(data: ReportData): Table {
  const names = networkNames(data);
  return [
    [t('head.network'), t('head.date'), t('head.start'), t('head.end'), t('head.kind'), t('head.title'), t('head.format'), t('head.responsible')],
    ...data.plan.map((i) => [
      names.get(i.networkId) ?? '',
      date(i.startsAt),
      time(i.startsAt),
      time(i.endsAt),
      kindLabel[i.kind],
      i.title,
      formatLabel[i.format],
      i.responsibleBody ? bodyLabel[i.responsibleBody] : '',
    ]),
  ];
}

function attendanceTable(data: ReportData): Table {
  const head = [t('head.network'), t('head.samling'), t('head.date'), t('head.municipality'), t('head.sector'), t('head.attendees')];
  if (data.attendance === null) return [head, [t('value.noAttendance')]];
  const names = networkNames(data);
  const municipalities = new Map(data.networks.flatMap((d) => d.standings.map((s) => [s.number, s.name] as const)));
  const order = (s: string) => sectors.indexOf(s as (typeof sectors)[number]);
  const rows = [...data.attendance].sort(
    (a, b) =>
      new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime() ||
      (names.get(a.networkId) ?? '').localeCompare(names.get(b.networkId) ?? '', 'nb') ||
      (municipalities.get(a.municipalityNumber ?? '') ?? '\uffff').localeCompare(municipalities.get(b.municipalityNumber ?? '') ?? '\uffff', 'nb') ||
      order(a.sector) - order(b.sector),
  );
  return [
    head,
    ...rows.map((r) => [
      names.get(r.networkId) ?? '',
      r.planItemTitle,
      date(new Date(r.startsAt)),
      r.municipalityNumber ? (municipalities.get(r.municipalityNumber) ?? r.municipalityNumber) : t('value.withoutMunicipality'),
      sectorLabel[r.sector],
      r.attendees,
    ]),
  ];
}

function workTable(data: ReportData, now: Date): Table {
  const rows: Table = [[t('head.network'), t('head.assignment'), t('head.due'), t('head.municipality'), t('head.status'), t('head.deliveredAt'), t('head.late')]];
  for (const d of data.networks) {
    for (const a of d.assignments) {
      for (const w of d.work.filter((x) => x.assignmentId === a.id)) {
        rows.push([
          d.network.name,
          a.title,
          time(a.dueAt),
          w.municipalityName,
          workStatusLabel[w.status],
          isDelivered(w.status) && w.deliveredAt ? time(w.deliveredAt) : '',
          yesNo(isOverdue(a.dueAt, w.status, now) || (w.deliveredAt !== null && w.deliveredAt.getTime() > a.dueAt.getTime())),
        ]);
      }
    }
  }
  return rows;
}

function focusTable(data: ReportData): Table {
  const rows: Table = [[t('head.network'), t('head.municipality'), t('head.county'), t('head.phase'), t('head.focus')]];
  for (const d of data.networks) {
    for (const s of d.standings) {
      rows.push([
        d.network.name,
        s.name,
        data.counties.get(s.number)?.countyName ?? '',
        s.phase ? `${s.phase} – ${phaseLabel[s.phase]}` : t('value.noPhase'),
        s.focus.map((f) => (f.solutionName ? `${f.focusAreaName}: ${f.solutionName}` : f.focusAreaName)).join('; '),
      ]);
    }
  }
  return rows;
}

/** One row per option (or word, or scale point) with its share, and the shift where it repeats an earlier poll. */
function pollRows(networkName: string, r: PollReport): Table {
  const { poll, results, before } = r;
  const lead = (p: Poll): Cell[] => [networkName, p.question, time(p.opensAt), yesNo(p.anonymous), results.respondents];
  const compared = before ? time(before.poll.opensAt) : '';
  if (!results.overall) return [[...lead(poll), t('value.tooFew', { min: POLL_LIMITS.minGroupSize }), null, compared, null, null]];
  const overall: Distribution = results.overall;
  const shifts = new Map((before?.shift?.options ?? []).map((o) => [o.label, o]));
  const options =
    poll.kind === 'fritekst'
      ? overall.words.slice(0, 15).map((w) => ({ label: w.word, share: overall.respondents ? w.count / overall.respondents : 0 }))
      : overall.options.map((o) => ({ label: o.label, share: o.share }));
  const rows: Table = options.map((o) => {
    const s = shifts.get(o.label);
    return [...lead(poll), o.label, pct(o.share), compared, s?.before == null ? null : pct(s.before), s?.deltaPoints == null ? null : round1(s.deltaPoints)];
  });
  if (overall.mean !== null) {
    const beforeMean = before?.shift?.before?.mean ?? null;
    const delta = before?.shift?.meanDelta ?? null;
    rows.push([...lead(poll), t('value.mean'), Math.round(overall.mean * 100) / 100, compared, beforeMean === null ? null : Math.round(beforeMean * 100) / 100, delta === null ? null : Math.round(delta * 100) / 100]);
  }
  return rows;
}

function pollTable(data: ReportData): Table {
  const names = networkNames(data);
  return [
    [t('head.network'), t('head.question'), t('head.opened'), t('head.anonymous'), t('head.respondents'), t('head.option'), t('head.share'), t('head.comparedWith'), t('head.shareBefore'), t('head.shift')],
    ...data.polls.flatMap((r) => pollRows(names.get(r.poll.networkId) ?? '', r)),
  ];
}

function reflectionTable(data: ReportData): Table {
  const rows: Table = [[t('head.network'), t('head.task'), t('head.due'), t('head.answerMode'), t('head.visibility'), t('head.municipality'), t('head.answers')]];
  for (const task of data.tasks) {
    const d = data.networks.find((n) => n.network.id === task.networkId);
    if (!d) continue;
    const lead = [d.network.name, task.title, time(task.dueAt), answerModeLabel[task.answerMode], visibilityLabel[task.visibility]];
    if (task.visibility === 'anonym') {
      // Anonymous: the total only, never per municipality.
      rows.push([...lead, t('value.allAnonymous'), task.answerCount]);
      continue;
    }
    for (const s of d.standings) {
      rows.push([...lead, s.name, data.taskAnswers.find((a) => a.taskId === task.id && a.municipalityNumber === s.number)?.answers ?? 0]);
    }
  }
  return rows;
}

/** The sheets in order, with their names: what the tab and the tests list. */
export function reportSheets(data: ReportData, now: Date): { name: string; table: Table; widths: number[] }[] {
  return [
    { name: t('sheet.plan'), table: planTable(data), widths: [36, 12, 18, 18, 16, 48, 12, 16] },
    { name: t('sheet.attendance'), table: attendanceTable(data), widths: [36, 40, 12, 22, 22, 12] },
    { name: t('sheet.work'), table: workTable(data, now), widths: [36, 44, 18, 22, 20, 18, 10] },
    { name: t('sheet.focus'), table: focusTable(data), widths: [36, 22, 20, 32, 60] },
    { name: t('sheet.polls'), table: pollTable(data), widths: [36, 50, 18, 10, 12, 30, 10, 20, 12, 14] },
    { name: t('sheet.reflections'), table: reflectionTable(data), widths: [36, 44, 18, 26, 30, 22, 12] },
  ];
}

export async function reportXlsx(data: ReportData, now: Date): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  book.creator = 'Samlingspunkt';
  for (const sheet of reportSheets(data, now)) {
    const ws = book.addWorksheet(sheet.name);
    // Strings go in as strings: exceljs writes no formula unless asked, so user text stays text.
    for (const row of sheet.table) ws.addRow(row);
    sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** «rapport-usht-viken-2026-01-01-2026-06-30.xlsx»: ASCII, from the slug and the period. */
export function reportFileName(slug: string, fromDate: string | null, toDate: string | null): string {
  const safe = slug.replace(/[^a-z0-9-]+/g, '-').slice(0, 60) || 'region';
  const period = [fromDate, toDate].filter(Boolean).join('-');
  return `${t('file.name')}-${safe}${period ? `-${period}` : ''}.xlsx`;
}
