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
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar } from '../components/States.js';
import { formatDateTime } from '../format.js';
import { OSLO } from '../oslo-time.js';
import type { CalendarFeedState } from '../api-types.js';
import { calendarApi, feedAddresses, type CalendarScope } from './api.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  copyRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  address: { flexGrow: 1, minWidth: 0 },
  input: { width: '100%' },
  note: { color: tokens.colorNeutralForeground2 },
  status: { minHeight: '1.5em' },
});

type Phase = { at: 'loading' } | { at: 'ready'; state: CalendarFeedState; path: string | null } | { at: 'failed'; error: unknown };

/**
 * «Legg til i kalender»: subscribe Outlook, Google or Apple Calendar to a feed that updates itself
 * (a moved samling moves there too). The address holds a personal secret that the server keeps
 * only hashed, so it is shown once, right after it is made; «Lag ny lenke» replaces it (the old
 * one stops working) and «Slett lenke» revokes it. `scope`: the person's own feed, or a network's plan.
 */
export function AddToCalendar({ scope, appearance = 'secondary' }: { scope: CalendarScope; appearance?: 'secondary' | 'subtle' }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>({ at: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const scopeKey = scope.kind === 'personal' ? 'personal' : scope.networkId;
  // Mounted from the first opening on: a closed Fluent Dialog leaves tabster's focusable dummies
  // in the page, which axe reports (aria-hidden-focus). Closing puts the focus back on the button.
  // Each opening is a new Dialog: reopened while its exit was still running, Fluent left the
  // surface itself aria-hidden, so a screen reader would have found no dialog.
  const [openings, setOpenings] = useState(0);
  const mounted = openings > 0;
  const openerRef = useRef<HTMLButtonElement>(null);
  const show = (next: boolean) => {
    if (next) setOpenings((n) => n + 1);
    setOpen(next);
    if (!next) setTimeout(() => openerRef.current?.focus(), 0);
  };

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    setPhase({ at: 'loading' });
    setActionError(null);
    setStatus('');
    calendarApi.state(scope, ctrl.signal).then(
      (state) => !ctrl.signal.aborted && setPhase({ at: 'ready', state, path: null }),
      (error: unknown) => !ctrl.signal.aborted && setPhase({ at: 'failed', error }),
    );
    return () => ctrl.abort();
    // The scope object may be new on every render; its key says whether it changed.
  }, [open, scopeKey]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await work();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    act(async () => {
      const created = await calendarApi.create(scope);
      setPhase({ at: 'ready', state: { exists: true, createdAt: created.createdAt, lastFetchedAt: null }, path: created.path });
      setStatus(t('calendar.created'));
    });
  const revoke = () =>
    act(async () => {
      await calendarApi.revoke(scope);
      setPhase({ at: 'ready', state: { exists: false, createdAt: null, lastFetchedAt: null }, path: null });
      setStatus(t('calendar.revoked'));
    });
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Teams' web client may deny the clipboard to a tab: select the text, and the browser's own copy does it.
      inputRef.current?.select();
      document.execCommand('copy');
    }
    setStatus(t('calendar.copied'));
  };

  const title = scope.kind === 'personal' ? t('calendar.titlePersonal') : t('calendar.titleNetwork');
  const lang = i18n.language;
  const addresses = phase.at === 'ready' && phase.path ? feedAddresses(phase.path) : null;

  return (
    <>
      <Button ref={openerRef} appearance={appearance} onClick={() => show(true)}>
        {t('calendar.add')}
      </Button>
      {mounted && (
        <Dialog key={openings} open={open} onOpenChange={(_e, d) => show(d.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{title}</DialogTitle>
              <DialogContent className={s.content}>
                <Text>{scope.kind === 'personal' ? t('calendar.introPersonal') : t('calendar.introNetwork')}</Text>
                {phase.at === 'loading' && <Spinner size="small" label={t('calendar.loading')} />}
                {phase.at === 'failed' && <ErrorBar error={phase.error} />}
                {phase.at === 'ready' && addresses && (
                  <>
                    <div className={s.copyRow}>
                      <Field className={s.address} label={t('calendar.address')} hint={{ id: hintId, children: t('calendar.secretHint') }}>
                        <Input ref={inputRef} className={s.input} readOnly value={addresses.https} onFocus={(e) => e.currentTarget.select()} />
                      </Field>
                      <Button onClick={() => copy(addresses.https)}>
                        {t('calendar.copy')}
                      </Button>
                    </div>
                    <Link href={addresses.webcal} target="_blank" rel="noopener noreferrer">
                      {t('calendar.openInCalendar')}
                    </Link>
                    <Text size={200} className={s.note}>
                      {t('calendar.outlookHow')}
                    </Text>
                  </>
                )}
                {phase.at === 'ready' && !addresses && phase.state.exists && phase.state.createdAt && (
                  <Text>
                    {t('calendar.existing', { date: formatDateTime(phase.state.createdAt, lang, OSLO) })}{' '}
                    {phase.state.lastFetchedAt
                      ? t('calendar.lastFetched', { date: formatDateTime(phase.state.lastFetchedAt, lang, OSLO) })
                      : t('calendar.neverFetched')}{' '}
                    {t('calendar.shownOnce')}
                  </Text>
                )}
                {phase.at === 'ready' && !phase.state.exists && <Text>{t('calendar.none')}</Text>}
                {actionError !== null && <ErrorBar error={actionError} />}
                <Text role="status" className={s.status}>
                  {status}
                </Text>
              </DialogContent>
              <DialogActions>
                {phase.at === 'ready' && (
                  <Button appearance="primary" onClick={create} disabled={busy}>
                    {phase.state.exists ? t('calendar.replace') : t('calendar.create')}
                  </Button>
                )}
                {phase.at === 'ready' && phase.state.exists && (
                  <Button onClick={revoke} disabled={busy}>
                    {t('calendar.revoke')}
                  </Button>
                )}
                <Button onClick={() => show(false)}>{t('calendar.close')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
