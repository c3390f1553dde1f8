import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { workApi } from './api.js';
import { wallTimeToIso } from '../oslo-time.js';
import type { MatrixResponse } from '../api-types.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  municipalities: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
});

/**
 * Facilitators give mellomarbeid from a plan item of kind mellomarbeid, to all or chosen
 * municipalities, with a due time in Oslo time. The server checks everything again.
 */
export function NewAssignment({ networkId, data, onCreated }: { networkId: string; data: MatrixResponse; onCreated(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, and then kept (closing a mounted dialog restores the page
  // for screen readers; unmounting an open one would not).
  const [mounted, setMounted] = useState(false);
  const [planItemId, setPlanItemId] = useState(data.planItems[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [dueTime, setDueTime] = useState('16:00');
  const [chosen, setChosen] = useState<string[]>(data.municipalities.map((m) => m.number));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (data.planItems.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const dueAt = wallTimeToIso(dueDate, dueTime);
    if (!dueAt) {
      setError(t('work.new.dueMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await workApi.createAssignment(networkId, { planItemId, title: title.trim() || null, description, dueAt, municipalityNumbers: chosen });
      setOpen(false);
      onCreated();
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t('common.errorFallback'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        appearance="primary"
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
      >
        {t('work.new.open')}
      </Button>
      {mounted && (
      <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t('work.new.title')}</DialogTitle>
            <DialogContent className={s.form}>
              {error && (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={t('work.new.planItem')} required>
                <Select value={planItemId} onChange={(_e, d) => setPlanItemId(d.value)}>
                  {data.planItems.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('work.new.name')} hint={t('work.new.nameHint')}>
                <Input value={title} maxLength={200} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field label={t('work.new.description')} required>
                <Textarea value={description} maxLength={4000} rows={4} resize="vertical" onChange={(_e, d) => setDescription(d.value)} />
              </Field>
              <div className={s.row}>
                <Field label={t('work.new.dueDate')} required>
                  <Input type="date" value={dueDate} onChange={(_e, d) => setDueDate(d.value)} />
                </Field>
                <Field label={t('work.new.dueTime')} required>
                  <Input type="time" value={dueTime} onChange={(_e, d) => setDueTime(d.value)} />
                </Field>
              </div>
              <fieldset className={s.municipalities}>
                <legend>{t('work.new.municipalities')}</legend>
                {data.municipalities.map((m) => (
                  <Checkbox
                    key={m.number}
                    label={m.name}
                    checked={chosen.includes(m.number)}
                    onChange={(_e, d) => setChosen((c) => (d.checked ? [...c, m.number] : c.filter((n) => n !== m.number)))}
                  />
                ))}
              </fieldset>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setOpen(false)}>
                {t('work.close')}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('work.new.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
      </Dialog>
      )}
    </>
  );
}
