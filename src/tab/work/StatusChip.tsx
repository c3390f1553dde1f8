import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WorkStatus } from '../api-types.js';

// Colour only repeats what the words say: every chip carries its status as text.
const COLOR: Record<WorkStatus, BadgeProps['color']> = {
  'ikke-startet': 'informative',
  pabegynt: 'warning',
  levert: 'success',
  'tilbakemelding-gitt': 'brand',
};

const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export function StatusChip({ status, overdue }: { status: WorkStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  const s = useStyles();
  return (
    <span className={s.chips}>
      <Badge appearance="tint" shape="rounded" color={COLOR[status]}>
        {t(`work.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge appearance="filled" shape="rounded" color="danger">
          {t('work.overdue')}
        </Badge>
      )}
    </span>
  );
}
