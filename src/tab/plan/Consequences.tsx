import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PlanConsequences } from '../api-types.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** What a save or a delete will do, in the server's words (already in the tab's language). */
export function Consequences({ consequences, intent = 'info' }: { consequences: PlanConsequences; intent?: 'info' | 'warning' }) {
  const { t } = useTranslation();
  const s = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="plan-consequences">
      <MessageBarBody>
        <MessageBarTitle>{t('editor.consequencesTitle')}</MessageBarTitle>
        <ul className={s.list}>
          {consequences.summary.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
