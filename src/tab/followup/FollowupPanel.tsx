import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { formatDateTime } from '../format.js';
import type { FollowupReminderView, FollowupResponse } from '../api-types.js';
import { followupApi, type FollowupTarget } from './api.js';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignSelf: 'stretch',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  municipality: { margin: 0, marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  people: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  person: { overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const inProgress = (r: FollowupReminderView | null) => r !== null && (r.status === 'planlagt' || r.status === 'sender');

/**
 * «Hvem har ikke svart» (issue 13): for the facilitators, the names of who has not answered a
 * reflection task or a named poll, per municipality, and «Send påminnelse til disse» through
 * the reminder engine. Opened from a button so the summaries stay short; the list loads then.
 */
export function FollowupPanel(props: {
  networkId: string;
  target: FollowupTarget;
  title: string;
  /** The panel's heading level where it sits (h4 under a task card's h3, h3 under a poll's h2); municipalities one below. */
  headingLevel?: 3 | 4;
}) {
  const { networkId, target, title, headingLevel = 4 } = props;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const Municipality = headingLevel === 3 ? 'h4' : 'h5';
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const panelId = useId();
  const headingId = useId();
  const blockedId = useId();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<FollowupResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [version, setVersion] = useState(0);
  const refreshes = useRef(0);

  const failure = (e: unknown) => (e instanceof ApiError && e.message ? e.message : t('common.errorFallback'));

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    followupApi.get(networkId, target, ctrl.signal).then(
      (d) => {
        if (ctrl.signal.aborted) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => !ctrl.signal.aborted && setError(failure(e)),
    );
    return () => ctrl.abort();
  }, [open, networkId, target.kind, target.id, version]);

  // While the reminder is going out, look again now and then so «levert til» fills in (a bounded number of times).
  useEffect(() => {
    if (!open || !inProgress(data?.lastReminder ?? null) || refreshes.current >= 15) return;
    const timer = setTimeout(() => {
      refreshes.current++;
      setVersion((v) => v + 1);
    }, 2000);
    return () => clearTimeout(timer);
  }, [open, data]);

  async function remind() {
    setBusy(true);
    try {
      const res = await followupApi.remind(networkId, target);
      setResult({ ok: true, message: res.message });
      refreshes.current = 0;
      setVersion((v) => v + 1);
    } catch (e) {
      setResult({ ok: false, message: failure(e) });
    } finally {
      setBusy(false);
    }
  }

  const last = data?.lastReminder ?? null;
  const when = (iso: string) => formatDateTime(iso, i18n.language, data?.timeZone ?? 'Europe/Oslo');

  return (
    <div className={s.wrap}>
      <Button appearance="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? t('followup.hide') : t('followup.show')}
      </Button>
      {open && (
        <section id={panelId} className={s.panel} aria-labelledby={headingId}>
          <Heading id={headingId} className={s.heading}>
            {t('followup.heading', { title })}
          </Heading>
          {error && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {!data && !error && <Spinner size="tiny" label={t('followup.loading')} />}
          {data && (
            <>
              <Text>
                {data.total === 0
                  ? t('followup.everyone')
                  : t(data.subject.groupTask ? 'followup.summaryGroup' : 'followup.summary', { count: data.total })}
              </Text>
              {data.groups.map((g) => (
                <div key={g.municipalityNumber ?? ''}>
                  <Municipality className={s.municipality}>{g.municipalityName ?? t('followup.noMunicipality')}</Municipality>
                  <ul className={s.people}>
                    {g.people.map((p) => (
                      <li key={p.memberId} className={s.person}>
                        {p.name}
                        {p.reach !== 'far' && (
                          <>
                            {' '}
                            <Badge appearance="outline" shape="rounded" color="informative">
                              {t(`followup.reach.${p.reach}`)}
                            </Badge>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {last && (
                <Text className={s.note}>
                  {inProgress(last)
                    ? t('followup.lastSending', { when: when(last.requestedAt) })
                    : last.status === 'ferdig'
                      ? t('followup.lastSent', { when: when(last.requestedAt), sent: last.sent, count: last.recipients })
                      : t('followup.lastCancelled', { when: when(last.requestedAt) })}
                </Text>
              )}
              {data.total > 0 && (
                <div className={s.actions}>
                  {/* Focusable while disabled, so the focus stays put after sending instead of falling to the page. */}
                  <Button
                    appearance="primary"
                    disabledFocusable={!data.canRemind || busy}
                    aria-describedby={!data.canRemind && data.remindBlocked ? blockedId : undefined}
                    onClick={() => void remind()}
                  >
                    {busy ? t('followup.sending') : t('followup.remind')}
                  </Button>
                  {data.canRemind && <Text className={s.note}>{t('followup.willBeReminded', { count: data.willBeReminded })}</Text>}
                </div>
              )}
              {!data.canRemind && data.remindBlocked && data.total > 0 && (
                <Text id={blockedId} className={s.note}>
                  {data.remindBlocked}
                </Text>
              )}
            </>
          )}
          {result && (
            <MessageBar intent={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} layout="multiline">
              <MessageBarBody>{result.message}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </div>
  );
}
