import { Badge, Button, Table, mergeClasses, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useStackedTableStyles } from '../components/stackedTable.js';
import { formatWhen } from './format.js';
import type { Poll } from '../api-types.js';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto', borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
  table: { minWidth: '560px' },
  question: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  tags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  link: { textAlign: 'start', minWidth: 0, height: 'auto', paddingInline: 0, whiteSpace: 'normal' },
});

/** The network's polls, newest first; a question opens its results. */
export function PollTable({ polls, selectedId, onSelect, timeZone, labelledBy }: { polls: Poll[]; selectedId: string | null; onSelect(id: string): void; timeZone: string; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const stacked = useStackedTableStyles();
  return (
    <div className={s.scroller}>
      <Table className={mergeClasses(s.table, stacked.table)} aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('polls.columns.question')}</TableHeaderCell>
            <TableHeaderCell>{t('polls.columns.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('polls.columns.status')}</TableHeaderCell>
            <TableHeaderCell>{t('polls.columns.answers')}</TableHeaderCell>
            <TableHeaderCell>{t('polls.columns.opens')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {polls.map((p) => (
            <TableRow key={p.id} aria-selected={p.id === selectedId}>
              <TableCell>
                <div className={s.question}>
                  <Button appearance="transparent" className={s.link} onClick={() => onSelect(p.id)} aria-current={p.id === selectedId ? 'true' : undefined}>
                    <Text weight={p.id === selectedId ? 'bold' : 'semibold'} underline>
                      {p.question}
                    </Text>
                  </Button>
                  <span className={s.tags}>
                    {p.anonymous && <Badge appearance="outline" size="small">{t('polls.anonymous')}</Badge>}
                    {p.repeatOf && <Badge appearance="outline" size="small">{t('polls.repeat')}</Badge>}
                  </span>
                </div>
              </TableCell>
              <TableCell data-label={t('polls.columns.kind')}>{t(`polls.kind.${p.kind}`)}</TableCell>
              <TableCell data-label={t('polls.columns.status')}>
                <Badge appearance="tint" color={p.status === 'apen' ? 'success' : p.status === 'planlagt' ? 'informative' : 'subtle'}>
                  {t(`polls.status.${p.status}`)}
                </Badge>
              </TableCell>
              <TableCell data-label={t('polls.columns.answers')}>{p.respondents ?? 0}</TableCell>
              <TableCell data-label={t('polls.columns.opens')}>{formatWhen(p.opensAt, i18n.language, timeZone)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
