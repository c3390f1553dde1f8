import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { WhenText } from './WhenText.js';
import { openInTeams } from '../teams.js';
import { visuallyHidden } from './visuallyHidden.js';
import { Slots } from '../plan/Slots.js';
import type { PlanItem, PlanItemKind } from '../api-types.js';
import type { ReactNode } from 'react';

/** The element id an item's row or card has, so a deep link or a save can scroll to it and focus it. */
export const planItemAnchor = (id: string) => `plan-item-${id}`;

export const KIND_COLOR: Record<PlanItemKind, BadgeProps['color']> = {
  samling: 'brand',
  veiledning: 'success',
  mellomarbeid: 'warning',
  dialogmote: 'informative',
  webinar: 'important',
};

const useStyles = makeStyles({
  // Narrow Teams panes scroll the table sideways instead of crushing the columns.
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  table: { minWidth: '600px' },
  colWhen: { width: '24%' },
  colFormat: { width: '17%' },
  colResp: { width: '15%' },
  head: { fontWeight: tokens.fontWeightSemibold },
  cell: { paddingBlock: tokens.spacingVerticalM, verticalAlign: 'top' },
  what: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  agenda: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-line' },
  srOnly: visuallyHidden,
  // Focused after a save or a deep link: the outline shows where the keyboard is.
  row: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
});

export function MeetingLink({ item, inTeams }: { item: PlanItem & { meetingUrl: string }; inTeams: boolean }) {
  const { t } = useTranslation();
  const s = useStyles();
  return (
    <Link
      href={item.meetingUrl}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        if (!inTeams) return;
        e.preventDefault();
        openInTeams(item.meetingUrl);
      }}
    >
      {t('plan.join')}
      {/* Several rows have this link; the hidden title tells screen-reader users which meeting. */}
      <span className={s.srOnly}> – {item.title}</span>
    </Link>
  );
}

export interface PlanItemsProps {
  items: PlanItem[];
  timeZone: string;
  labelledBy: string;
  inTeams: boolean;
  showLinks: boolean;
  /** The reader's own municipality: its slot in a veiledning per kommune stands out. */
  myMunicipality?: string | null;
  /** A facilitator's edit buttons for each item. */
  renderActions?: (item: PlanItem) => ReactNode;
}

export function PlanTable({ items, timeZone, labelledBy, inTeams, showLinks, myMunicipality = null, renderActions }: PlanItemsProps) {
  const { t } = useTranslation();
  const s = useStyles();
  return (
    <div className={s.scroller} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <Table className={s.table} aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.colWhen}>
              <span className={s.head}>{t('plan.columns.when')}</span>
            </TableHeaderCell>
            <TableHeaderCell>
              <span className={s.head}>{t('plan.columns.what')}</span>
            </TableHeaderCell>
            <TableHeaderCell className={s.colFormat}>
              <span className={s.head}>{t('plan.columns.format')}</span>
            </TableHeaderCell>
            <TableHeaderCell className={s.colResp}>
              <span className={s.head}>{t('plan.columns.responsible')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id} id={planItemAnchor(item.id)} tabIndex={-1} className={s.row}>
              <TableCell className={s.cell}>
                <WhenText startsAt={item.startsAt} endsAt={item.endsAt} timeZone={timeZone} />
              </TableCell>
              <TableCell className={s.cell}>
                <div className={s.what}>
                  <Badge appearance="tint" shape="rounded" color={KIND_COLOR[item.kind]}>
                    {t(`shared:label.kind.${item.kind}`)}
                  </Badge>
                  <Text weight="semibold">{item.title}</Text>
                  {item.agenda && (
                    <Text size={200} className={s.agenda}>
                      {item.agenda}
                    </Text>
                  )}
                  <Slots item={item} timeZone={timeZone} mine={myMunicipality} />
                  {showLinks && item.meetingUrl && (
                    <MeetingLink item={{ ...item, meetingUrl: item.meetingUrl }} inTeams={inTeams} />
                  )}
                  {renderActions?.(item)}
                </div>
              </TableCell>
              <TableCell className={s.cell}>{t(`shared:label.format.${item.format}`)}</TableCell>
              <TableCell className={s.cell}>
                {item.responsibleBody ? t(`shared:label.body.${item.responsibleBody}`) : t('plan.noResponsible')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
