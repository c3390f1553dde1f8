import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useNetworkChoice } from '../components/NetworkChoice.js';
import { PageHeader } from '../components/PageHeader.js';
import { ErrorBar, Loading } from '../components/States.js';
import { ClockField } from '../components/DateTimeFields.js';
import { useStackedTableStyles } from '../components/stackedTable.js';
import { formatDateTime, parseClock, showClock } from '../format.js';
import { useAsync } from '../hooks.js';
import { reminderApi } from '../reminders/api.js';
import type { QuietHours, ReminderEntry, ReminderReport, ReportGroup } from '../api-types.js';
import type { Host } from '../teams.js';

const GROUPS: ReportGroup[] = ['sendt', 'venter', 'feilet', 'utilgjengelig', 'avmeldt'];
const GROUP_COLOR: Record<ReportGroup, 'success' | 'informative' | 'danger' | 'warning' | 'subtle'> = {
  sendt: 'success',
  venter: 'informative',
  feilet: 'danger',
  utilgjengelig: 'warning',
  avmeldt: 'subtle',
};

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  cardHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  names: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  group: { marginBlockEnd: tokens.spacingVerticalS },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
});

const loadReport = (key: string, signal: AbortSignal) => reminderApi.report(key.split('|')[0]!, signal);

/** «Dagen før kl. 09.00», «1 hour before» … from the rule key, in the tab's language. */
function useRuleLabel(): (ruleKey: string) => string {
  const { t, i18n } = useTranslation();
  return (key) => {
    if (key === 'manuell') return t('reminders.rule.manual');
    const days = /^d(\d+)@(\d{2}):(\d{2})$/.exec(key);
    if (days) return t('reminders.rule.daysBefore', { count: Number(days[1]), time: showClock(`${days[2]}:${days[3]}`, i18n.language) });
    const minutes = /^m(\d+)$/.exec(key);
    if (minutes) {
      const m = Number(minutes[1]);
      return m % 60 === 0 ? t('reminders.rule.hoursBefore', { count: m / 60 }) : t('reminders.rule.minutesBefore', { count: m });
    }
    return key;
  };
}

function useWhen(timeZone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => formatDateTime(iso, i18n.language, timeZone);
}

/**
 * «Påminnelser» (issue 6): who got each reminder, who is still waiting, who could not be
 * reached, with names; what is planned next; and the network's quiet hours. Facilitators only
 * (the server refuses others with a Norwegian reason, shown as is).
 */
