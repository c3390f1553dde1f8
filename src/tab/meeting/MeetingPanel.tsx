import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { PageHeader } from '../components/PageHeader.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { WhenText } from '../components/WhenText.js';
import { PollCard } from '../personal/PollCard.js';
import { ReflectionCard } from '../personal/ReflectionCard.js';
import { usePersonalStyles } from '../personal/styles.js';
import { mayShareToStage, type Host } from '../teams.js';
import type { MeetingPanel as Panel } from '../api-types.js';
import { meetingApi } from './api.js';
import { MeetingPollItem } from './MeetingPollItem.js';
import { useLive } from '../hooks.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  agenda: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, listStyle: 'none', margin: 0, padding: 0 },
});

/** The panel again now and then: a poll opened by the facilitator, the meeting's start and end. */
const PANEL_REFRESH_MS = 10_000;

const loadPanel = (key: string, signal: AbortSignal) => {
  const [chat, meeting] = key.split('\n') as [string, string];
  return meetingApi.panel(chat, meeting || undefined, signal);
};

/** Outside Teams (local mode, a preview) the meeting chat may be named in the address. */
function fromAddress(name: string): string | undefined {
  return new URLSearchParams(window.location.search).get(name) ?? undefined;
}

/**
 * The samling inside its Teams meeting (issue 14): the side panel, and the meeting's chat and
 * details tabs. The meeting chat's thread names the plan item; the facilitator runs its polls
 * from here, a deltaker answers them and the session's reflection task. Made for ~320 px.
 */
export function MeetingPanel({ host }: { host: Host }) {
  const { t } = useTranslation();
  const chat = host.chatId ?? fromAddress('chat');
  const meeting = host.meetingId ?? fromAddress('meeting');
  const panel = useLive(chat ? `${chat}\n${meeting ?? ''}` : null, loadPanel, PANEL_REFRESH_MS, () => true);
  const [canShare, setCanShare] = useState(false);

  // Teams decides who may share to the stage (presenters and organisers); asked once.
  useEffect(() => {
    if (!host.inTeams) return;
    let alive = true;
    void mayShareToStage().then((may) => alive && setCanShare(may));
    return () => {
      alive = false;
    };
  }, [host.inTeams]);

  const header = (title: string) => <PageHeader eyebrow={t('meeting.eyebrow')} title={title} actions={<LanguageSwitch />} />;
  if (!chat) {
    return (
      <>
        {header(t('app.name'))}
        <EmptyState title={t('meeting.notFoundTitle')} body={t('meeting.notInMeeting')} />
      </>
    );
  }
  if (!panel.data) {
    return (
      <>
        {header(t('app.name'))}
        {panel.error ? <ErrorBar error={panel.error} onRetry={panel.reload} /> : <Loading label={t('meeting.loading')} />}
      </>
    );
  }
  if (!panel.data.found) {
    return (
      <>
        {header(t('app.name'))}
        <EmptyState title={t('meeting.notFoundTitle')} body={t('meeting.notFound')} />
      </>
    );
  }
  return (
    <>
      {header(panel.data.item.title)}
      <Samling data={panel.data} canShare={canShare} reload={panel.reload} />
    </>
  );
}

function Samling({ data, canShare, reload }: { data: Panel; canShare: boolean; reload(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const agendaId = useId();
  const { item, meeting } = data;
  return (
    <div className={s.page}>
      <section className={s.section} aria-labelledby={agendaId}>
        <WhenText startsAt={item.startsAt} endsAt={item.endsAt} timeZone={data.timeZone} inline />
        {meeting?.endedAt ? <Text className={s.muted}>{t('meeting.ended')}</Text> : meeting?.startedAt ? <Text className={s.muted}>{t('meeting.started')}</Text> : null}
        <Text className={s.muted}>{data.networkName}</Text>
        <h2 id={agendaId} className={s.heading}>
          {t('meeting.agenda')}
        </h2>
        {item.agenda ? <p className={s.agenda}>{item.agenda}</p> : <Text className={s.muted}>{t('meeting.noAgenda')}</Text>}
      </section>
      {data.canManage ? <Facilitator data={data} canShare={canShare} reload={reload} /> : <Deltaker data={data} reload={reload} />}
    </div>
  );
}

function Facilitator({ data, canShare, reload }: { data: Panel; canShare: boolean; reload(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const id = useId();
  return (
    <section className={s.section} aria-labelledby={id}>
      <h2 id={id} className={s.heading}>
        {t('meeting.pollsTitle')}
      </h2>
      {data.polls.length === 0 ? (
        <Text>{t('meeting.noPolls')}</Text>
      ) : (
        <ul className={s.list}>
          {data.polls.map((p) => (
            <MeetingPollItem key={p.poll.id} networkId={data.networkId} timeZone={data.timeZone} entry={p} canShare={canShare} onChanged={reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Deltaker({ data, reload }: { data: Panel; reload(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const p = usePersonalStyles();
  const pollsId = useId();
  const taskId = useId();
  const open = data.polls.filter((m) => m.poll.status === 'apen');
  const inNetwork = { networkId: data.networkId, networkName: data.networkName };
  return (
    <>
      <section className={s.section} aria-labelledby={pollsId}>
        <h2 id={pollsId} className={s.heading}>
          {t('meeting.answerTitle')}
        </h2>
        {open.length === 0 ? (
          <Text>{t('meeting.noOpenPolls')}</Text>
        ) : (
          <ul className={p.list}>
            {open.map((m) => (
              <PollCard key={m.poll.id} entry={{ ...inNetwork, poll: m.poll, myAnswer: m.myAnswer }} timeZone={data.timeZone} showNetwork={false} />
            ))}
          </ul>
        )}
      </section>
      {data.reflection && (
        <section className={s.section} aria-labelledby={taskId}>
          <h2 id={taskId} className={s.heading}>
            {t('meeting.reflectionTitle')}
          </h2>
          <ul className={p.list}>
            <ReflectionCard key={`${data.reflection.task.id}-${data.reflection.baseVersion ?? 0}`} entry={data.reflection} timeZone={data.timeZone} showNetwork={false} onStale={reload} />
          </ul>
        </section>
      )}
    </>
  );
}
