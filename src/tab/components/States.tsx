import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { SignInError } from '../auth.js';
import { ConsentBar } from './ConsentBar.js';

const useStyles = makeStyles({
  loading: { paddingBlock: tokens.spacingVerticalXXXL },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  emptyTitle: { margin: 0 },
});

export function Loading({ label }: { label: string }) {
  const s = useStyles();
  return <Spinner className={s.loading} label={label} labelPosition="below" />;
}

/** A refusal of the caller's role (403) is the same on every retry: no «Prøv igjen» for it (issue 13). */
function refusedForGood(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function ErrorBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof SignInError && error.kind === 'consent') return <ConsentBar onConsented={onRetry} />;
  // The server's message is already Norwegian and user-facing; anything else gets a generic text.
  const message =
    error instanceof ApiError && error.message
      ? error.message
      : error instanceof SignInError
        ? t(`auth.${error.kind}`)
        : t('common.errorFallback');
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('common.errorTitle')}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry && !refusedForGood(error) && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function EmptyState({ title, body }: { title: string; body: string }) {
  const s = useStyles();
  return (
    <div className={s.empty}>
      <Subtitle2 as="h2" className={s.emptyTitle}>
        {title}
      </Subtitle2>
      <Text>{body}</Text>
    </div>
  );
}
