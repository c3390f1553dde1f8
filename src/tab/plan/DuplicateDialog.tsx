import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { DateField } from '../components/DateTimeFields.js';
import { formatDay, parseDay, wallParts } from '../format.js';
import { planEditorApi } from './api.js';
import type { PlanItem } from '../api-types.js';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A copy of the item on another day, at the same times (a week later unless changed). */
export function DuplicateDialog({ networkId, item, timeZone, onSaved, onClose }: { networkId: string; item: PlanItem; timeZone: string; onSaved(id: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => formatDay(addDays(wallParts(item.startsAt, timeZone).day, 7)));
  const [error, setError] = useState<{ field: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const label = t('editor.duplicateDate');

  async function save() {
    const day = parseDay(date);
    if (!day) {
      setError({ field: true, message: t('fields.dateInvalid', { label }) });
      return;
    }
    setBusy(true);
    try {
      const copy = await planEditorApi.duplicate(networkId, item.id, { date: day });
      onSaved(copy.item.id);
    } catch (err) {
      const message = err instanceof ApiError && err.message ? err.message : t('common.errorFallback');
      setError({ field: err instanceof ApiError && (err.field === 'date' || err.field === 'startsAt'), message });
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('editor.duplicateTitle', { title: item.title })}</DialogTitle>
            <DialogContent>
              {error && !error.field && (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{error.message}</MessageBarBody>
                </MessageBar>
              )}
              <DateField label={label} required value={date} onChange={setDate} error={error?.field ? error.message : null} />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('editor.duplicate')}
              </Button>
              <Button onClick={onClose} disabled={busy}>
                {t('editor.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
