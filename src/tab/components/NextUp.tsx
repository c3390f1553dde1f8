import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR } from './PlanTable.js';
import { WhenText } from './WhenText.js';
import { openInTeams } from '../teams.js';
import { Slots } from '../plan/Slots.js';
import type { PlanItem } from '../api-types.js';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', margin: 0 },
  meta: { display: 'flex', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXXS, flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
});

/** The one thing most participants open the tab for: when is the next session, and how do I join. */
export function NextUp({ item, timeZone, inTeams, myMunicipality = null }: { item: PlanItem; timeZone: string; inTeams: boolean; myMunicipality?: string | null }) {
  const { t } = useTranslation();
  const s = useStyles();
  const headingId = useId();
  const url = item.meetingUrl;
  return (
    <section className={s.card} aria-labelledby={headingId}>
      <div className={s.body}>
        <Text as="h2" size={200} id={headingId} className={s.label}>
          {t('plan.next')}
        </Text>
        <p className={s.titleRow}>
          <Text size={500} weight="semibold">
            {item.title}
          </Text>
          <Badge appearance="tint" shape="rounded" color={KIND_COLOR[item.kind]}>
            {t(`shared:label.kind.${item.kind}`)}
          </Badge>
        </p>
        <div className={s.meta}>
          <WhenText startsAt={item.startsAt} endsAt={item.endsAt} timeZone={timeZone} inline />
          <Text>{t(`shared:label.format.${item.format}`)}</Text>
        </div>
        {/* A deltaker in a veiledning per kommune looks for their own municipality's time. */}
        <Slots item={item} timeZone={timeZone} mine={myMunicipality} />
      </div>
      {url && (
        <Button
          as="a"
          appearance="primary"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(e) => {
            if (!inTeams) return;
            e.preventDefault();
            openInTeams(url);
          }}
        >
          {t('plan.join')}
        </Button>
      )}
    </section>
  );
}
