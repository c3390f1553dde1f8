import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasteDialog } from './PasteDialog.js';
import { TemplateDialog } from './TemplateDialog.js';
import { useImport } from './useImport.js';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Which = 'template' | 'paste' | null;

/**
 * For facilitators: start the plan from a template (seed 000's, moved to a chosen date) or from
 * a table pasted from Word or Excel; both preview before anything is saved. `onImported` reloads
 * the plan, when the dialog that says what was created is closed.
 */
export function PlanStartActions({ networkId, onImported }: { networkId: string; onImported(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const [open, setOpen] = useState<Which>(null);
  // Mounted from the first opening on (closing a mounted dialog gives the page back to screen readers).
  const [mounted, setMounted] = useState<Which[]>([]);
  const state = useImport(networkId);
  const buttons = { template: useRef<HTMLButtonElement>(null), paste: useRef<HTMLButtonElement>(null) };

  function show(which: 'template' | 'paste') {
    state.reset();
    setMounted((m) => (m.includes(which) ? m : [...m, which]));
    setOpen(which);
  }
  function close() {
    const which = open;
    setOpen(null);
    if (state.created) onImported();
    else if (which) setTimeout(() => buttons[which].current?.focus(), 0);
  }

  return (
    <div className={s.actions} role="group" aria-label={t('planImport.actionsLabel')}>
      <Button ref={buttons.template} onClick={() => show('template')}>
        {t('planImport.fromTemplate')}
      </Button>
      <Button ref={buttons.paste} onClick={() => show('paste')}>
        {t('planImport.pasteTable')}
      </Button>
      {mounted.includes('template') && <TemplateDialog networkId={networkId} open={open === 'template'} state={state} onClose={close} />}
      {mounted.includes('paste') && <PasteDialog open={open === 'paste'} state={state} onClose={close} />}
    </div>
  );
}
