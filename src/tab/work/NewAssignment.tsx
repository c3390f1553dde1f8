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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { workApi } from './api.js';
import { ClockField, DateField } from '../components/DateTimeFields.js';
import { parseClock, parseDay } from '../format.js';
import { wallTimeToIso } from '../oslo-time.js';
import type { MatrixResponse } from '../api-types.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  municipalities: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
});

const FIELD_ORDER = ['planItemId', 'title', 'description', 'dueDate', 'dueTime'] as const;
type FieldName = (typeof FIELD_ORDER)[number];

/** The server names fields by the API's names («dueAt»). */
function serverField(field: string | undefined): FieldName | null {
  const head = field?.split('.')[0];
  if (head === 'dueAt') return 'dueDate';
  return FIELD_ORDER.find((f) => f === head) ?? null;
}

/**
 * Facilitators give mellomarbeid from a plan item of kind mellomarbeid, to all or chosen
 * municipalities, with a due time in Oslo time. The server checks everything again.
 */
export function NewAssignment({ networkId, data, onCreated }: { networkId: string; data: MatrixResponse; onCreated(): void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, and then kept (closing a mounted dialog restores the page
  // for screen readers; unmounting an open one would not).
  const [mounted, setMounted] = useState(false);
  const [planItemId, setPlanItemId] = useState(data.planItems[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [dueTime, setDueTime] = useState(() => (i18n.language === 'en' ? '16:00' : '16.00'));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>>>({});
  const bind = (name: FieldName) => (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
    refs.current[name] = el;
  };
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [holidayNotice, setHolidayNotice] = useState<string | null>(null);
  // Closing puts the focus back on «Nytt mellomarbeid»; creating moves it to the confirmation beside it.
  const [closedBy, setClosedBy] = useState<'cancel' | 'created' | null>(null);
  useEffect(() => {
    if (open || !closedBy) return;
    const target = () => (closedBy === 'created' ? confirmation.current : openButton.current);
    target()?.focus();
    const timer = setTimeout(() => {
      if (document.activeElement === document.body || !document.activeElement) target()?.focus();
    }, 300);
    setClosedBy(null);
    return () => clearTimeout(timer);
  }, [open, closedBy]);
  const [chosen, setChosen] = useState<string[]>(data.municipalities.map((m) => m.number));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (data.planItems.length === 0) return null;

  function showErrors(found: Partial<Record<FieldName, string>>, summary: string) {
    setErrors(found);
    setError(summary);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) refs.current[first]?.focus();
  }
  const fieldProps = (name: FieldName) => ({
    validationState: errors[name] ? ('error' as const) : ('none' as const),
    validationMessage: errors[name],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!description.trim()) found.description = t('fields.required', { label: t('work.new.description') });
    const day = parseDay(dueDate);
    const clock = parseClock(dueTime);
    if (!dueDate.trim()) found.dueDate = t('fields.required', { label: t('work.new.dueDate') });
    else if (!day) found.dueDate = t('fields.dateInvalid', { label: t('work.new.dueDate') });
    if (!clock) found.dueTime = t('fields.timeInvalid', { label: t('work.new.dueTime') });
    if (Object.keys(found).length > 0) {
      showErrors(found, t('fields.fixErrors'));
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const name = title.trim() || null;
      const response = await workApi.createAssignment(networkId, { planItemId, title: name, description, dueAt: wallTimeToIso(day!, clock!)!, municipalityNumbers: chosen });
      setCreated(name ?? data.planItems.find((p) => p.id === planItemId)?.title ?? '');
      // A deadline on a public holiday (or a quiet Christmas day): no reminder goes out then.
      setHolidayNotice(response.holidayNotice);
      setClosedBy('created');
      setOpen(false);
      onCreated();
    } catch (err) {
      const message = err instanceof ApiError && err.message ? err.message : t('common.errorFallback');
      const field = err instanceof ApiError ? serverField(err.field) : null;
      if (field) showErrors({ [field]: message }, message);
      else setError(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        ref={openButton}
        appearance="primary"
        onClick={() => {
          setMounted(true);
          setCreated(null);
          setHolidayNotice(null);
          setOpen(true);
        }}
      >
        {t('work.new.open')}
      </Button>
      <div ref={confirmation} tabIndex={-1} role="status">
        {created !== null && (
          <MessageBar layout="multiline" intent="success">
            <MessageBarBody>{t('work.new.created', { title: created })}</MessageBarBody>
          </MessageBar>
        )}
        {created !== null && holidayNotice && (
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>{holidayNotice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {mounted && (
      <Dialog
        open={open}
        onOpenChange={(_e, d) => {
          setOpen(d.open);
          if (!d.open) setClosedBy('cancel');
        }}
      >
      <DialogSurface>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t('work.new.title')}</DialogTitle>
            <DialogContent className={s.form}>
              {error && (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={t('work.new.planItem')} required {...fieldProps('planItemId')}>
                <Select ref={bind('planItemId')} value={planItemId} onChange={(_e, d) => setPlanItemId(d.value)}>
                  {data.planItems.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('work.new.name')} hint={t('work.new.nameHint')} {...fieldProps('title')}>
                <Input ref={bind('title')} value={title} maxLength={200} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field label={t('work.new.description')} required {...fieldProps('description')}>
                <Textarea ref={bind('description')} value={description} maxLength={4000} rows={4} resize="vertical" onChange={(_e, d) => setDescription(d.value)} />
              </Field>
              <div className={s.row}>
                <DateField label={t('work.new.dueDate')} required value={dueDate} onChange={setDueDate} error={errors.dueDate} inputRef={bind('dueDate')} />
                <ClockField label={t('work.new.dueTime')} required value={dueTime} onChange={setDueTime} error={errors.dueTime} inputRef={bind('dueTime')} />
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
              <Button
                appearance="secondary"
                onClick={() => {
                  setOpen(false);
                  setClosedBy('cancel');
                }}
              >
                {t('work.close')}
              </Button>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
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
