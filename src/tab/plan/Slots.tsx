import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatClockRange } from '../format.js';
import type { PlanItem } from '../api-types.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  mine: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

/** A veiledning per kommune's times; the reader's own municipality stands out (and says so). */
export function Slots({ item, timeZone, mine }: { item: PlanItem; timeZone: string; mine: string | null }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  if (item.slots.length === 0) return null;
  return (
    <ul className={s.list} aria-label={t('editor.slots.listLabel', { title: item.title })}>
      {item.slots.map((slot) => {
        const own = slot.municipalityNumber === mine;
        return (
          <li key={slot.municipalityNumber}>
            <Text size={200} className={own ? s.mine : undefined}>
              {slot.municipalityName}: {formatClockRange(slot.startsAt, slot.endsAt, i18n.language, timeZone)}
              {own && ` (${t('editor.slots.yours')})`}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
