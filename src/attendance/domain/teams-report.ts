/**
 * Reading the attendance report Teams lets a meeting's organisers download. Pure: bytes in,
 * rows out. Two shapes are in use:
 *
 * - today's report: UTF-16LE with a BOM, tab-separated, in numbered sections «1. Summary»
 *   (Meeting title, Start time …), «2. Participants» (Name, First Join, Last Leave, In-Meeting
 *   Duration, Email, Participant ID (UPN), Role) and «3. In-Meeting Activities» (one row per
 *   join/leave, so the same person several times);
 * - older downloads: one table «Full Name, User Action, Timestamp» with a row per Joined/Left.
 *
 * Someone who opened the file in Excel and saved it again sends UTF-8 and commas (or semicolons,
 * Excel's separator in Norwegian), so every combination is read. Section titles and headers are
 * translated in a Norwegian Teams: the English names are from real reports, the Norwegian ones
 * are accepted as well but were not seen in a real file.
 */

export interface ReportRow {
  /** The row's line in the file (1-based), so the preview and a refusal can point at it. */
  line: number;
  name: string;
  email: string | null;
  /** «Participant ID (UPN)»: an e-mail-like UPN, or an Entra object id in some reports. */
  participantId: string | null;
  role: string | null;
  /** In-meeting minutes, summed when the person joined more than once; null when the file has no durations. */
  minutes: number | null;
}

export interface ParsedReport {
  shape: 'participants' | 'activities' | 'actions';
  /** From the summary, as the file wrote them: shown so the facilitator can see it is the right meeting. */
  meetingTitle: string | null;
  meetingStart: string | null;
  rows: ReportRow[];
}

export type ReportProblem = 'empty' | 'not-a-report' | 'no-rows';

export type ParseOutcome = { ok: true; report: ParsedReport } | { ok: false; problem: ReportProblem };

// ── Bytes → text ──

/**
 * Teams writes UTF-16LE with a BOM; Excel re-saves as UTF-8 (with or without a BOM). UTF-16
 * without a BOM is recognised by its zero bytes: text in Latin letters has one in every pair.
 */
export function decodeReport(bytes: Uint8Array): string {
  const b = bytes;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  const sample = b.subarray(0, Math.min(b.length, 400));
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? zeroOdd++ : zeroEven++);
  if (sample.length >= 4 && zeroOdd > sample.length / 4) return new TextDecoder('utf-16le').decode(b);
  if (sample.length >= 4 && zeroEven > sample.length / 4) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder('utf-8').decode(b);
}

// ── Text → cells ──

const DELIMITERS = ['\t', ';', ','] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** One line into cells, with CSV quoting ("Berg, Ola" and doubled quotes inside). */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

type Column = 'name' | 'email' | 'participantId' | 'role' | 'duration' | 'action' | 'firstJoin' | 'joinTime';

/** Header cell → column. English as Teams writes it (any letter case); Norwegian best-effort. */
function columnOf(header: string): Column | undefined {
  const h = norm(header);
  if (['name', 'full name', 'navn', 'fullt navn'].includes(h)) return 'name';
  if (['email', 'e-mail', 'e-post', 'epost', 'e-postadresse'].includes(h)) return 'email';
  if (h.startsWith('participant id') || h.startsWith('deltaker-id') || h.startsWith('deltakar-id')) return 'participantId';
  if (h === 'role' || h === 'rolle') return 'role';
  if (h === 'in-meeting duration' || h === 'duration' || h.startsWith('varighet') || h.startsWith('tid i møtet')) return 'duration'; // i18n-ignore: headers read, not shown
  if (h === 'user action' || h === 'handling') return 'action';
  if (h === 'first join' || h.startsWith('første')) return 'firstJoin'; // i18n-ignore: a header read, not shown
  if (h === 'join time') return 'joinTime';
  return undefined;
}

interface Table {
  headerLine: number;
  columns: Map<Column, number>;
  rows: { line: number; cells: string[] }[];
  /** The numbered section the table stands in («2. Participants» → 2), if any. */
  section: number | null;
}

const SECTION = /^(\d+)\.\s+\S/;

