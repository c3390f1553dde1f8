import {
  MessageBar,
  MessageBarBody,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import type { Lang } from '../i18n.js';
import { workApi } from './api.js';
import { formatDay } from './dates.js';
import type { Phase, StandingResponse } from '../api-types.js';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { minWidth: '560px' },
  colName: { width: '20%' },
  colPhase: { width: '30%' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  focus: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  date: { color: tokens.colorNeutralForeground2 },
  // Like a badge, but long solution names wrap instead of spilling out of a fixed-height pill.
  chip: {
    display: 'inline',
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    boxDecorationBreak: 'clone',
  },
  head: { fontWeight: tokens.fontWeightSemibold },
  bar: { marginBottom: tokens.spacingVerticalS },
});

/** Each municipality's reform phase (facilitators set it here) and chosen focus areas with their dates. */
export function FocusPhaseTable({ networkId, data, labelledBy }: { networkId: string; data: StandingResponse; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [phases, setPhases] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(data.municipalities.map((m) => [m.number, m.phase])),
  );
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const lang = i18n.language as Lang;

  async function changePhase(number: string, name: string, value: string) {
    // The choices are the server's own phases (data.phases).
    const phase = value === '' ? null : (Number(value) as Phase);
    const before = phases[number] ?? null;
    setPhases((p) => ({ ...p, [number]: phase }));
    try {
      await workApi.setPhase(networkId, number, phase);
      setResult({ ok: true, message: t('focus.phaseSaved', { municipality: name }) });
    } catch (error) {
      setPhases((p) => ({ ...p, [number]: before }));
      setResult({ ok: false, message: error instanceof ApiError && error.message ? error.message : t('common.errorFallback') });
    }
  }

  return (
    <>
      {result && (
        <MessageBar layout="multiline" className={s.bar} intent={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'}>
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.scroller} role="region" aria-labelledby={labelledBy} tabIndex={0}>
        <Table className={s.table} aria-labelledby={labelledBy}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.colName}>
                <span className={s.head}>{t('focus.municipality')}</span>
              </TableHeaderCell>
              <TableHeaderCell className={s.colPhase}>
                <span className={s.head}>{t('focus.phase')}</span>
              </TableHeaderCell>
              <TableHeaderCell>
                <span className={s.head}>{t('focus.areas')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.municipalities.map((m) => {
              const phase = phases[m.number] ?? null;
              return (
                <TableRow key={m.number}>
                  <TableCell className={s.cell}>
                    <Text weight="semibold">{m.name}</Text>
                  </TableCell>
                  <TableCell className={s.cell}>
                    {data.canSetPhase ? (
                      <Select
                        size="small"
                        aria-label={t('focus.phaseLabel', { municipality: m.name })}
                        value={phase === null ? '' : String(phase)}
                        onChange={(_e, d) => void changePhase(m.number, m.name, d.value)}
                      >
                        <option value="">{t('focus.noPhase')}</option>
                        {data.phases.map((p) => (
                          <option key={p.phase} value={String(p.phase)}>
                            {t(`focus.phases.${p.phase}`)}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <Text>{phase === null ? t('focus.noPhase') : t(`focus.phases.${phase}`)}</Text>
                    )}
                  </TableCell>
                  <TableCell className={s.cell}>
                    {m.focus.length === 0 ? (
                      <Text className={s.date}>{t('focus.none')}</Text>
                    ) : (
                      <div className={s.focus}>
                        {m.focus.map((f, i) => (
                          <span key={i}>
                            <span className={s.chip}>{f.solutionName ? `${f.focusAreaName}: ${f.solutionName}` : f.focusAreaName}</span>{' '}
                            <Text size={200} className={s.date}>
                              {t('focus.chosenOn', { date: formatDay(f.chosenOn) })}
                            </Text>
                          </span>
                        ))}
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
