import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { planEditorApi } from './api.js';
import type { PlanItem } from '../api-types.js';

interface Props {
  networkId: string;
  item: PlanItem;
  /** After the meeting is made and its link saved: the plan is loaded again, the focus on the item. */
  onCreated(itemId: string): void;
}

/**
 * «Opprett Teams-møte» for an item without a Teams link (production only: the server makes the
 * meeting in the facilitator's calendar through Microsoft Graph). While it works the button
 * stays focusable and says so; a refusal is the server's own message (consent, Graph's answer).
 */
export function CreateTeamsMeeting({ networkId, item, onCreated }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      await planEditorApi.createTeamsMeeting(networkId, item.id);
      onCreated(item.id);
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t('common.errorFallback'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'flex-start', maxWidth: '100%' }}>
      <Button
        size="small"
        onClick={() => void create()}
        disabledFocusable={busy}
        aria-label={busy ? undefined : t('editor.createMeetingFor', { title: item.title })}
        icon={busy ? <Spinner size="extra-tiny" /> : undefined}
        data-create-meeting={item.id}
      >
        {busy ? t('editor.creatingMeeting') : t('editor.createMeeting')}
      </Button>
      {error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
