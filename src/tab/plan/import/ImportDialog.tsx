import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportPreview, type ImportSelection } from './ImportPreview.js';
import type { ImportState } from './useImport.js';
import type { PlanImportRequest } from '../../api-types.js';

const useStyles = makeStyles({
  // Wide enough for the preview table; the dialog itself keeps to the window at 320 px.
  surface: { maxWidth: 'min(880px, calc(100vw - 24px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, outline: 'none' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

interface Props {
  open: boolean;
  title: string;
  state: ImportState;
  /** The request the fields make, or null when a field is wrong (the dialog's form has marked it). */
  request(): PlanImportRequest | null;
  /** The fields: a template and a date, or the pasted table. */
  children: ReactNode;
  /** A pasted table's preview names its rows; a template's has none. */
  showRows: boolean;
  /** A template's items can be left out one by one before the import. */
  selectable?: boolean;
  onClose(): void;
}

/**
 * The two ways to start a plan share one dialog: fill in, preview (the form's submit), then import
 * what the preview shows. After the import it says what was created, until closed.
 */
export function ImportDialog({ open, title, state, request, children, showRows, selectable = false, onClose }: Props) {
  const { t } = useTranslation();
  const s = useStyles();
  const result = useRef<HTMLDivElement>(null);
  const { preview, created } = state;
  // Every item of a new preview is in, until the facilitator leaves some out.
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setChosen(new Set(preview?.items.map((_item, i) => i) ?? [])), [preview]);
  const selection: ImportSelection | undefined = selectable
    ? {
        chosen,
        toggle: (i) =>
          setChosen((old) => {
            const next = new Set(old);
            if (!next.delete(i)) next.add(i);
            return next;
          }),
      }
    : undefined;

  // A new preview or the confirmation is read from its start: focus moves to it.
  useEffect(() => {
    if (preview || created) result.current?.focus();
  }, [preview, created]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = request();
    if (body) await state.runPreview(body);
  }

  async function runImport() {
    const body = request();
    if (!body) return;
    const all = preview !== null && chosen.size === preview.items.length;
    await state.runImport(selectable && body.source === 'template' && !all ? { ...body, items: [...chosen].sort((a, b) => a - b) } : body);
  }

  const count = selectable ? chosen.size : (preview?.items.length ?? 0);
  const canImport = preview !== null && preview.errors.length === 0 && count > 0 && !created;

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={s.content}>
              {state.error && (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{state.error}</MessageBarBody>
                </MessageBar>
              )}
              {created ? (
                <div ref={result} tabIndex={-1} className={s.result} role="status">
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>{t('planImport.created', { count: created.created.length })}</MessageBarBody>
                  </MessageBar>
                  {created.warnings.length > 0 && (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>{t('planImport.warningsAfter')}</MessageBarTitle>
                        <ul className={s.list}>
                          {created.warnings.map((w, i) => (
                            <li key={i}>{w.message}</li>
                          ))}
                        </ul>
                      </MessageBarBody>
                    </MessageBar>
                  )}
                </div>
              ) : (
                <>
                  {children}
                  {preview && (
                    <div ref={result} tabIndex={-1} className={s.result} aria-label={t('planImport.previewRegion')} role="region">
                      <ImportPreview preview={preview} showRows={showRows} selection={selection} />
                    </div>
                  )}
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {created ? t('planImport.close') : t('planImport.cancel')}
              </Button>
              {!created && (
                <Button type="submit" appearance={canImport ? 'secondary' : 'primary'} disabledFocusable={state.busy}>
                  {preview ? t('planImport.previewAgain') : t('planImport.preview')}
                </Button>
              )}
              {canImport && (
                <Button appearance="primary" disabledFocusable={state.busy} onClick={() => void runImport()}>
                  {t('planImport.import', { count })}
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
