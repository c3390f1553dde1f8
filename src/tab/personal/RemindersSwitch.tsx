import { MessageBar, MessageBarBody, Switch, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { personalApi } from './api.js';
import { usePersonalStyles } from './styles.js';

/** The person's own reminders on or off: the same switch as «stopp påminnelser» in the bot. */
export function RemindersSwitch({ initiallyOn }: { initiallyOn: boolean }) {
  const { t } = useTranslation();
  const s = usePersonalStyles();
  const headingId = useId();
  const hintId = useId();
  const [on, setOn] = useState(initiallyOn);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const change = async (next: boolean) => {
    setBusy(true);
    setNotice(null);
    try {
      const res = await personalApi.setReminders(next);
      setOn(res.remindersOn);
      setNotice({ intent: 'success', text: res.remindersOn ? t('personal.reminders.turnedOn') : t('personal.reminders.turnedOff') });
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof ApiError && err.message ? err.message : t('common.errorFallback') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        {t('personal.reminders.title')}
      </h2>
      <div className={s.card}>
        <Switch checked={on} disabled={busy} label={t('personal.reminders.label')} aria-describedby={hintId} onChange={(_e, d) => void change(d.checked)} />
        <Text id={hintId} className={s.hint}>
          {t('personal.reminders.hint')}
        </Text>
        <div aria-live="polite">
          {notice && (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </section>
  );
}
