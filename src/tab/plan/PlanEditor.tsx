import { Button } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { loadAuthConfig } from '../auth.js';
import { CreateTeamsMeeting } from './CreateTeamsMeeting.js';
import { useTranslation } from 'react-i18next';
import { planItemAnchor } from '../components/PlanTable.js';
import { DeleteDialog } from './DeleteDialog.js';
import { DuplicateDialog } from './DuplicateDialog.js';
import { ItemActions, type ItemAction } from './ItemActions.js';
import { PlanItemDialog } from './PlanItemDialog.js';
import type { PlanItem, PlanResponse } from '../api-types.js';

type Open = { action: 'new' } | { action: ItemAction; item: PlanItem } | null;

const OVERLAY = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/**
 * Whether the user has opened a dialog, menu or list since the save: a plan that finishes loading
 * then must not pull the focus out from under them (and scroll the page behind it). Open, not only
 * focused: a menu is on screen a moment before the focus reaches it, and moving the focus then
 * closes it under the pointer.
 */
function anOverlayIsOpen(): boolean {
  return document.querySelector(OVERLAY) != null;
}

/**
 * Gives the focus to the item, scrolled into view, once it is on the page (again each time the
 * plan is loaded); '' (after a delete, the item gone) gives it to «Ny aktivitet».
 */
export function useFocusItem(itemId: string | null, loaded: unknown): void {
  useEffect(() => {
    if (itemId === null || anOverlayIsOpen()) return;
    if (itemId === '') {
      document.querySelector<HTMLElement>('[data-plan-new]')?.focus();
      return;
    }
    const el = document.getElementById(planItemAnchor(itemId));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [itemId, loaded]);
}

export interface PlanEditor {
  /** «Ny aktivitet» for the page header; null for those who may not edit. */
  newButton: ReactNode;
  /** Each item's buttons, for PlanTable/PlanList; undefined for those who may not edit. */
  renderActions?: (item: PlanItem) => ReactNode;
  /** The open dialog, if any. */
  dialogs: ReactNode;
}

/**
 * The plan editor for facilitators: create, edit, duplicate and delete. After a save the plan
 * is loaded again and the focus goes to the item saved (after a delete: back to «Ny aktivitet»).
 */
export function usePlanEditor(data: PlanResponse, onChanged: (focusItemId: string | null) => void): PlanEditor {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  // «Opprett Teams-møte» only where the server can make meetings (production, Graph set up).
  const [teamsMeetings, setTeamsMeetings] = useState(false);
  useEffect(() => {
    let live = true;
    loadAuthConfig().then(
      (c) => live && setTeamsMeetings(c.teamsMeetings),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!data.canEdit) return { newButton: null, dialogs: null };

  const start = (next: Open) => {
    returnTo.current = document.activeElement as HTMLElement | null;
    setOpen(next);
  };
  const close = () => {
    setOpen(null);
    // Nothing saved: the focus goes back to the button that opened the dialog.
    requestAnimationFrame(() => returnTo.current?.focus());
  };
  const saved = (id: string | null) => {
    setOpen(null);
    onChanged(id);
  };
  const networkId = data.network.id;

  let dialogs: ReactNode = null;
  if (open?.action === 'new' || open?.action === 'edit') {
    dialogs = (
      <PlanItemDialog
        open
        networkId={networkId}
        item={open.action === 'edit' ? open.item : null}
        timeZone={data.timeZone}
        bodies={data.network.bodies}
        municipalities={data.municipalities}
        onSaved={saved}
        onClose={close}
      />
    );
  } else if (open?.action === 'delete') {
    dialogs = <DeleteDialog networkId={networkId} item={open.item} onDeleted={() => saved(null)} onClose={close} />;
  } else if (open?.action === 'duplicate') {
    dialogs = <DuplicateDialog networkId={networkId} item={open.item} timeZone={data.timeZone} onSaved={saved} onClose={close} />;
  }

  return {
    newButton: (
      <Button ref={newRef} appearance="primary" onClick={() => start({ action: 'new' })} data-plan-new>
        {t('editor.newItem')}
      </Button>
    ),
    renderActions: (item) => (
      <>
        <ItemActions item={item} onAction={(action, it) => start({ action, item: it })} />
        {teamsMeetings && !item.meetingUrl && Date.parse(item.endsAt) > Date.now() && <CreateTeamsMeeting networkId={networkId} item={item} onCreated={(id) => onChanged(id)} />}
      </>
    ),
    dialogs,
  };
}
