import { Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from './format.js';
import type { Breakdown, PollKind } from '../api-types.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  scroller: { overflowX: 'auto' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Answers per municipality or per sector: a table of shares (or means), small groups already left out by the server. */
export function BreakdownTable({ title, breakdown, kind, options }: { title: string; breakdown: Breakdown; kind: PollKind; options: string[] }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const id = useId();
  const groups = [...breakdown.groups, ...(breakdown.others ? [{ ...breakdown.others, label: t('polls.breakdown.others') }] : [])];
  if (kind === 'fritekst' || groups.length === 0) return null;
  const lang = i18n.language;
  return (
    <section className={s.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={s.heading}>
        {title}
      </Subtitle2>
      <div className={s.scroller}>
        <Table size="small" aria-labelledby={id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('polls.breakdown.group')}</TableHeaderCell>
              <TableHeaderCell>{t('polls.breakdown.n')}</TableHeaderCell>
              {kind === 'skala' ? <TableHeaderCell>{t('polls.breakdown.mean')}</TableHeaderCell> : options.map((o) => <TableHeaderCell key={o}>{o}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {groups.map((g) => (
              <TableRow key={g.key}>
                <TableCell>{g.label}</TableCell>
                <TableCell>{g.respondents}</TableCell>
                {kind === 'skala' ? (
                  <TableCell>{g.distribution.mean === null ? '–' : formatNumber(g.distribution.mean, lang)}</TableCell>
                ) : (
                  g.distribution.options.map((o) => <TableCell key={o.index}>{formatShare(o.share, lang)}</TableCell>)
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {breakdown.hiddenRespondents > 0 && <Text className={s.note}>{t('polls.breakdown.hidden', { count: breakdown.hiddenRespondents, min: 5 })}</Text>}
    </section>
  );
}
