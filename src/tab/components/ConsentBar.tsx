import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestConsent } from '../auth.js';

/**
 * Shown when Teams cannot give a token until the user consents to Samlingspunkt: the button opens
 * Entra ID's consent prompt in a Teams pop-up and then runs the failed request again.
 */
export function ConsentBar({ onConsented }: { onConsented?: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const consent = () => {
    setBusy(true);
    setFailed(false);
    requestConsent().then(
      () => {
        setBusy(false);
        onConsented?.();
      },
      (err: unknown) => {
        console.warn('Samlingspunkt: samtykke feilet', err);
        setBusy(false);
        setFailed(true);
      },
    );
  };

  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('auth.consentTitle')}</MessageBarTitle>
        {t('auth.consent')}
        {failed && (
          <>
            <br />
            {t('auth.consentFailed')}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={consent} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {busy ? t('auth.consentWorking') : t('auth.consentButton')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