function delimiterOf(line: string): Delimiter {
  let best: Delimiter = '\t';
  let most = -1;
  for (const d of DELIMITERS) {
    const n = splitLine(line, d).length;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** Every table in the text: a header row with a name column and at least one other known column. */
function tablesOf(lines: string[]): { tables: Table[]; summary: Map<string, string> } {
  const tables: Table[] = [];
  const summary = new Map<string, string>();
  let section: number | null = null;
  let current: Table | null = null;
  let delimiter: Delimiter = '\t';
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    const sectionMatch = SECTION.exec(trimmed);
    if (trimmed === '' || (sectionMatch && !/[\t;,]/.test(trimmed.replace(/^"|"$/g, '')))) {
      current = null;
      if (sectionMatch) section = Number(sectionMatch[1]);
      return;
    }
    if (current) {
      const cells = splitLine(line, delimiter);
      if (cells.every((c) => c === '')) return;
      current.rows.push({ line: i + 1, cells });
      return;
    }
    const d = delimiterOf(line);
    const cells = splitLine(line, d);
    const columns = new Map<Column, number>();
    cells.forEach((c, index) => {
      const col = columnOf(c);
      if (col && !columns.has(col)) columns.set(col, index);
    });
    if (columns.has('name') && columns.size >= 2) {
      delimiter = d;
      current = { headerLine: i + 1, columns, rows: [], section };
      tables.push(current);
    } else if (cells.length >= 2 && cells[0]) {
      // A summary line: «Meeting title<TAB>Samling 2».
      summary.set(norm(cells[0]), cells.slice(1).join(', ').trim());
    }
  });
  return { tables, summary };
}

/** «1h 27m 51s», «47m 3s», «5s», «1 t 5 min», «00:47:03» or «47:03» → whole minutes (rounded). */
export function minutesOf(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (clock) return Math.round((Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) / 60);
  const parts = /^(?:(\d+)\s*(?:h|t|hr|timer?)\b\s*)?(?:(\d+)\s*(?:m|min|minutter)\b\s*)?(?:(\d+)\s*(?:s|sek|sec)\b)?$/.exec(v);
  if (!parts || (parts[1] === undefined && parts[2] === undefined && parts[3] === undefined)) return null;
  return Math.round((Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0)) / 60);
}

const JOINED = /^(joined|joined before|ble med|ble med før|blei med)$/i;

/** The same person on several rows (rejoined, or the activities section) becomes one, durations summed. */
function fold(rows: ReportRow[]): ReportRow[] {
  const byKey = new Map<string, ReportRow>();
  for (const r of rows) {
    const key = (r.email ?? r.participantId ?? '').toLowerCase() || `name:${norm(r.name)}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...r });
    else if (r.minutes !== null) seen.minutes = (seen.minutes ?? 0) + r.minutes;
  }
  return [...byKey.values()];
}

/** The report's people. Refuses (never throws) a file that is no attendance report. */
export function parseReport(text: string): ParseOutcome {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.every((l) => l.trim() === '')) return { ok: false, problem: 'empty' };
  const { tables, summary } = tablesOf(lines);
  // The participants table when there is one: the activities table repeats people per join.
  const table =
    tables.find((t) => t.columns.has('firstJoin') || t.section === 2) ??
    tables.find((t) => t.columns.has('action')) ??
    tables[0];
  if (!table) return { ok: false, problem: 'not-a-report' };
  const shape: ParsedReport['shape'] = table.columns.has('action') ? 'actions' : table.columns.has('firstJoin') || table.section === 2 ? 'participants' : 'activities';
  const cell = (cells: string[], col: Column) => {
    const i = table.columns.get(col);
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const rows: ReportRow[] = [];
  for (const { line, cells } of table.rows) {
    const name = cell(cells, 'name');
    if (!name) continue;
    if (shape === 'actions' && !JOINED.test(cell(cells, 'action') ?? '')) continue;
    const duration = cell(cells, 'duration');
    rows.push({
      line,
      name,
      email: cell(cells, 'email')?.toLowerCase() ?? null,
      participantId: cell(cells, 'participantId'),
      role: cell(cells, 'role'),
      minutes: duration === null ? null : minutesOf(duration),
    });
  }
  if (rows.length === 0) return { ok: false, problem: 'no-rows' };
  const first = (...keys: string[]) => keys.map((k) => summary.get(k)).find((v) => v) ?? null;
  return {
    ok: true,
    report: {
      shape,
      meetingTitle: first('meeting title', 'møtetittel', 'tittel'), // i18n-ignore: summary labels read, not shown
      meetingStart: first('start time', 'meeting start time', 'starttidspunkt', 'starttid'),
      rows: fold(rows),
    },
  };
}
