import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar } from '../components/States.js';

/**
 * «Are you sure?» before something that cannot simply be undone (removing a member, ending a
 * network). Fluent's Dialog traps the focus; closing puts it back on the button that opened it.
 * Mounted from the first opening on: a closed Fluent Dialog still leaves tabster's focusable
 * dummies in the page, which axe reports (aria-hidden-focus).
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mounted, setMounted] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (props.open) {
      setMounted(true);
      setError(null);
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const back = opener.current;
    if (!back) return;
    opener.current = null;
    // After Fluent has let go of the focus trap; a removed row's button is gone, then the page keeps it.
    const timer = setTimeout(() => back.isConnected && back.focus(), 0);
    return () => clearTimeout(timer);
  }, [props.open]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!mounted) return null;
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            {props.children}
            {error !== null && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm} disabled={busy}>
              {props.confirmLabel}
            </Button>
            <Button onClick={props.onClose} disabled={busy}>
              {t('admin.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
