import { Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from './format.js';
import type { Breakdown, PollKind } from '../api-types.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  // A table of shares scrolls inside itself on a narrow pane rather than breaking words apart.
  scroller: { overflowX: 'auto', '& td, & th': { overflowWrap: 'normal' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Answers per municipality or per sector: a table of shares (or means), small groups already left out by the server. */
/**
 * A group's name in the tab's language: sectors from the shared catalogue (the words the cards
 * use), «Uten kommune (fasilitatorer)» for answers without one, municipalities by their own name.
 */
export function useGroupLabel(): (by: 'municipality' | 'sector', group: { key: string; label: string }) => string {
  const { t, i18n } = useTranslation();
  return (by, group) => {
    if (group.key === 'øvrige') return t('polls.breakdown.others');
    if (group.key === '-') return by === 'sector' ? t('polls.breakdown.unknownSector') : t('polls.breakdown.noMunicipality');
    if (by === 'sector') {
      const key = `shared:label.sector.${group.key}`;
      return i18n.exists(key) ? t(key) : group.label;
    }
    return group.label;
  };
}

export function BreakdownTable({ title, by, breakdown, kind, options }: { title: string; by: 'municipality' | 'sector'; breakdown: Breakdown; kind: PollKind; options: string[] }) {
  const groupLabel = useGroupLabel();
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
      <div className={s.scroller} role="region" aria-labelledby={id} tabIndex={0}>
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
                <TableCell>{groupLabel(by, g)}</TableCell>
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
