import {
  Button,
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
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { ClockField, DateField } from '../components/DateTimeFields.js';
import { planEditorApi } from './api.js';
import { Consequences } from './Consequences.js';
import { SlotsEditor } from './SlotsEditor.js';
import { checkForm, formFieldOf, formOf, patchOf, type FormField, type PlanForm } from './form.js';
import type { BodyCode, PlanConsequences, PlanItem, PlanItemFormat, PlanItemKind, PlanItemPatchRequest } from '../api-types.js';

const KINDS: PlanItemKind[] = ['samling', 'veiledning', 'mellomarbeid', 'dialogmote', 'webinar'];
const FORMATS: PlanItemFormat[] = ['digital', 'fysisk', 'hybrid', 'telefon'];

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  when: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  actions: { flexWrap: 'wrap' },
});

interface Props {
  open: boolean;
  networkId: string;
  /** Null: a new item. */
  item: PlanItem | null;
  timeZone: string;
  bodies: BodyCode[];
  municipalities: { number: string; name: string }[];
  onSaved(itemId: string): void;
  onClose(): void;
}

type Step = { step: 'form' } | { step: 'preview'; patch: PlanItemPatchRequest; consequences: PlanConsequences };

/**
 * Create or change one plan item. A change is sent as only the fields that differ (PATCH), and
 * before it is saved the server says what it will do to reminders and deadlines tied to it.
 */
