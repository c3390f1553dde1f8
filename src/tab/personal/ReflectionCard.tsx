import { Badge, Button, Field, MessageBar, MessageBarActions, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { formatDateTime } from '../format.js';
import type { PersonalReflection } from '../api-types.js';
import { personalApi } from './api.js';
import { usePersonalStyles } from './styles.js';

/**
 * One reflection task, answered and edited here under the card's rules: the due time, one
 * shared answer per municipality in group mode (built on the version shown), and who sees it.
 */
export function ReflectionCard({ entry, timeZone, showNetwork, onStale }: { entry: PersonalReflection; timeZone: string; showNetwork: boolean; onStale(): void }) {
  const { t, i18n } = useTranslation();
  const s = usePersonalStyles();
  const { task } = entry;
  const group = task.answerMode === 'kommune';
  const [answers, setAnswers] = useState<string[]>(task.prompts.map((_, i) => entry.answers[i] ?? ''));
  const [state, setState] = useState(entry.state);
  const [baseVersion, setBaseVersion] = useState(entry.baseVersion);
  // An anonymous answer is changed with the key its own save returned; the server keeps no link to her.
  const [editKey, setEditKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string; stale?: boolean } | null>(null);

  const anonymousDone = state === 'anonymt' && !editKey;
  const editable = task.open && task.kind !== 'fokusomrade' && !anonymousDone;

  const save = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const res = await personalApi.answerReflection(entry.networkId, task.id, { answers, ...(group ? { baseVersion } : {}), ...(editKey ? { editKey } : {}) });
      const saved = res.saved;
      if (saved.mode === 'kommune') setBaseVersion(saved.version);
      if (saved.mode === 'anonym') setEditKey(saved.editKey);
      setState(saved.mode === 'anonym' ? 'anonymt' : 'besvart');
      setNotice({
        intent: 'success',
        text: saved.mode === 'kommune' ? t('personal.reflections.savedGroup', { version: saved.version }) : t('personal.reflections.saved'),
      });
    } catch (err) {
      const stale = err instanceof ApiError && err.code === 'utdatert';
      setNotice({ intent: 'error', text: err instanceof ApiError && err.message ? err.message : t('common.errorFallback'), stale });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={s.card}>
      <h3 className={s.title}>{task.title}</h3>
      <div className={s.meta}>
        <Text>{task.open ? t('reflections.due', { when: formatDateTime(task.dueAt, i18n.language, timeZone) }) : t('reflections.closed')}</Text>
        <Text>{t('personal.reflections.visibility', { who: t(`reflections.visibility.${task.visibility}`) })}</Text>
        {task.planItemTitle && <Text>{t('reflections.tiedTo', { title: task.planItemTitle })}</Text>}
        {showNetwork && <Text>{entry.networkName}</Text>}
      </div>
      <p className={s.cardHead}>
        <Badge appearance="tint" shape="rounded" color={state === 'ubesvart' ? (task.open ? 'warning' : 'subtle') : 'success'}>
          {t(`personal.reflections.state.${state}`)}
        </Badge>
        {group && <Text>{t('personal.reflections.groupMode', { municipality: entry.municipalityName ?? '' })}</Text>}
      </p>
      {group && entry.note && <Text className={s.hint}>{entry.note}</Text>}
      {task.kind === 'fokusomrade' && <Text>{t('personal.reflections.focusInCard')}</Text>}
      {anonymousDone && <Text>{t('personal.reflections.anonymousDone')}</Text>}
      {editable ? (
        <form
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {task.prompts.map((prompt, i) => (
            <Field key={i} label={prompt}>
              <Textarea value={answers[i]} resize="vertical" onChange={(_e, d) => setAnswers((a) => a.map((x, j) => (j === i ? d.value : x)))} />
            </Field>
          ))}
          <Button type="submit" appearance="primary" disabled={busy} className={s.submit}>
            {state === 'ubesvart' ? t('personal.reflections.send') : t('personal.reflections.update')}
          </Button>
        </form>
      ) : (
        !anonymousDone &&
        task.kind !== 'fokusomrade' &&
        state !== 'ubesvart' && (
          <dl className={s.form}>
            {task.prompts.map((prompt, i) => (
              <div key={i}>
                <dt className={s.label}>{prompt}</dt>
                <dd className={s.quote}>{entry.answers[i] || '–'}</dd>
              </div>
            ))}
          </dl>
        )
      )}
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
            {notice.stale && (
              <MessageBarActions>
                <Button onClick={onStale}>{t('personal.reflections.loadNewest')}</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
    </li>
  );
}
