/**
 * Importing a Teams attendance report: preview (parse, match, apply the facilitator's
 * resolutions so far) and commit (the same, refused while any row is unresolved). Stateless:
 * the tab sends the file with each step, so nothing half-imported is ever stored.
 */
import type { Database, Queryable } from '../platform/db/port.js';
import { invalid, ok, type Result } from '../shared/result.js';
import { sectorLabel } from '../shared/labels.js';
import { sectors, type Network, type PlanItem } from '../shared/types.js';
import { membersOfNetwork, networkMunicipalities, type NetworkMemberRow } from '../network/sql/members.js';
import type { ImportPreviewResponse, ImportResponse, PreviewRow } from './contract.js';
import { aliasOf, matchRows, needsResolution, type RowMatch } from './domain/matching.js';
import { decodeReport, parseReport, type ParsedReport } from './domain/teams-report.js';
import type { ImportRequestBody, Resolution } from './input.js';
import { MAX_REPORT_BYTES } from './input.js';
import { t } from './messages.js';
import { attendableItem, recordAttendance } from './record.js';
import { aliasesOfNetwork, rememberAlias, type GuestAttendee, type MemberAttendee } from './sql/attendance.js';

interface Analysis {
  item: PlanItem;
  report: ParsedReport;
  matches: RowMatch[];
  members: NetworkMemberRow[];
  municipalities: { number: string; name: string }[];
  byLine: Map<number, Resolution>;
}

export const itemRef = (i: PlanItem) => ({ id: i.id, title: i.title, kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString() });
export const sectorChoices = () => sectors.map((sector) => ({ sector, label: sectorLabel[sector] }));

async function analyse(db: Queryable, network: Network, itemId: string, body: ImportRequestBody, now: Date): Promise<Result<Analysis>> {
  const item = await attendableItem(db, network.id, itemId, now);
  if (!item.ok) return item;
  const bytes = Buffer.from(body.file, 'base64');
  if (bytes.length > MAX_REPORT_BYTES) return invalid(t('input.fileTooLarge'), 'file');
  const parsed = parseReport(decodeReport(bytes));
  if (!parsed.ok) return invalid(t(`report.${parsed.problem}`), 'file');
  const members = await membersOfNetwork(db, network.id);
  const matches = matchRows(
    parsed.report.rows,
    members.map((m) => ({ ...m, municipalityNumber: m.municipalityNumber?.trim() ?? null })),
    await aliasesOfNetwork(db, network.id),
  );
  const municipalities = await networkMunicipalities(db, network.id);
  const lines = new Set(parsed.report.rows.map((r) => r.line));
  const byLine = new Map<number, Resolution>();
  for (const [i, r] of (body.resolutions ?? []).entries()) {
    if (!lines.has(r.line)) return invalid(t('input.line'), `resolutions.${i}.line`);
    if (r.action === 'member' && !members.some((m) => m.memberId === r.memberId && m.role === 'deltaker')) {
      return invalid(t('report.memberNotHere', { line: r.line }), `resolutions.${i}.memberId`);
    }
    if (r.action === 'guest' && r.municipalityNumber && !municipalities.some((m) => m.number === r.municipalityNumber)) {
      return invalid(t('report.municipalityNotHere', { line: r.line }), `resolutions.${i}.municipalityNumber`);
    }
    byLine.set(r.line, r);
  }
  return ok({ item: item.value, report: parsed.report, matches, members, municipalities, byLine });
}

/** What each row comes to: a member counted, a guest, or nothing (left out, a facilitator, a duplicate). */
function outcome(a: Analysis) {
  const members: MemberAttendee[] = [];
  const guests: GuestAttendee[] = [];
  const remember: { alias: string; memberId: string }[] = [];
  const unresolved: number[] = [];
  let leftOut = 0;
  const counted = new Set<string>();
  a.report.rows.forEach((row, i) => {
    const match = a.matches[i]!;
    const r = a.byLine.get(row.line);
    if (r?.action === 'skip') return void leftOut++;
    if (r?.action === 'guest') return void guests.push({ name: r.name, municipalityNumber: r.municipalityNumber, sector: r.sector, minutes: row.minutes });
    const memberId = r?.action === 'member' ? r.memberId : match.status === 'matched' ? match.memberId : null;
    if (r?.action === 'member' && r.remember) remember.push({ alias: aliasOf(row), memberId: r.memberId });
    if (memberId) {
      if (!counted.has(memberId)) members.push({ memberId, minutes: row.minutes });
      counted.add(memberId);
      return;
    }
    if (needsResolution(match)) unresolved.push(row.line);
    else leftOut++; // a facilitator, or a second row of the same member
  });
  return { members, guests, remember, unresolved, leftOut };
}

export async function previewImport(db: Queryable, network: Network, itemId: string, body: ImportRequestBody, now: Date): Promise<Result<ImportPreviewResponse>> {
  const analysed = await analyse(db, network, itemId, body, now);
  if (!analysed.ok) return analysed;
  const a = analysed.value;
  const o = outcome(a);
  const memberDto = (id: string) => {
    const m = a.members.find((x) => x.memberId === id)!;
    return { memberId: m.memberId, name: m.displayName, municipalityName: m.municipalityName, sectorLabel: sectorLabel[m.sector] };
  };
  const rows: PreviewRow[] = a.report.rows.map((row, i) => {
    const m = a.matches[i]!;
    const hasMember = m.status === 'matched' || m.status === 'facilitator' || m.status === 'duplicate';
    return {
      line: row.line,
      name: row.name,
      email: row.email ?? (row.participantId?.includes('@') ? row.participantId.toLowerCase() : null),
      role: row.role,
      minutes: row.minutes,
      status: m.status,
      by: hasMember ? m.by : null,
      member: hasMember ? memberDto(m.memberId) : null,
      candidates: m.status === 'ambiguous' ? m.candidates : [],
      resolution: a.byLine.get(row.line) ?? null,
    };
  });
  return ok({
    item: itemRef(a.item),
    meeting: { title: a.report.meetingTitle, start: a.report.meetingStart },
    rows,
    unresolved: o.unresolved,
    willRecord: { members: o.members.length, guests: o.guests.length, leftOut: o.leftOut },
    people: a.members.filter((m) => m.role === 'deltaker').map((m) => ({ memberId: m.memberId, name: m.displayName, municipalityName: m.municipalityName })),
    municipalities: a.municipalities.map((m) => ({ number: m.number.trim(), name: m.name })),
    sectors: sectorChoices(),
  });
}

/** Writes the import in one transaction, or nothing: refused while a row is unresolved. */
export async function commitImport(
  db: Database,
  network: Network,
  itemId: string,
  body: ImportRequestBody,
  recordedBy: string,
  now: Date,
): Promise<Result<ImportResponse>> {
  return db.transaction(async (tx) => {
    const analysed = await analyse(tx, network, itemId, body, now);
    if (!analysed.ok) return analysed;
    const o = outcome(analysed.value);
    if (o.unresolved.length > 0) {
      return invalid(t('report.unresolved', { count: o.unresolved.length, lines: o.unresolved.join(', ') }), 'resolutions');
    }
    const written = await recordAttendance(tx, { networkId: network.id, planItemId: itemId, source: 'import', recordedBy, members: o.members, guests: o.guests, now });
    if (!written.ok) return written;
    for (const r of o.remember) await rememberAlias(tx, network.id, r.alias, r.memberId);
    return ok({ members: o.members.length, guests: o.guests.length, leftOut: o.leftOut, remembered: o.remember.length });
  });
}