export function PlanItemDialog({ open, networkId, item, timeZone, bodies, municipalities, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [form, setForm] = useState<PlanForm>(() => formOf(item, timeZone, i18n.language));
  const [step, setStep] = useState<Step>({ step: 'form' });
  const [fieldError, setFieldError] = useState<{ field: FormField; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Opening again starts from what is saved, not from the last attempt.
  useEffect(() => {
    if (!open) return;
    setForm(formOf(item, timeZone, i18n.language));
    setStep({ step: 'form' });
    setFieldError(null);
    setError(null);
  }, [open, item]);
  useEffect(() => {
    if (error) messageRef.current?.focus();
  }, [error]);
  // The form's fields are gone in the preview: the focus goes to «Lagre», with the consequences just above.
  useEffect(() => {
    if (step.step === 'preview') confirmRef.current?.focus();
  }, [step.step]);

  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errorOf = (field: FormField) => (fieldError?.field === field ? fieldError.message : null);
  const labels: Record<string, string> = {
    title: t('editor.fields.title'),
    date: t('editor.fields.date'),
    start: t('editor.fields.start'),
    end: t('editor.fields.end'),
  };

  function refused(err: unknown) {
    const message = err instanceof ApiError && err.message ? err.message : t('common.errorFallback');
    const field = err instanceof ApiError ? formFieldOf(err.field) : undefined;
    setStep({ step: 'form' });
    if (field) {
      setFieldError({ field, message });
      setError(null);
      // The marked field says why; focus goes there so a keyboard user lands on it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } else setError(message);
  }

  async function submit() {
    setFieldError(null);
    setError(null);
    const checked = checkForm(form, timeZone);
    if (!checked.ok) {
      const label = checked.field.startsWith('slots') ? t('editor.slots.legend') : (labels[checked.field] ?? checked.field);
      const message = checked.problem === 'date' ? t('fields.dateInvalid', { label }) : checked.problem === 'time' ? t('fields.timeInvalid', { label }) : t('fields.required', { label });
      setFieldError({ field: checked.field, message });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      if (!item) {
        const created = await planEditorApi.create(networkId, { ...checked.item, slots: checked.item.slots.length > 0 ? checked.item.slots : undefined });
        onSaved(created.item.id);
        return;
      }
      const patch = patchOf(item, checked.item);
      if (Object.keys(patch).length === 0) {
        onClose();
        return;
      }
      const preview = await planEditorApi.preview(networkId, item.id, patch);
      setStep({ step: 'preview', patch, consequences: preview.consequences });
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(patch: PlanItemPatchRequest) {
    if (!item) return;
    setBusy(true);
    try {
      await planEditorApi.update(networkId, item.id, patch);
      onSaved(item.id);
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  }

  const title = item ? t('editor.editTitle', { title: item.title }) : t('editor.newTitle');
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()} modalType="modal">
      <DialogSurface className={s.surface} aria-describedby={undefined}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (step.step === 'preview') void confirm(step.patch);
            else void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{step.step === 'preview' ? t('editor.previewTitle') : title}</DialogTitle>
            <DialogContent className={s.content}>
              {error && (
                <div ref={messageRef} tabIndex={-1}>
                  <MessageBar intent="error" role="alert" layout="multiline">
                    <MessageBarBody>{error}</MessageBarBody>
                  </MessageBar>
                </div>
              )}
              {step.step === 'preview' ? (
                <Consequences consequences={step.consequences} />
              ) : (
                <>
                  <Field label={t('editor.fields.kind')} validationState={errorOf('kind') ? 'error' : 'none'} validationMessage={errorOf('kind') ?? undefined}>
                    <Select value={form.kind} onChange={(_e, d) => set('kind', d.value as PlanItemKind)}>
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`shared:label.kind.${k}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={labels.title} required validationState={errorOf('title') ? 'error' : 'none'} validationMessage={errorOf('title') ?? undefined}>
                    <Input ref={titleRef} value={form.title} maxLength={200} onChange={(_e, d) => set('title', d.value)} />
                  </Field>
                  <div className={s.when}>
                    <DateField label={labels.date!} required value={form.date} onChange={(v) => set('date', v)} error={errorOf('date')} />
                    <ClockField label={labels.start!} required value={form.start} onChange={(v) => set('start', v)} error={errorOf('start')} />
                    <ClockField label={labels.end!} required value={form.end} onChange={(v) => set('end', v)} error={errorOf('end')} />
                  </div>
                  <Field label={t('editor.fields.format')} validationState={errorOf('format') ? 'error' : 'none'} validationMessage={errorOf('format') ?? undefined}>
                    <Select value={form.format} onChange={(_e, d) => set('format', d.value as PlanItemFormat)}>
                      {FORMATS.map((f) => (
                        <option key={f} value={f}>
                          {t(`shared:label.format.${f}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('editor.fields.responsibleBody')} validationState={errorOf('responsibleBody') ? 'error' : 'none'} validationMessage={errorOf('responsibleBody') ?? undefined}>
                    <Select value={form.responsibleBody} onChange={(_e, d) => set('responsibleBody', d.value as BodyCode | '')}>
                      <option value="">{t('editor.noBody')}</option>
                      {bodies.map((b) => (
                        <option key={b} value={b}>
                          {t(`shared:label.body.${b}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('editor.fields.agenda')} validationState={errorOf('agenda') ? 'error' : 'none'} validationMessage={errorOf('agenda') ?? undefined}>
                    <Textarea value={form.agenda} maxLength={4000} resize="vertical" rows={4} onChange={(_e, d) => set('agenda', d.value)} />
                  </Field>
                  <Field
                    label={t('editor.fields.meetingUrl')}
                    hint={t('editor.meetingUrlHint')}
                    validationState={errorOf('meetingUrl') ? 'error' : 'none'}
                    validationMessage={errorOf('meetingUrl') ?? undefined}
                  >
                    <Input type="url" value={form.meetingUrl} onChange={(_e, d) => set('meetingUrl', d.value)} />
                  </Field>
                  {form.kind === 'veiledning' && <SlotsEditor slots={form.slots} municipalities={municipalities} onChange={(slots) => set('slots', slots)} errorOf={errorOf} />}
                </>
              )}
            </DialogContent>
            <DialogActions className={s.actions}>
              {step.step === 'preview' ? (
                <>
                  <Button ref={confirmRef} type="submit" appearance="primary" disabled={busy}>
                    {t('editor.confirmSave')}
                  </Button>
                  <Button onClick={() => setStep({ step: 'form' })} disabled={busy}>
                    {t('editor.back')}
                  </Button>
                </>
              ) : (
                <>
                  <Button type="submit" appearance="primary" disabled={busy}>
                    {item ? t('editor.next') : t('editor.create')}
                  </Button>
                  <Button onClick={onClose} disabled={busy}>
                    {t('editor.cancel')}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
