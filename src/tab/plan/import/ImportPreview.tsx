import {
  Badge,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR } from '../../components/PlanTable.js';
import { useStackedTableStyles } from '../../components/stackedTable.js';
import { formatClockRange, formatDate } from '../../format.js';
import type { ImportItemPreview, ImportRowError, PlanImportPreviewResponse } from '../../api-types.js';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  table: { width: '100%' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  what: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  agenda: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-line' },
  // A preview is read, not clicked: no hover colour (in high contrast it hid the kind badges).
  row: {
    ':hover': { backgroundColor: 'transparent', color: tokens.colorNeutralForeground1 },
    ':active': { backgroundColor: 'transparent', color: tokens.colorNeutralForeground1 },
  },
  errorRow: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground1 },
    ':active': { backgroundColor: tokens.colorStatusDangerBackground1 },
  },
  errorText: { color: tokens.colorStatusDangerForeground1 },
  rowNo: { width: '3.5rem' },
  colTake: { width: '4.5rem' },
  slots: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  colDate: { width: '19%' },
  colTime: { width: '16%' },
  colFormat: { width: '15%' },
  colResp: { width: '11%' },
});

type Line = { row: number | null; item: ImportItemPreview; index: number; key: string } | { row: number; errors: ImportRowError[]; key: string };

/** Items and unreadable rows in the order of the pasted table, so each problem sits where its row was. */
function linesOf(preview: PlanImportPreviewResponse): Line[] {
  const lines: Line[] = preview.items.map((item, i) => ({ row: item.row, item, index: i, key: `i${i}` }));
  const byRow = new Map<number, ImportRowError[]>();
  for (const e of preview.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [row, errors] of byRow) lines.push({ row, errors, key: `e${row}` });
  return lines.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** A template's items can be left out one by one: the indexes still to import. */
export interface ImportSelection {
  chosen: ReadonlySet<number>;
  toggle(index: number): void;
}

/**
 * What an import would create, as a table (stacked blocks below 600 px), with the rows that
 * cannot be read shown in their place and a summary of what to look at before importing.
 */
export function ImportPreview({ preview, showRows, selection }: { preview: PlanImportPreviewResponse; showRows: boolean; selection?: ImportSelection }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const stacked = useStackedTableStyles();
  const captionId = useId();
  const lang = i18n.language;
  const tz = preview.timeZone;
  const errorRows = new Set(preview.errors.map((e) => e.row)).size;
  const cols = (showRows ? 6 : 5) + (selection ? 1 : 0);
  const count = selection ? selection.chosen.size : preview.items.length;

  return (
    <div className={s.wrap}>
      {errorRows > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('planImport.errorsTitle', { count: errorRows })}</MessageBarTitle>
            {t('planImport.errorsBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('planImport.warningsTitle')}</MessageBarTitle>
            <ul className={s.list}>
              {preview.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text id={captionId} weight="semibold">
        {t('planImport.previewTitle', { count })}
      </Text>
      {selection && <Text>{t('planImport.chooseHint')}</Text>}
      <Table className={mergeClasses(s.table, stacked.table)} aria-labelledby={captionId} size="small">
        <TableHeader>
          <TableRow>
            {selection && <TableHeaderCell className={s.colTake}>{t('planImport.col.take')}</TableHeaderCell>}
            {showRows && <TableHeaderCell className={s.rowNo}>{t('planImport.col.row')}</TableHeaderCell>}
            <TableHeaderCell className={s.colDate}>{t('planImport.col.date')}</TableHeaderCell>
            <TableHeaderCell className={s.colTime}>{t('planImport.col.time')}</TableHeaderCell>
            <TableHeaderCell>{t('planImport.col.what')}</TableHeaderCell>
            <TableHeaderCell className={s.colFormat}>{t('planImport.col.format')}</TableHeaderCell>
            <TableHeaderCell className={s.colResp}>{t('planImport.col.responsible')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {linesOf(preview).map((line) =>
            'errors' in line ? (
              <TableRow key={line.key} className={mergeClasses(s.row, s.errorRow)}>
                {showRows && (
                  <TableCell className={s.cell} data-label={t('planImport.col.row')}>
                    {line.row}
                  </TableCell>
                )}
                <TableCell className={s.cell} colSpan={cols - (showRows ? 1 : 0) - (selection ? 1 : 0)}>
                  <ul className={mergeClasses(s.list, s.errorText)}>
                    {line.errors.map((e, i) => (
                      <li key={i}>{t('planImport.rowError', { row: e.row, column: e.columnLabel, message: e.message })}</li>
                    ))}
                  </ul>
                </TableCell>
              </TableRow>
            ) : (
              <TableRow key={line.key} className={s.row}>
                {selection && (
                  <TableCell className={s.cell} data-label={t('planImport.col.take')}>
                    <Checkbox
                      checked={selection.chosen.has(line.index)}
                      onChange={() => selection.toggle(line.index)}
                      aria-label={t('planImport.take', { title: line.item.title, date: formatDate(line.item.startsAt, lang, tz) })}
                    />
                  </TableCell>
                )}
                {showRows && (
                  <TableCell className={s.cell} data-label={t('planImport.col.row')}>
                    {line.row}
                  </TableCell>
                )}
                <TableCell className={s.cell} data-label={t('planImport.col.date')}>
                  {formatDate(line.item.startsAt, lang, tz)} {line.item.date.slice(0, 4)}
                </TableCell>
                <TableCell className={s.cell} data-label={t('planImport.col.time')}>
                  {formatClockRange(line.item.startsAt, line.item.endsAt, lang, tz)}
                </TableCell>
                <TableCell className={s.cell} data-label={t('planImport.col.what')}>
                  <div className={s.what}>
                    <Badge appearance="tint" shape="rounded" color={KIND_COLOR[line.item.kind]}>
                      {t(`shared:label.kind.${line.item.kind}`)}
                    </Badge>
                    <Text weight="semibold">{line.item.title}</Text>
                    {line.item.agenda && (
                      <Text size={200} className={s.agenda}>
                        {line.item.agenda}
                      </Text>
                    )}
                    {line.item.slots.length > 0 && (
                      <>
                        <Text size={200}>{t('planImport.slots', { count: line.item.slots.length })}</Text>
                        <ul className={s.slots}>
                          {line.item.slots.map((slot) => (
                            <li key={slot.municipalityNumber}>
                              <Text size={200}>
                                {slot.municipalityName} {formatClockRange(slot.startsAt, slot.endsAt, lang, tz)}
                              </Text>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </div>
                </TableCell>
                <TableCell className={s.cell} data-label={t('planImport.col.format')}>
                  {t(`shared:label.format.${line.item.format}`)}
                </TableCell>
                <TableCell className={s.cell} data-label={t('planImport.col.responsible')}>
                  {line.item.responsibleBody ? t(`shared:label.body.${line.item.responsibleBody}`) : t('plan.noResponsible')}
                </TableCell>
              </TableRow>
            ),
          )}
        </TableBody>
      </Table>
    </div>
  );
}
