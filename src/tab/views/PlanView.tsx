import { Field, Select, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { NextUp } from '../components/NextUp.js';
import { PageHeader } from '../components/PageHeader.js';
import { PlanList } from '../components/PlanList.js';
import { PlanTable } from '../components/PlanTable.js';
import { EmptyState, ErrorBar, Loading } from '../components/States.js';
import { PlanStartActions } from '../plan/import/PlanStartActions.js';
import { AddToCalendar } from '../calendar/AddToCalendar.js';
import { useDeepLinkedItem } from '../plan/deep-link.js';
import { useFocusItem, usePlanEditor } from '../plan/PlanEditor.js';
import { useAsync, useMediaQuery, useQueryParam } from '../hooks.js';
import type { Host } from '../teams.js';
import type { NetworkSummary, PlanItem, PlanResponse } from '../api-types.js';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sectionHead: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, margin: 0 },
  count: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  note: { color: tokens.colorNeutralForeground2 },
  picker: { minWidth: 'min(220px, 100%)' },
});

const loadNetworks = (_key: string, signal: AbortSignal) => api.listNetworks(signal);
const loadPlan = (id: string, signal: AbortSignal) => api.getPlan(id, signal);

/**
 * A channel tab is bound to `?network=<id>`; without it (local mode, personal use) we show the
 * first network and let the user switch between networks.
 */
