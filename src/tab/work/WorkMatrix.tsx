import {
  Button,
  ProgressBar,
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
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n.js';
import { dueText } from './dates.js';
import { StatusChip } from './StatusChip.js';
import type { MatrixCell, MatrixResponse } from '../api-types.js';
import { WorkDialog } from './WorkDialog.js';

const useStyles = makeStyles({
  // Many assignments scroll sideways in a narrow Teams pane instead of squeezing.
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { minWidth: '560px' },
  colName: { width: '180px' },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  headTitle: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  cellInner: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  municipality: { fontWeight: tokens.fontWeightSemibold },
});

/** Municipalities × assignments: status in words, overdue marked, progress per assignment. */
export function WorkMatrix({ networkId, data, labelledBy, onChanged }: { networkId: string; data: MatrixResponse; labelledBy: string; onChanged: (cell: MatrixCell) => void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  // The dialog stays mounted after closing (open=false): unmounting it while open leaves the
  // page aria-hidden behind it, invisible to screen readers.
  const [open, setOpen] = useState<{ assignmentId: string; municipalityNumber: string } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const lang = i18n.language as Lang;
  const scroller = useRef<HTMLDivElement>(null);
  /** Esc or «Lukk» puts the focus back on the «Oppdater» button that opened the dialog (or the table, if that step is gone). */
  const returnFocus = (key: string) => {
    const back = () => {
      const button = scroller.current?.querySelector<HTMLButtonElement>(`[data-cell="${CSS.escape(key)}"]`);
      (button ?? scroller.current)?.focus();
    };
    back();
    // The dialog's own focus handling runs while it animates out; settle after it.
    setTimeout(() => {
      if (document.activeElement === document.body || !document.activeElement) back();
    }, 300);
  };
  const cellOf = (a: string, m: string) => data.cells.find((c) => c.assignmentId === a && c.municipalityNumber === m);
  const openCell = open && cellOf(open.assignmentId, open.municipalityNumber);
  const openAssignment = open && data.assignments.find((a) => a.id === open.assignmentId);
  const openMunicipality = open && data.municipalities.find((m) => m.number === open.municipalityNumber);

  return (
    <>
      <div ref={scroller} className={s.scroller} role="region" aria-labelledby={labelledBy} tabIndex={0}>
        <Table className={s.table} aria-labelledby={labelledBy}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.colName}>
                <span className={s.headTitle}>{t('work.municipality')}</span>
              </TableHeaderCell>
              {data.assignments.map((a) => {
                const due = dueText(a.dueAt, lang);
                return (
                  <TableHeaderCell key={a.id}>
                    <div className={s.head}>
                      <span className={s.headTitle}>{a.title}</span>
                      <Text size={200} className={s.muted}>
                        {t('work.due', { when: due })}
                      </Text>
                      <Text size={200}>{t('work.progress', a.progress)}</Text>
                      <ProgressBar
                        value={a.progress.total ? a.progress.delivered / a.progress.total : 0}
                        max={1}
                        thickness="large"
                        aria-label={t('work.progressLabel', { title: a.title })}
                        aria-valuetext={t('work.progress', a.progress)}
                      />
                    </div>
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.municipalities.map((m) => (
              <TableRow key={m.number}>
                <TableCell className={s.cell}>
                  <span className={s.municipality}>{m.name}</span>
                </TableCell>
                {data.assignments.map((a) => {
                  const cell = cellOf(a.id, m.number);
                  const actionable = cell && (cell.canEditSubmission || cell.nextStatuses.length > 0 || data.canReview);
                  return (
                    <TableCell key={a.id} className={s.cell}>
                      {cell ? (
                        <div className={s.cellInner}>
                          <StatusChip status={cell.status} overdue={cell.overdue} />
                          {actionable && (
                            <Button
                              size="small"
                              appearance="secondary"
                              aria-label={t('work.openLabel', { title: a.title, municipality: m.name })}
                              data-cell={`${a.id}:${m.number}`}
                              onClick={() => {
                                setOpen({ assignmentId: a.id, municipalityNumber: m.number });
                                setDialogOpen(true);
                              }}
                            >
                              {t('work.open')}
                            </Button>
                          )}
                        </div>
                      ) : (
                        <Text className={s.muted}>{t('work.notAssigned')}</Text>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {openCell && openAssignment && openMunicipality && (
        <WorkDialog
          key={`${openCell.assignmentId}:${openCell.municipalityNumber}`}
          open={dialogOpen}
          networkId={networkId}
          assignment={openAssignment}
          municipalityName={openMunicipality.name}
          cell={openCell}
          canReview={data.canReview}
          onSaved={onChanged}
          onClose={() => {
            setDialogOpen(false);
            returnFocus(`${openCell.assignmentId}:${openCell.municipalityNumber}`);
          }}
        />
      )}
    </>
  );
}
