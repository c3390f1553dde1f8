import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { planEditorApi } from './api.js';
import { Consequences } from './Consequences.js';
import type { PlanConsequences, PlanItem } from '../api-types.js';

interface Props {
  networkId: string;
  item: PlanItem;
  onDeleted(): void;
  onClose(): void;
}

/** «Slett» asks first, and says what goes with the item (reminders cancelled, mellomarbeid deleted). */
export function DeleteDialog({ networkId, item, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  const [consequences, setConsequences] = useState<PlanConsequences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const message = (err: unknown) => (err instanceof ApiError && err.message ? err.message : t('common.errorFallback'));

  useEffect(() => {
    let live = true;
    planEditorApi.preview(networkId, item.id, { delete: true }).then(
      (p) => live && setConsequences(p.consequences),
      (err: unknown) => live && setError(message(err)),
    );
    return () => {
      live = false;
    };
  }, [networkId, item.id]);

  async function remove() {
    setBusy(true);
    try {
      await planEditorApi.remove(networkId, item.id);
      onDeleted();
    } catch (err) {
      setError(message(err));
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('editor.deleteTitle', { title: item.title })}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('editor.deleteBody')}</Text>
            {error && (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {consequences ? <Consequences consequences={consequences} intent="warning" /> : !error && <Spinner size="tiny" label={t('editor.loadingConsequences')} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void remove()} disabled={busy || !consequences}>
              {t('editor.confirmDelete')}
            </Button>
            <Button onClick={onClose} disabled={busy}>
              {t('editor.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
