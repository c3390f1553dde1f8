import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { dateClockJoint, formatClockRange, formatDate, formatDateTime, sameDay } from '../format.js';

const useStyles = makeStyles({
  stacked: { display: 'flex', flexDirection: 'column' },
  inline: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  clock: { color: tokens.colorNeutralForeground2 },
});

/**
 * «tir. 1. desember» with «kl. 10.00–12.00» beside or below it (English «Tue 1 December,
 * 10:00–12:00»); a span over several days shows its start and its end each with their own date.
 * The text reads as one phrase either way.
 */
export function WhenText(props: { startsAt: string; endsAt: string; timeZone: string; inline?: boolean }) {
  const { i18n } = useTranslation();
  const s = useStyles();
  const lang = i18n.language;
  const layout = mergeClasses(props.inline ? s.inline : s.stacked);
  if (sameDay(props.startsAt, props.endsAt, props.timeZone)) {
    const joint = props.inline ? dateClockJoint(lang).trimEnd() : '';
    return (
      <time dateTime={props.startsAt} className={layout}>
        <Text weight="semibold">
          {formatDate(props.startsAt, lang, props.timeZone)}
          {joint}
        </Text>{' '}
        <Text className={s.clock}>{formatClockRange(props.startsAt, props.endsAt, lang, props.timeZone)}</Text>
      </time>
    );
  }
  return (
    <span className={layout}>
      <span>
        <time dateTime={props.startsAt}>{formatDateTime(props.startsAt, lang, props.timeZone)}</time> –
      </span>{' '}
      <time dateTime={props.endsAt}>{formatDateTime(props.endsAt, lang, props.timeZone)}</time>
    </span>
  );
}
