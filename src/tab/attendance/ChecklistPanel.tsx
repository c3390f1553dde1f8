import { Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import type { AttendanceChecklistResponse } from '../api-types.js';
import { attendanceApi } from './api.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  guests: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  guest: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The facilitator's check-list: the deltakere by municipality, ticked when present; guests from an import below. */
export function ChecklistPanel({ networkId, data: initial }: { networkId: string; data: AttendanceChecklistResponse }) {
  const { t } = useTranslation();
  const s = useStyles();
  const [data, setData] = useState(initial);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => setData(initial), [initial]);
  useEffect(() => setTicked(new Set(data.people.filter((p) => p.attended).map((p) => p.memberId))), [data]);

  const groups = new Map<string, typeof data.people>();
  for (const p of data.people) {
    const key = p.municipalityName ?? t('attendance.withoutMunicipality');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }

  async function run(action: () => Promise<AttendanceChecklistResponse>, done: (d: AttendanceChecklistResponse) => string) {
    setBusy(true);
    setMessage(null);
    try {
      const next = await action();
      setData(next);
      setMessage({ intent: 'success', text: done(next) });
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof ApiError && e.message ? e.message : t('common.errorFallback') });
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    void run(
      () => attendanceApi.saveChecklist(networkId, data.item.id, { memberIds: [...ticked] }),
      (d) => t('attendance.saved', { count: d.people.filter((p) => p.attended).length, of: d.people.length }),
    );
  }

  if (data.people.length === 0 && data.guests.length === 0) return <Text>{t('attendance.noDeltakere')}</Text>;
  return (
    <form className={s.form} noValidate onSubmit={save}>
      <Text className={s.note}>{data.canEdit ? t('attendance.checklistIntro') : t('attendance.checklistReadOnly')}</Text>
      {[...groups].map(([municipality, people]) => (
        <fieldset key={municipality} className={s.group}>
          <legend className={s.legend}>{municipality}</legend>
          {people.map((p) => (
            <Checkbox
              key={p.memberId}
              disabled={!data.canEdit}
              checked={ticked.has(p.memberId)}
              onChange={(_e, d) =>
                setTicked((old) => {
                  const next = new Set(old);
                  if (d.checked) next.add(p.memberId);
                  else next.delete(p.memberId);
                  return next;
                })
              }
              label={`${p.name} (${p.sectorLabel})${p.source === 'import' ? ` – ${t('attendance.fromReport')}` : p.source === 'meeting' ? ` – ${t('attendance.fromMeeting')}` : ''}`}
            />
          ))}
        </fieldset>
      ))}
      {data.guests.length > 0 && (
        <section aria-label={t('attendance.guestsTitle')}>
          <Text weight="semibold">{t('attendance.guestsTitle')}</Text>
          <ul className={s.guests}>
            {data.guests.map((g) => (
              <li key={g.id} className={s.guest}>
                <Text>{`${g.name}, ${g.municipalityName ?? t('attendance.withoutMunicipality')} (${g.sectorLabel})`}</Text>
                {data.canEdit && (
                  <Button
                    size="small"
                    appearance="subtle"
                    disabledFocusable={busy}
                    aria-label={t('attendance.removeGuestFor', { name: g.name })}
                    onClick={() => void run(() => attendanceApi.removeGuest(networkId, data.item.id, g.id), () => t('attendance.guestRemoved', { name: g.name }))}
                  >
                    {t('attendance.removeGuest')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {data.canEdit && (
        <div className={s.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {t('attendance.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