export function RemindersView(_props: { host: Host }) {
  const { t } = useTranslation();
  const { networkId, networks: list, picker, gate } = useNetworkChoice();
  const [version, setVersion] = useState(0);
  const [report, retryReport] = useAsync(networkId === null ? null : `${networkId}|${version}`, loadReport);
  // A reload after saving keeps the page (and the focus, and the «Lagret» message) in place.
  const [last, setLast] = useState<{ networkId: string; data: ReminderReport } | null>(null);
  useEffect(() => {
    if (report.status === 'ready' && networkId) setLast({ networkId, data: report.data });
  }, [report, networkId]);
  const shown = report.status === 'ready' ? report.data : last?.networkId === networkId ? last.data : null;

  const name = report.status === 'ready' ? report.data.network.name : last?.networkId === networkId ? last.data.network.name : (list.find((n) => n.id === networkId)?.name ?? t('app.name'));
  const header = (
    <PageHeader
      eyebrow={t('reminders.eyebrow')}
      title={name}
      subtitle={t('reminders.subtitle')}
      actions={
        <>
          {picker}
          <Button onClick={() => setVersion((v) => v + 1)}>{t('reminders.refresh')}</Button>
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
  return (
    <>
      {header}
      {report.status === 'error' ? (
        <ErrorBar error={report.error} onRetry={retryReport} />
      ) : shown ? (
        <Report data={shown} networkId={networkId} onSaved={() => setVersion((v) => v + 1)} />
      ) : (
        <Loading label={t('reminders.loading')} />
      )}
    </>
  );
}

function Report({ data, networkId, onSaved }: { data: ReminderReport; networkId: string; onSaved(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const sentId = useId();
  const plannedId = useId();
  const quietId = useId();
  const stacked = useStackedTableStyles();
  const ruleLabel = useRuleLabel();
  const when = useWhen(data.timeZone);
  const sent = data.reminders.filter((r) => r.status === 'sender' || r.status === 'ferdig');
  const planned = data.reminders.filter((r) => r.status === 'planlagt');

  return (
    <div className={s.sections}>
      <section className={s.section} aria-labelledby={sentId}>
        <Subtitle1 as="h2" id={sentId} className={s.heading}>
          {t('reminders.sentTitle')}
        </Subtitle1>
        {sent.length === 0 ? (
          <Text>{t('reminders.noneSent')}</Text>
        ) : (
          <div className={s.cards}>
            {sent.map((r) => (
              <SentReminder key={r.id} entry={r} rule={ruleLabel(r.ruleKey)} when={when(r.sendAt)} />
            ))}
          </div>
        )}
      </section>

      <section className={s.section} aria-labelledby={plannedId}>
        <Subtitle1 as="h2" id={plannedId} className={s.heading}>
          {t('reminders.plannedTitle')}
        </Subtitle1>
        {planned.length === 0 ? (
          <Text>{t('reminders.nonePlanned')}</Text>
        ) : (
          <Table aria-labelledby={plannedId} size="small" className={stacked.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('reminders.columns.when')}</TableHeaderCell>
                <TableHeaderCell>{t('reminders.columns.subject')}</TableHeaderCell>
                <TableHeaderCell>{t('reminders.columns.rule')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {planned.map((r) => (
                <TableRow key={r.id}>
                  <TableCell data-label={t('reminders.columns.when')}>{when(r.sendAt)}</TableCell>
                  <TableCell data-label={t('reminders.columns.subject')}>{r.subjectTitle}</TableCell>
                  <TableCell data-label={t('reminders.columns.rule')}>{ruleLabel(r.ruleKey)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={s.section} aria-labelledby={quietId}>
        <Subtitle1 as="h2" id={quietId} className={s.heading}>
          {t('reminders.quietTitle')}
        </Subtitle1>
        <QuietHoursForm networkId={networkId} initial={data.settings.quietHours} onSaved={onSaved} />
        <Text size={200} className={s.note}>
          {t('reminders.rulesNote', { rules: data.settings.rules['plan-item'].rules.map((r) => r.label).join(', ') })}
        </Text>
      </section>
    </div>
  );
}

function SentReminder({ entry, rule, when }: { entry: ReminderEntry; rule: string; when: string }) {
  const { t } = useTranslation();
  const s = useStyles();
  const total = GROUPS.reduce((n, g) => n + entry.counts[g], 0);
  return (
    <Card>
      <div className={s.cardHead}>
        <Subtitle2 as="h3" className={s.heading}>
          {entry.subjectTitle}
        </Subtitle2>
        <Badge appearance="tint" color={entry.status === 'ferdig' ? 'success' : 'informative'}>
          {t(`reminders.status.${entry.status}`)}
        </Badge>
      </div>
      <Text className={s.meta}>
        {rule} · {when}
      </Text>
      <div className={s.counts} aria-label={t('reminders.countsLabel')}>
        {GROUPS.filter((g) => entry.counts[g] > 0).map((g) => (
          <Badge key={g} appearance="filled" color={GROUP_COLOR[g]}>
            {t(`reminders.group.${g}`)}: {entry.counts[g]}
          </Badge>
        ))}
      </div>
      {total > 0 && (
        <Accordion collapsible>
          <AccordionItem value="names">
            <AccordionHeader>{t('reminders.showRecipients', { count: total })}</AccordionHeader>
            <AccordionPanel>
              {GROUPS.filter((g) => entry.recipients[g].length > 0).map((g) => (
                <Group key={g} title={`${t(`reminders.group.${g}`)} (${entry.recipients[g].length})`}>
                  {entry.recipients[g].map((p, i) => (
                    <li key={`${p.name}-${i}`}>
                      {p.name}
                      {p.reason && g !== 'sendt' ? ` – ${p.reason}` : ''}
                    </li>
                  ))}
                </Group>
              ))}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </Card>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.group}>
      <Text weight="semibold">{title}</Text>
      <ul className={s.names}>{children}</ul>
    </div>
  );
}

function QuietHoursForm({ networkId, initial, onSaved }: { networkId: string; initial: QuietHours; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const lang = i18n.language;
  const [from, setFrom] = useState(showClock(initial.from, lang));
  const [to, setTo] = useState(showClock(initial.to, lang));
  const [weekends, setWeekends] = useState(initial.weekends);
  // Older settings have no holiday switches: they followed the weekend switch (server default).
  const [holidays, setHolidays] = useState(initial.holidays ?? initial.weekends);
  const [christmasWeek, setChristmasWeek] = useState(initial.christmasWeek ?? initial.weekends);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: unknown }>({ kind: 'idle' });
  // A new language writes the clock its way («22.00» / «22:00»); a reload brings the saved values.
  useEffect(() => {
    setFrom(showClock(initial.from, lang));
    setTo(showClock(initial.to, lang));
    setWeekends(initial.weekends);
    setHolidays(initial.holidays ?? initial.weekends);
    setChristmasWeek(initial.christmasWeek ?? initial.weekends);
  }, [initial, lang]);
  // «Lagret» stays until the person changes something again.
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    if (state.kind === 'saved') setState({ kind: 'idle' });
  };
  const save = async () => {
    const value = { from: parseClock(from), to: parseClock(to), weekends };
    const next = {
      from: value.from ? undefined : t('fields.timeInvalid', { label: t('reminders.quietFrom') }),
      to: value.to ? undefined : t('fields.timeInvalid', { label: t('reminders.quietTo') }),
    };
    setErrors(next);
    if (!value.from || !value.to) {
      (next.from ? fromRef : toRef).current?.focus();
      return;
    }
    setState({ kind: 'saving' });
    try {
      await reminderApi.saveQuietHours(networkId, { from: value.from, to: value.to, weekends, holidays, christmasWeek });
      setState({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };
  return (
    <>
      <form
        className={s.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ClockField label={t('reminders.quietFrom')} value={from} onChange={edit(setFrom)} error={errors.from} inputRef={fromRef} />
        <ClockField label={t('reminders.quietTo')} value={to} onChange={edit(setTo)} error={errors.to} inputRef={toRef} />
        <Switch checked={weekends} label={t('reminders.quietWeekends')} onChange={(_e, d) => edit(setWeekends)(d.checked)} />
        <Switch checked={holidays} label={t('reminders.quietHolidays')} onChange={(_e, d) => edit(setHolidays)(d.checked)} />
        <Switch checked={christmasWeek} label={t('reminders.quietChristmasWeek')} onChange={(_e, d) => edit(setChristmasWeek)(d.checked)} />
        <Button appearance="primary" type="submit" disabledFocusable={state.kind === 'saving'}>
          {t('reminders.save')}
        </Button>
      </form>
      {/* Always in the page, so screen readers announce the confirmation when it appears. */}
      <div role="status" aria-live="polite">
        {state.kind === 'saved' && (
          <MessageBar layout="multiline" intent="success">
            <MessageBarBody>{t('reminders.saved')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.kind === 'error' && <ErrorBar error={state.error} />}
    </>
  );
}
