import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import type { AttendanceImportPreview, AttendanceImportResponse, AttendanceResolution } from '../api-types.js';
import { useStackedTableStyles } from '../components/stackedTable.js';
import { attendanceApi, fileAsBase64 } from './api.js';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, outline: 'none' },
  file: { maxWidth: '100%' },
  fileField: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  scroller: { overflowX: 'auto' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
  caption: { textAlign: 'start', captionSide: 'top', color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalXS },
  resolve: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Row = AttendanceImportPreview['rows'][number];
/** A row's answer while the facilitator is still choosing: a guest's sector may be missing. */
type Draft =
  | { action: 'member'; memberId: string; remember: boolean }
  | { action: 'guest'; name: string; municipalityNumber: string | null; sector: string }
  | { action: 'skip' };

const complete = (d: Draft | undefined): boolean => !!d && (d.action !== 'guest' || (d.name.trim() !== '' && d.sector !== ''));

function toResolution(line: number, d: Draft): AttendanceResolution {
  if (d.action === 'member') return { line, action: 'member', memberId: d.memberId, remember: d.remember };
  if (d.action === 'guest') return { line, action: 'guest', name: d.name.trim(), municipalityNumber: d.municipalityNumber, sector: d.sector as never };
  return { line, action: 'skip' };
}

/**
 * Teams' attendance report: pick the file, read the preview (every match says how it was made),
 * resolve whom the app does not know (a member, a guest, or left out) and import. Nothing is
 * written until every row is answered.
 */
export function ImportPanel({ networkId, itemId, onImported }: { networkId: string; itemId: string; onImported(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const stacked = useStackedTableStyles();
  const result = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const hintId = useId();
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<AttendanceImportPreview | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<number, Draft>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<AttendanceImportResponse | null>(null);

  useEffect(() => {
    if (preview || done) result.current?.focus();
  }, [preview, done]);

  const fail = (e: unknown) => setError(e instanceof ApiError && e.message ? e.message : t('common.errorFallback'));

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const picked = e.target.files?.[0];
    setPreview(null);
    setDone(null);
    setError(null);
    setDrafts(new Map());
    if (!picked) return;
    setBusy(true);
    try {
      const encoded = await fileAsBase64(picked);
      setFile(encoded);
      setPreview(await attendanceApi.preview(networkId, itemId, { file: encoded, fileName: picked.name.slice(0, 200) }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  const needing = preview?.rows.filter((r) => r.status === 'unmatched' || r.status === 'ambiguous') ?? [];
  const open = needing.filter((r) => !complete(drafts.get(r.line)));
  const setDraft = (line: number, d: Draft | undefined) =>
    setDrafts((old) => {
      const next = new Map(old);
      if (d) next.set(line, d);
      else next.delete(line);
      return next;
    });

  async function commit() {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const resolutions = needing.map((r) => toResolution(r.line, drafts.get(r.line)!));
      setDone(await attendanceApi.commit(networkId, itemId, { file, resolutions }));
      onImported();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div ref={result} tabIndex={-1} className={s.result} role="status">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('attendance.imported', { members: done.members, guests: done.guests, leftOut: done.leftOut })}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  return (
    <div className={s.panel}>
      <Text>{t('attendance.importIntro')}</Text>
      <div className={s.fileField}>
        <Label htmlFor={fileId} weight="semibold">
          {t('attendance.file')}
        </Label>
        <input id={fileId} aria-describedby={hintId} className={s.file} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void pick(e)} />
        <Text id={hintId} size={200} className={s.sub}>
          {t('attendance.fileHint')}
        </Text>
      </div>
      {error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <div ref={result} tabIndex={-1} className={s.result} role="region" aria-label={t('attendance.previewRegion')}>
          {(preview.meeting.title || preview.meeting.start) && (
            <Text>{t('attendance.reportIs', { title: preview.meeting.title ?? '–', start: preview.meeting.start ?? '–' })}</Text>
          )}
          <div className={s.scroller}>
            <Table className={stacked.table} size="small">
              <caption className={s.caption}>{t('attendance.previewCaption', { count: preview.rows.length })}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('attendance.reportName')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('attendance.minutes')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('attendance.outcome')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.rows.map((r) => (
                  <TableRow key={r.line}>
                    <TableCell className={s.cell}>
                      <Text weight="semibold">{r.name}</Text>
                      <Text size={200} className={s.sub}>
                        {[t('attendance.line', { line: r.line }), r.email].filter(Boolean).join(' · ')}
                      </Text>
                    </TableCell>
                    <TableCell className={s.cell} data-label={t('attendance.minutes')}>
                      {r.minutes ?? '–'}
                    </TableCell>
                    <TableCell className={s.cell} data-label={t('attendance.outcome')}>
                      {outcomeText(r, drafts.get(r.line), preview, t)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {needing.length > 0 && (
            <>
              <Text weight="semibold">{t('attendance.resolveTitle', { count: needing.length })}</Text>
              {needing.map((r) => (
                <Resolve key={r.line} row={r} preview={preview} draft={drafts.get(r.line)} onChange={(d) => setDraft(r.line, d)} />
              ))}
            </>
          )}
          {open.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('attendance.stillOpenTitle')}</MessageBarTitle>
                {t('attendance.stillOpen', { count: open.length, lines: open.map((r) => r.line).join(', ') })}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={s.actions}>
            <Button appearance="primary" disabledFocusable={busy || open.length > 0} onClick={() => void commit()}>
              {t('attendance.importButton')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

function outcomeText(r: Row, d: Draft | undefined, p: AttendanceImportPreview, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (r.member) {
    const who = `${r.member.name}, ${r.member.municipalityName ?? t('attendance.withoutMunicipality')}`;
    if (r.status === 'facilitator') return t('attendance.outcomeFacilitator', { who });
    if (r.status === 'duplicate') return t('attendance.outcomeDuplicate', { who });
    return t('attendance.outcomeMatched', { who, how: t(`attendance.by.${r.by}`) });
  }
  if (d?.action === 'skip') return t('attendance.outcomeSkip');
  if (d?.action === 'member') return t('attendance.outcomeChosen', { who: p.people.find((x) => x.memberId === d.memberId)?.name ?? '' });
  if (d?.action === 'guest' && complete(d)) return t('attendance.outcomeGuest', { name: d.name });
  return r.status === 'ambiguous' ? t('attendance.outcomeAmbiguous') : t('attendance.outcomeUnknown');
}

function Resolve({ row, preview, draft, onChange }: { row: Row; preview: AttendanceImportPreview; draft: Draft | undefined; onChange(d: Draft | undefined): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const value = !draft ? '' : draft.action === 'member' ? `member:${draft.memberId}` : draft.action;
  // Members with the same name first, for an ambiguous row.
  const people = [...preview.people].sort((a, b) => Number(row.candidates.includes(b.memberId)) - Number(row.candidates.includes(a.memberId)));
  function choose(v: string) {
    if (v === '') onChange(undefined);
    else if (v === 'skip') onChange({ action: 'skip' });
    else if (v === 'guest') onChange({ action: 'guest', name: row.name, municipalityNumber: null, sector: '' });
    else onChange({ action: 'member', memberId: v.slice('member:'.length), remember: true });
  }
  return (
    <fieldset className={s.resolve}>
      <legend className={s.legend}>{t('attendance.resolveRow', { line: row.line, name: row.name })}</legend>
      <Field label={t('attendance.whoIs')}>
        <Select value={value} onChange={(_e, d) => choose(d.value)}>
          <option value="">{t('attendance.choose')}</option>
          {people.map((p) => (
            <option key={p.memberId} value={`member:${p.memberId}`}>
              {`${p.name}${p.municipalityName ? `, ${p.municipalityName}` : ''}`}
            </option>
          ))}
          <option value="guest">{t('attendance.asGuest')}</option>
          <option value="skip">{t('attendance.leaveOut')}</option>
        </Select>
      </Field>
      {draft?.action === 'member' && (
        <Checkbox checked={draft.remember} onChange={(_e, d) => onChange({ ...draft, remember: !!d.checked })} label={t('attendance.remember')} />
      )}
      {draft?.action === 'guest' && (
        <>
          <Field label={t('attendance.guestName')} required validationMessage={draft.name.trim() === '' ? t('attendance.guestNameMissing') : undefined}>
            <Input value={draft.name} maxLength={200} onChange={(_e, d) => onChange({ ...draft, name: d.value })} />
          </Field>
          <Field label={t('attendance.guestMunicipality')}>
            <Select value={draft.municipalityNumber ?? ''} onChange={(_e, d) => onChange({ ...draft, municipalityNumber: d.value || null })}>
              <option value="">{t('attendance.withoutMunicipality')}</option>
              {preview.municipalities.map((m) => (
                <option key={m.number} value={m.number}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('attendance.guestSector')} required>
            <Select value={draft.sector} onChange={(_e, d) => onChange({ ...draft, sector: d.value })}>
              <option value="">{t('attendance.chooseSector')}</option>
              {preview.sectors.map((x) => (
                <option key={x.sector} value={x.sector}>
                  {x.label}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
    </fieldset>
  );
}
