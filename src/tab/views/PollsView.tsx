import { Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useNetworkChoice } from '../components/NetworkChoice.js';
import { PageHeader } from '../components/PageHeader.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { useAsync, useQueryParam } from '../hooks.js';
import { pollApi } from '../polls/api.js';
import { PollForm } from '../polls/PollForm.js';
import { PollResultsPanel } from '../polls/PollResultsPanel.js';
import { PollTable } from '../polls/PollTable.js';
import { FollowupPanel } from '../followup/FollowupPanel.js';
import type { PollListResponse } from '../api-types.js';
import type { Host } from '../teams.js';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

const loadPolls = (key: string, signal: AbortSignal) => pollApi.list(key.split('|')[0]!, signal);
const loadPlan = (id: string, signal: AbortSignal) => api.getPlan(id, signal);

/**
 * «Målinger» (issue 4): the network's polls, a form with a live preview of the card, and
 * results with the before/after comparison. Bound to `?network=` like the plan.
 */
export function PollsView(_props: { host: Host }) {
  const { t } = useTranslation();
  const initialPoll = useQueryParam('poll');
  const { networkId, networks: list, picker, gate } = useNetworkChoice();
  const [version, setVersion] = useState(0);
  const [polls, retryPolls] = useAsync(networkId === null ? null : `${networkId}|${version}`, loadPolls);
  // A reload after a change keeps showing the last list (and the open results) instead of a spinner.
  const [last, setLast] = useState<{ networkId: string; data: PollListResponse } | null>(null);
  useEffect(() => {
    if (polls.status === 'ready' && networkId) setLast({ networkId, data: polls.data });
  }, [polls, networkId]);
  const [selected, setSelected] = useState<string | null>(initialPoll);

  const name = list.find((n) => n.id === networkId)?.name ?? t('app.name');
  const header = (
    <PageHeader
      eyebrow={t('polls.eyebrow')}
      title={name}
      actions={
        <>
          {picker}
          <LanguageSwitch />
        </>
      }
    />
  );

  if (gate || networkId === null) {
    return (
      <>
        {header}
        {gate}
      </>
    );
  }
  const shown = polls.status === 'ready' ? polls.data : last?.networkId === networkId ? last.data : null;
  if (!shown) {
    return (
      <>
        {header}
        {polls.status === 'error' ? <ErrorBar error={polls.error} onRetry={retryPolls} /> : <Loading label={t('polls.loading')} />}
      </>
    );
  }
  return (
    <>
      {header}
      <Polls networkId={networkId} data={shown} selected={selected ?? shown.polls[0]?.id ?? null} onSelect={setSelected} onChanged={() => setVersion((v) => v + 1)} />
    </>
  );
}

function Polls(props: { networkId: string; data: PollListResponse; selected: string | null; onSelect(id: string): void; onChanged(): void }) {
  const { networkId, data, selected, onSelect: setSelected, onChanged } = props;
  const { t } = useTranslation();
  const s = useStyles();
  const listId = useId();
  const [creating, setCreating] = useState(false);
  // Focus goes back to «Ny måling» after cancelling, and to the new poll's results after creating it.
  const newButton = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);
  useEffect(() => {
    if (!creating && cancelled) {
      newButton.current?.focus();
      setCancelled(false);
    }
  }, [creating, cancelled]);
  const [plan] = useAsync(creating ? networkId : null, loadPlan);
  const planItems = plan.status === 'ready' ? plan.data.items.filter((i) => Date.parse(i.endsAt) >= Date.now() - 86_400_000) : [];

  return (
    <div className={s.sections}>
      {data.canManage && !creating && (
        <div>
          <Button ref={newButton} appearance="primary" onClick={() => setCreating(true)}>
            {t('polls.new')}
          </Button>
        </div>
      )}
      {creating && (
        <PollForm
          networkId={networkId}
          timeZone={data.timeZone}
          channels={data.channels}
          planItems={planItems}
          onCancel={() => {
            setCreating(false);
            setCancelled(true);
          }}
          onCreated={(id) => {
            setCreating(false);
            setCreatedId(id);
            setSelected(id);
            onChanged();
          }}
        />
      )}
      {data.polls.length === 0 ? (
        <EmptyState title={t('polls.emptyTitle')} body={t('polls.emptyBody')} />
      ) : (
        <>
          <section className={s.section} aria-labelledby={listId}>
            <Subtitle1 as="h2" id={listId} className={s.heading}>
              {t('polls.listTitle')}
            </Subtitle1>
            <PollTable polls={data.polls} selectedId={selected} onSelect={setSelected} timeZone={data.timeZone} labelledBy={listId} />
          </section>
          {selected && (
            <PollResultsPanel
              key={selected}
              networkId={networkId}
              pollId={selected}
              channels={data.channels}
              created={createdId === selected}
              onChanged={(id) => {
                if (id) setSelected(id);
                onChanged();
              }}
            />
          )}
          {/* Who has not answered a named poll, for the facilitators; an anonymous poll never offers it (the server refuses it too). */}
          {selected && data.canManage && data.polls.some((p) => p.id === selected && !p.anonymous) && (
            <FollowupPanel
              key={`followup-${selected}`}
              networkId={networkId}
              target={{ kind: 'polls', id: selected }}
              headingLevel={3}
              title={data.polls.find((p) => p.id === selected)!.question}
            />
          )}
        </>
      )}
    </div>
  );
}