export function PlanView({ host }: { host: Host }) {
  const { t } = useTranslation();
  const fixedId = useQueryParam('network');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [networks, retryNetworks] = useAsync(fixedId ? null : 'all', loadNetworks);

  const list: NetworkSummary[] = networks.status === 'ready' ? networks.data.networks : [];
  const networkId = fixedId ?? chosenId ?? list[0]?.id ?? null;
  const [plan, retryPlan] = useAsync(networkId, loadPlan);
  // The item to scroll to and focus: a deep link's, then the one just saved ('' after a delete: «Ny aktivitet»).
  const linked = useDeepLinkedItem();
  const [saved, setSaved] = useState<string | null>(null);
  const lastPlan = useRef<PlanResponse | null>(null);
  const focusId = saved ?? linked;
  const changed = (itemId: string | null) => {
    setSaved(itemId ?? '');
    retryPlan();
  };

  const picker =
    !fixedId && list.length > 1 ? (
      <Field label={t('networks.picker')} size="small">
        <Select value={networkId ?? ''} onChange={(_e, d) => setChosenId(d.value)}>
          {list.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </Select>
      </Field>
    ) : null;
  const actions = (
    <>
      {picker}
      <LanguageSwitch />
    </>
  );

  if (!fixedId && networks.status !== 'ready') {
    return (
      <>
        <PageHeader eyebrow={t('plan.eyebrow')} title={t('app.name')} actions={actions} />
        {networks.status === 'loading' ? (
          <Loading label={t('networks.loading')} />
        ) : (
          <ErrorBar error={networks.error} onRetry={retryNetworks} />
        )}
      </>
    );
  }
  if (networkId === null) {
    return (
      <>
        <PageHeader eyebrow={t('plan.eyebrow')} title={t('app.name')} actions={actions} />
        <EmptyState title={t('networks.emptyTitle')} body={t('networks.emptyBody')} />
      </>
    );
  }
  // Loading again after a save keeps the plan on screen (and the focus, and any dialog's clean-up) until the new one is in.
  if (plan.status === 'ready') lastPlan.current = plan.data;
  const shown = plan.status === 'ready' ? plan.data : plan.status === 'loading' && lastPlan.current?.network.id === networkId ? lastPlan.current : null;
  if (!shown) {
    const known = list.find((n) => n.id === networkId);
    return (
      <>
        <PageHeader eyebrow={t('plan.eyebrow')} title={known?.name ?? t('app.name')} actions={actions} />
        {plan.status !== 'error' ? (
          <Loading label={t('plan.loading')} />
        ) : (
          <ErrorBar error={plan.error} onRetry={retryPlan} />
        )}
      </>
    );
  }
  // The focus moves once the plan after the save is in, not on the old one kept on screen meanwhile:
  // otherwise it would move twice, the second time away from whatever the user opened in between.
  return <Plan data={shown} host={host} actions={actions} reload={retryPlan} focusId={plan.status === 'ready' ? focusId : null} onChanged={changed} />;
}

interface PlanProps {
  data: PlanResponse;
  host: Host;
  actions: ReactNode;
  reload(): void;
  focusId: string | null;
  onChanged(itemId: string | null): void;
}

function Plan({ data, host, actions, reload, focusId, onChanged }: PlanProps) {
  const { t } = useTranslation();
  const editor = usePlanEditor(data, onChanged);
  useFocusItem(focusId, data);
  const s = useStyles();
  const upcomingId = useId();
  const pastId = useId();
  const { network } = data;

  const now = Date.now();
  const sorted = [...data.items].sort(byStart);
  const upcoming = sorted.filter((i) => Date.parse(i.endsAt) >= now);
  const past = sorted.filter((i) => Date.parse(i.endsAt) < now);
  const next = upcoming[0];
  const Items = useMediaQuery('(max-width: 640px)') ? PlanList : PlanTable;

  const bodies = network.bodies.map((b) => t(`shared:label.body.${b}`)).join(', ');
  // Facilitators start a plan from a template or a pasted table (src/tab/plan/import).
  const start = data.canEdit ? <PlanStartActions networkId={network.id} onImported={reload} /> : null;
  const subtitle = [network.regionName, bodies && t('plan.organisers', { bodies })]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader eyebrow={t('plan.eyebrow')} title={network.name} subtitle={subtitle} actions={<>{editor.newButton}{start}<AddToCalendar scope={{ kind: 'network', networkId: network.id }} />{actions}</>} />
      {/* The start actions stay in the header, empty plan or not: moved in the tree, they would
          remount and take an open dialog with them, leaving the page aria-hidden. */}
      {sorted.length === 0 ? (
        <EmptyState title={t('plan.emptyTitle')} body={t('plan.emptyBody')} />
      ) : (
        <div className={s.sections}>
          {next && <NextUp item={next} timeZone={data.timeZone} inTeams={host.inTeams} myMunicipality={data.myMunicipalityNumber} />}
          <section className={s.section} aria-labelledby={upcomingId}>
            <SectionHeading id={upcomingId} title={t('plan.upcoming')} count={upcoming.length} />
            {upcoming.length > 0 ? (
              <Items
                items={upcoming}
                timeZone={data.timeZone}
                labelledBy={upcomingId}
                inTeams={host.inTeams}
                showLinks
                myMunicipality={data.myMunicipalityNumber}
                renderActions={editor.renderActions}
              />
            ) : (
              <Text>{t('plan.noUpcoming')}</Text>
            )}
          </section>
          {past.length > 0 && (
            <section className={s.section} aria-labelledby={pastId}>
              <SectionHeading id={pastId} title={t('plan.past')} count={past.length} />
              <Items
                items={past}
                timeZone={data.timeZone}
                labelledBy={pastId}
                inTeams={host.inTeams}
                showLinks={false}
                myMunicipality={data.myMunicipalityNumber}
                renderActions={editor.renderActions}
              />
            </section>
          )}
          <Text size={200} className={s.note}>
            {t('plan.timeZoneNote')}
          </Text>
        </div>
      )}
      {editor.dialogs}
    </>
  );
}

function SectionHeading({ id, title, count }: { id: string; title: string; count: number }) {
  const s = useStyles();
  return (
    <Subtitle1 as="h2" id={id} className={s.sectionHead}>
      {title}
      <span className={s.count}>({count})</span>
    </Subtitle1>
  );
}

function byStart(a: PlanItem, b: PlanItem): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || Date.parse(a.endsAt) - Date.parse(b.endsAt);
}
