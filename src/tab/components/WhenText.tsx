import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { timeRangeParts } from '../format.js';
import type { Lang } from '../i18n.js';

const useStyles = makeStyles({
  stacked: { display: 'flex', flexDirection: 'column' },
  inline: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  clock: { color: tokens.colorNeutralForeground2 },
});

/**
 * "tir. 1. des." with "kl. 10:00–12:00" beside or below it; a span over several days shows
 * its start and its end each with their own date. The text reads as one phrase either way.
 */
export function WhenText(props: { startsAt: string; endsAt: string; timeZone: string; inline?: boolean }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const p = timeRangeParts(props.startsAt, props.endsAt, i18n.language as Lang, props.timeZone);
  const layout = mergeClasses(props.inline ? s.inline : s.stacked);
  if (p.sameDay) {
    return (
      <time dateTime={props.startsAt} className={layout}>
        <Text weight="semibold">{p.startDate}</Text>{' '}
        <Text className={s.clock}>{t('time.clock', { start: p.start, end: p.end })}</Text>
      </time>
    );
  }
  return (
    <span className={layout}>
      <span>
        <time dateTime={props.startsAt}>
          <Text weight="semibold">{p.startDate}</Text> <Text className={s.clock}>{t('time.at', { time: p.start })}</Text>
        </time>{' '}
        –
      </span>{' '}
      <time dateTime={props.endsAt}>
        <Text weight="semibold">{p.endDate}</Text> <Text className={s.clock}>{t('time.at', { time: p.end })}</Text>
      </time>
    </span>
  );
}
