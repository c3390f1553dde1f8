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
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { workApi } from './api.js';
import { StatusChip } from './StatusChip.js';
import type { MatrixAssignment, MatrixCell, WorkStatus } from '../api-types.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { whiteSpace: 'pre-line' },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  open: boolean;
  networkId: string;
  assignment: MatrixAssignment;
  municipalityName: string;
  cell: MatrixCell;
  canReview: boolean;
  onSaved(cell: MatrixCell): void;
  onClose(): void;
}

/**
 * One municipality's mellomarbeid: the text and link while it is open, the legal next steps as
 * buttons, and for facilitators the feedback box. The server decides; refusals show its words.
 */
export function WorkDialog({ open, networkId, assignment, municipalityName, cell, canReview, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const s = useStyles();
  const [text, setText] = useState(cell.submissionText ?? '');
  const [link, setLink] = useState(cell.submissionUrl ?? '');
  const [feedback, setFeedback] = useState(cell.feedback ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  // The input the server's refusal names (`error.field`), marked and described by its message.
  const [badField, setBadField] = useState<{ field: 'submissionText' | 'submissionUrl' | 'feedback'; message: string } | null>(null);
  const fieldError = (field: 'submissionText' | 'submissionUrl' | 'feedback') =>
    badField?.field === field ? { validationState: 'error' as const, validationMessage: badField.message } : {};
  // Opening again starts from what is saved, not from the last attempt.
  useEffect(() => {
    if (!open) return;
    setResult(null);
    setBadField(null);
    setText(cell.submissionText ?? '');
    setLink(cell.submissionUrl ?? '');
    setFeedback(cell.feedback ?? '');
  }, [open]);
  // The step button just used may be gone (the status moved on): the focus goes to the outcome instead.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const reviewable = canReview && (cell.status === 'levert' || cell.status === 'tilbakemelding-gitt');

  async function save(status?: WorkStatus) {
    setBusy(true);
    setResult(null);
    setBadField(null);
    try {
      const change = {
        ...(status ? { status } : {}),
        ...(cell.canEditSubmission ? { submissionText: text, submissionUrl: link.trim() || null } : {}),
        ...(status === 'tilbakemelding-gitt' ? { feedback } : {}),
      };
      const saved = await workApi.updateWork(networkId, cell, change);
      onSaved(saved.cell);
      setResult({ ok: true, message: t('work.saved', { status: t(`work.status.${saved.cell.status}`) }) });
    } catch (error) {
      const message = error instanceof ApiError && error.message ? error.message : t('common.errorFallback');
      const field = error instanceof ApiError ? error.field?.split('.')[0] : undefined;
      if (field === 'submissionText' || field === 'submissionUrl' || field === 'feedback') setBadField({ field, message });
      setResult({ ok: false, message });
    } finally {
      setBusy(false);
    }
  }

  const moveTitle = (to: WorkStatus) => (to === 'pabegynt' && cell.status !== 'ikke-startet' ? t('work.move.reopen') : t(`work.move.${to}`));

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('work.dialogTitle', { title: assignment.title, municipality: municipalityName })}</DialogTitle>
          <DialogContent className={s.content}>
            <StatusChip status={cell.status} overdue={cell.overdue} />
            <Text className={s.text}>{assignment.description}</Text>
            {result && (
              <div ref={resultRef} tabIndex={-1}>
              <MessageBar intent={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} layout="multiline">
                <MessageBarBody>{result.message}</MessageBarBody>
              </MessageBar>
              </div>
            )}
            {cell.canEditSubmission ? (
              <>
                <Field label={t('work.submission')} hint={t('work.limit')} {...fieldError('submissionText')}>
                  <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={8000} resize="vertical" rows={6} />
                </Field>
                <Field label={t('work.link')} {...fieldError('submissionUrl')}>
                  <Input type="url" value={link} onChange={(_e, d) => setLink(d.value)} />
                </Field>
              </>
            ) : (
              <>
                {cell.submissionText && <Text className={s.text}>{cell.submissionText}</Text>}
                {cell.submissionUrl && (
                  <Link href={cell.submissionUrl} target="_blank" rel="noopener noreferrer">
                    {t('work.openDocument')}
                  </Link>
                )}
              </>
            )}
            {reviewable ? (
              <Field label={t('work.feedback')} {...fieldError('feedback')}>
                <Textarea value={feedback} onChange={(_e, d) => setFeedback(d.value)} maxLength={4000} resize="vertical" rows={4} />
              </Field>
            ) : (
              cell.feedback && (
                <>
                  <Text weight="semibold">{t('work.feedbackFrom')}</Text>
                  <Text className={s.text}>{cell.feedback}</Text>
                </>
              )
            )}
          </DialogContent>
          <DialogActions>
            {cell.canEditSubmission && (
              <Button disabledFocusable={busy} onClick={() => void save()}>
                {t('work.saveDraft')}
              </Button>
            )}
            {cell.nextStatuses.map((to) => (
              <Button key={to} appearance={to === 'levert' || to === 'tilbakemelding-gitt' ? 'primary' : 'secondary'} disabledFocusable={busy} onClick={() => void save(to)}>
                {moveTitle(to)}
              </Button>
            ))}
            {reviewable && cell.status === 'tilbakemelding-gitt' && (
              <Button disabledFocusable={busy} onClick={() => void save('tilbakemelding-gitt')}>
                {t('work.move.tilbakemelding-gitt')}
              </Button>
            )}
            <Button appearance="subtle" onClick={onClose}>
              {t('work.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
