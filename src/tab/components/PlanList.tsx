import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR, MeetingLink, planItemAnchor, type PlanItemsProps } from './PlanTable.js';
import { Slots } from '../plan/Slots.js';
import { WhenText } from './WhenText.js';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  meta: { color: tokens.colorNeutralForeground2 },
  agenda: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-line' },
  focusable: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
});

/** The plan for narrow panes (mobile, meeting side panel), where four columns do not fit. */
export function PlanList(props: PlanItemsProps) {
  const { t } = useTranslation();
  const s = useStyles();
  return (
    <ul className={s.list} aria-labelledby={props.labelledBy}>
      {props.items.map((item) => (
        <li key={item.id} id={planItemAnchor(item.id)} tabIndex={-1} className={`${s.item} ${s.focusable}`}>
          <Badge appearance="tint" shape="rounded" color={KIND_COLOR[item.kind]}>
            {t(`shared:label.kind.${item.kind}`)}
          </Badge>
          <Text weight="semibold">{item.title}</Text>
          <WhenText startsAt={item.startsAt} endsAt={item.endsAt} timeZone={props.timeZone} inline />
          <Text size={200} className={s.meta}>
            {t(`shared:label.format.${item.format}`)} ·{' '}
            {item.responsibleBody ? t(`shared:label.body.${item.responsibleBody}`) : t('plan.noResponsible')}
          </Text>
          {item.agenda && (
            <Text size={200} className={s.agenda}>
              {item.agenda}
            </Text>
          )}
          <Slots item={item} timeZone={props.timeZone} mine={props.myMunicipality ?? null} />
          {props.showLinks && item.meetingUrl && (
            <MeetingLink item={{ ...item, meetingUrl: item.meetingUrl }} inTeams={props.inTeams} />
          )}
          {props.renderActions?.(item)}
        </li>
      ))}
    </ul>
  );
}
