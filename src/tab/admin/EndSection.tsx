import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminAccess, NetworkSummary } from '../api-types.js';
import { ErrorBar } from '../components/States.js';
import { formatDate } from './format.js';
import { adminApi } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useAdminStyles } from './styles.js';

/** Ending the programme (read-only from then on, kept until retention), and taking it back into use. */
export function EndSection(props: { network: NetworkSummary; access: AdminAccess; onChanged(): void; announce(text: string): void }) {
  const { t, i18n } = useTranslation();
  const s = useAdminStyles();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ended = props.network.endedAt;
  if (!ended && !props.access.canEnd) return null;

  const reopen = async () => {
    setError(null);
    try {
      await adminApi.reopen(props.network.id);
      props.announce(t('admin.end.reopened'));
      props.onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {t('admin.end.title')}
      </Subtitle1>
      {ended ? (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('admin.end.endedTitle', { date: formatDate(ended, i18n.language) })}</MessageBarTitle>
              {t('admin.end.endedBody')}
            </MessageBarBody>
          </MessageBar>
          {props.access.canReopen && (
            <div className={s.row}>
              <Button onClick={reopen}>{t('admin.end.reopen')}</Button>
            </div>
          )}
        </>
      ) : (
        <>
          <Text>{t('admin.end.intro')}</Text>
          <div className={s.row}>
            <Button onClick={() => setConfirming(true)}>{t('admin.end.button')}</Button>
          </div>
        </>
      )}
      {error !== null && <ErrorBar error={error} />}
      <ConfirmDialog
        open={confirming}
        title={t('admin.end.confirmTitle', { name: props.network.name })}
        confirmLabel={t('admin.end.confirm')}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await adminApi.end(props.network.id);
          props.announce(t('admin.end.done'));
          props.onChanged();
        }}
      >
        <ul>
          <li>{t('admin.end.readOnly')}</li>
          <li>{t('admin.end.reminders')}</li>
          <li>{t('admin.end.retention')}</li>
          <li>{t('admin.end.undo')}</li>
        </ul>
      </ConfirmDialog>
    </section>
  );
}
