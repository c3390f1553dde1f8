import { Badge, Button, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { workApi } from './api.js';
import { dueText } from './dates.js';
import { FollowupPanel } from '../followup/FollowupPanel.js';
import type { ReflectionTaskRow, Summary } from '../api-types.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  title: { margin: 0 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  prompt: { margin: 0, marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS },
  municipality: { fontWeight: tokens.fontWeightSemibold },
  entries: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  answer: { whiteSpace: 'pre-line' },
  who: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

function SummaryBody({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const s = useStyles();
  if (summary.hiddenReason) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{summary.hiddenReason}</MessageBarBody>
      </MessageBar>
    );
  }
  if (summary.answerCount === 0) return <Text>{t('reflections.noAnswers')}</Text>;
  return (
    <>
      {summary.focus.length > 0 && (
        <>
          <h4 className={s.prompt}>{t('reflections.focusChosen')}</h4>
          <ul className={s.entries}>
            {summary.focus.map((f) => (
              <li key={f.municipalityName}>
                <span className={s.municipality}>{f.municipalityName}:</span> {f.picks.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.prompts.map((p, i) => (
        <div key={i}>
          <h4 className={s.prompt}>{p.prompt}</h4>
          {p.groups.length === 0 && <Text className={s.who}>{t('reflections.noAnswersToPrompt')}</Text>}
          {p.groups.map((g, j) => (
            <div key={j} className={s.group}>
              {g.municipalityName && <Text className={s.municipality}>{g.municipalityName}</Text>}
              <ul className={s.entries}>
                {g.entries.map((e, k) => (
                  <li key={k}>
                    <Text size={200} className={s.who}>
                      {e.authorName === null && e.version === null
                        ? t('reflections.anonymous')
                        : [e.authorName, e.version ? t('reflections.version', { version: e.version }) : null].filter(Boolean).join(', ')}
                    </Text>
                    <br />
                    <Text className={s.answer}>{e.text}</Text>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

function TaskCard({ networkId, task, canCreate }: { networkId: string; task: ReflectionTaskRow; canCreate: boolean }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const titleId = useId();
  const [sent, setSent] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const due = dueText(task.dueAt, i18n.language);

  async function send() {
    setBusy(true);
    try {
      const res = await workApi.sendTask(networkId, task.id);
      setSent({ ok: true, message: res.delivery.text });
    } catch (error) {
      setSent({ ok: false, message: error instanceof ApiError && error.message ? error.message : t('common.errorFallback') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className={s.card} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={s.title}>
        {task.title}
      </Subtitle2>
      <div className={s.meta}>
        <Text size={200}>{t('reflections.due', { when: due })}</Text>
        <Badge appearance="outline" shape="rounded" color="informative">
          {t(`reflections.visibility.${task.visibility}`)}
        </Badge>
        <Badge appearance="tint" shape="rounded" color={task.open ? 'success' : 'subtle'}>
          {task.open ? t('reflections.openForAnswers') : t('reflections.closed')}
        </Badge>
        {task.summary?.answerCount != null && <Text size={200}>{t('reflections.answers', { count: task.summary.answerCount })}</Text>}
        {task.planItemTitle && <Text size={200}>{t('reflections.tiedTo', { title: task.planItemTitle })}</Text>}
      </div>
      {task.summary ? <SummaryBody summary={task.summary} /> : <Text>{task.summaryRefusal}</Text>}
      {canCreate && task.open && task.deliveredCount === 0 && !sent?.ok && (
        <div className={s.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => void send()}>
            {busy ? t('reflections.sending') : t('reflections.send')}
          </Button>
        </div>
      )}
      {sent && (
        <MessageBar intent={sent.ok ? 'success' : 'error'} role={sent.ok ? 'status' : 'alert'} layout="multiline">
          <MessageBarBody>{sent.message}</MessageBarBody>
        </MessageBar>
      )}
      {/* Who has not answered, by name: facilitators only, never for an anonymous task (the server refuses it too). */}
      {canCreate && task.visibility !== 'anonym' && <FollowupPanel networkId={networkId} target={{ kind: 'reflections', id: task.id }} title={task.title} />}
    </article>
  );
}

/** «Deling av refleksjoner og erfaringer med kollegaer»: every task the caller may read. */
export function ReflectionSummaries({ networkId, tasks, canCreate }: { networkId: string; tasks: ReflectionTaskRow[]; canCreate: boolean }) {
  const { t } = useTranslation();
  const s = useStyles();
  if (tasks.length === 0) return <Text>{t('reflections.empty')}</Text>;
  return (
    <div className={s.list}>
      {tasks.map((task) => (
        <TaskCard key={task.id} networkId={networkId} task={task} canCreate={canCreate} />
      ))}
    </div>
  );
}
