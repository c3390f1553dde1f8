import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { pollApi } from './api.js';
import { PollPreview } from './PollPreview.js';
import { ClockField, DateField } from '../components/DateTimeFields.js';
import { parseClock, parseDay } from '../format.js';
import { wallTimeToIso } from '../oslo-time.js';
import type { Channel, NewPoll, PlanItem, PollBreakdown, PollKind } from '../api-types.js';

const useStyles = makeStyles({
  wrap: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)', padding: tokens.spacingHorizontalL },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, ...typographyStyles.subtitle1 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1, minWidth: 'min(12rem, 100%)' },
  select: { maxWidth: '100%', minWidth: 0 },
  when: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  preview: { position: 'sticky', top: tokens.spacingVerticalL, alignSelf: 'start' },
  note: { color: tokens.colorNeutralForeground2 },
  fieldset: { border: 0, padding: 0, margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

type KindChoice = 'enkeltvalg' | 'flervalg' | 'skala5' | 'skala10' | 'fritekst';

/** The inputs the form (or the server's `error.field`) can point at, in the order they appear. */
const FIELD_ORDER = ['question', 'options', 'maxChoices', 'opensAtMeetingStart', 'opensDate', 'opensTime', 'closesDate', 'closesTime'] as const;
type FieldName = (typeof FIELD_ORDER)[number];

/** The server names fields by the API's names («opensAt», «options.2»). */
function serverField(field: string | undefined): FieldName | null {
  const head = field?.split('.')[0];
  if (head === 'opensAt') return 'opensDate';
  if (head === 'closesAt') return 'closesDate';
  return FIELD_ORDER.find((f) => f === head) ?? null;
}

/** A typed date and 24-hour time in Oslo time as an ISO instant; null when left empty or not valid yet. */
function instant(date: string, time: string, timeZone: string): string | null {
  const day = parseDay(date);
  const clock = parseClock(time);
  return day && clock ? wallTimeToIso(day, clock, timeZone) : null;
}

export function PollForm(props: { networkId: string; timeZone: string; channels: Channel[]; planItems: PlanItem[]; onCreated(pollId: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const titleId = useId();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<KindChoice>('enkeltvalg');
  const [optionsText, setOptionsText] = useState('');
  const [maxChoices, setMaxChoices] = useState('2');
  const [minLabel, setMinLabel] = useState('');
  const [maxLabel, setMaxLabel] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  // Anonymous polls store nothing besides the answer unless the facilitator asks for a breakdown.
  const [breakdown, setBreakdown] = useState<PollBreakdown>('none');
  const [planItemId, setPlanItemId] = useState('');
  // Only a samling has a Teams meeting: the choice exists once a plan item is chosen.
  const [opensAtMeetingStart, setOpensAtMeetingStart] = useState(false);
  const [opensDate, setOpensDate] = useState('');
  const [opensTime, setOpensTime] = useState('');
  const [closesDate, setClosesDate] = useState('');
  const [closesTime, setClosesTime] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>>>({});
  const bind = (name: FieldName) => (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
    refs.current[name] = el;
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening the form moves the focus to it (the «Ny måling» button is gone while it is open).
  useEffect(() => headingRef.current?.focus(), []);
  const [postTo, setPostTo] = useState<string[]>(props.channels.filter((c) => c.isGeneral).map((c) => c.conversationId));
  const [sendToAll, setSendToAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pollKind: PollKind = kind.startsWith('skala') ? 'skala' : (kind as PollKind);
  const choices = pollKind === 'enkeltvalg' || pollKind === 'flervalg';
  const draft: NewPoll = {
    question: question.trim(),
    kind: pollKind,
    options: choices ? optionsText.split('\n').map((o) => o.trim()).filter((o) => o !== '') : [],
    maxChoices: pollKind === 'flervalg' ? Number(maxChoices) || null : null,
    scaleMax: pollKind === 'skala' ? (kind === 'skala10' ? 10 : 5) : null,
    scaleMinLabel: pollKind === 'skala' ? minLabel.trim() || null : null,
    scaleMaxLabel: pollKind === 'skala' ? maxLabel.trim() || null : null,
    anonymous,
    breakdown: anonymous ? breakdown : 'both',
    planItemId: planItemId || null,
    opensAt: instant(opensDate, opensTime, props.timeZone),
    closesAt: instant(closesDate, closesTime, props.timeZone),
    sendToAll,
    opensAtMeetingStart: planItemId !== '' && opensAtMeetingStart,
    postTo,
  };

  /** The form's own checks, in the words the fields are labelled with; the server checks again. */
  function check(): Partial<Record<FieldName, string>> {
    const errors: Partial<Record<FieldName, string>> = {};
    if (!question.trim()) errors.question = t('fields.required', { label: t('polls.form.question') });
    if (choices && !optionsText.trim()) errors.options = t('fields.required', { label: t('polls.form.options') });
    const when = (date: string, time: string, dateName: FieldName, timeName: FieldName, dateLabel: string, timeLabel: string) => {
      if (!date.trim() && !time.trim()) return;
      if (!date.trim()) errors[dateName] = t('fields.dateWithoutTime', { label: dateLabel });
      else if (!parseDay(date)) errors[dateName] = t('fields.dateInvalid', { label: dateLabel });
      if (!parseClock(time)) errors[timeName] = t('fields.timeInvalid', { label: timeLabel });
    };
    when(opensDate, opensTime, 'opensDate', 'opensTime', t('polls.form.opensDate'), t('polls.form.opensTime'));
    when(closesDate, closesTime, 'closesDate', 'closesTime', t('polls.form.closesDate'), t('polls.form.closesTime'));
    return errors;
  }

  function showErrors(errors: Partial<Record<FieldName, string>>) {
    setFieldErrors(errors);
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) refs.current[first]?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const errors = check();
    if (Object.keys(errors).length > 0) {
      setError(t('fields.fixErrors'));
      showErrors(errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const created = await pollApi.create(props.networkId, draft);
      props.onCreated(created.poll.id);
    } catch (err) {
      const message = err instanceof ApiError && err.message ? err.message : t('common.errorFallback');
      const field = err instanceof ApiError ? serverField(err.field) : null;
      // The server names the input it refuses: its message goes under that field.
      // The reason is read out in the alert and stays under the field it is about.
      setError(message);
      if (field) showErrors({ [field]: message });
    } finally {
      setBusy(false);
    }
  }
  const fieldProps = (name: FieldName) => ({
    validationState: fieldErrors[name] ? ('error' as const) : ('none' as const),
    validationMessage: fieldErrors[name],
  });

  return (
    <section className={s.wrap} aria-labelledby={titleId}>
      <form className={s.form} onSubmit={submit} noValidate>
        <h2 id={titleId} className={s.title} tabIndex={-1} ref={headingRef}>
          {t('polls.form.title')}
        </h2>
        {error && (
          <MessageBar layout="multiline" intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Field label={t('polls.form.question')} required {...fieldProps('question')}>
          <Textarea ref={bind('question')} value={question} maxLength={300} onChange={(_e, d) => setQuestion(d.value)} placeholder={t('polls.form.questionPlaceholder')} />
        </Field>
        <Field label={t('polls.form.kind')}>
          <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as KindChoice)}>
            {(['enkeltvalg', 'flervalg', 'skala5', 'skala10', 'fritekst'] as const).map((k) => (
              <Radio key={k} value={k} label={t(`polls.form.kinds.${k}`)} />
            ))}
          </RadioGroup>
        </Field>
        {choices && (
          <Field label={t('polls.form.options')} hint={t('polls.form.optionsHint')} required {...fieldProps('options')}>
            <Textarea ref={bind('options')} value={optionsText} rows={5} onChange={(_e, d) => setOptionsText(d.value)} placeholder={t('polls.form.optionsPlaceholder')} />
          </Field>
        )}
        {pollKind === 'flervalg' && (
          <Field label={t('polls.form.maxChoices')} {...fieldProps('maxChoices')}>
            <Input ref={bind('maxChoices')} type="number" min={1} max={10} value={maxChoices} onChange={(_e, d) => setMaxChoices(d.value)} />
          </Field>
        )}
        {pollKind === 'skala' && (
          <div className={s.row}>
            <Field className={s.grow} label={t('polls.form.minLabel')}>
              <Input value={minLabel} maxLength={60} onChange={(_e, d) => setMinLabel(d.value)} />
            </Field>
            <Field className={s.grow} label={t('polls.form.maxLabel', { max: kind === 'skala10' ? 10 : 5 })}>
              <Input value={maxLabel} maxLength={60} onChange={(_e, d) => setMaxLabel(d.value)} />
            </Field>
          </div>
        )}
        <Checkbox label={t('polls.form.anonymous')} checked={anonymous} onChange={(_e, d) => setAnonymous(Boolean(d.checked))} />
        {anonymous && (
          <Field label={t('polls.form.breakdown')} hint={t('polls.form.breakdownHint')}>
            <RadioGroup value={breakdown} onChange={(_e, d) => setBreakdown(d.value as PollBreakdown)}>
              {(['none', 'municipality', 'sector', 'both'] as const).map((b) => (
                <Radio key={b} value={b} label={t(`polls.form.breakdowns.${b}`)} />
              ))}
            </RadioGroup>
          </Field>
        )}
        {props.planItems.length > 0 && (
          <Field label={t('polls.form.planItem')}>
            <Select className={s.select} value={planItemId} onChange={(_e, d) => setPlanItemId(d.value)}>
              <option value="">{t('polls.form.noPlanItem')}</option>
              {props.planItems.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {planItemId !== '' && (
          <Field hint={t('polls.form.opensAtMeetingStartHint')} {...fieldProps('opensAtMeetingStart')}>
            <Checkbox
              ref={bind('opensAtMeetingStart')}
              label={t('polls.form.opensAtMeetingStart')}
              checked={opensAtMeetingStart}
              onChange={(_e, d) => setOpensAtMeetingStart(Boolean(d.checked))}
            />
          </Field>
        )}
        <div className={s.when}>
          <DateField label={t('polls.form.opensDate')} hint={`${t('fields.dateHint')}. ${t('polls.form.opensHint')}`} value={opensDate} onChange={setOpensDate} error={fieldErrors.opensDate} inputRef={bind('opensDate')} />
          <ClockField label={t('polls.form.opensTime')} value={opensTime} onChange={setOpensTime} error={fieldErrors.opensTime} inputRef={bind('opensTime')} />
        </div>
        <div className={s.when}>
          <DateField label={t('polls.form.closesDate')} hint={`${t('fields.dateHint')}. ${t('polls.form.closesHint')}`} value={closesDate} onChange={setClosesDate} error={fieldErrors.closesDate} inputRef={bind('closesDate')} />
          <ClockField label={t('polls.form.closesTime')} value={closesTime} onChange={setClosesTime} error={fieldErrors.closesTime} inputRef={bind('closesTime')} />
        </div>
        <fieldset className={s.fieldset}>
          <legend>
            <Text weight="semibold">{t('polls.form.publish')}</Text>
          </legend>
          {props.channels.length === 0 && <Text className={s.note}>{t('polls.form.noChannels')}</Text>}
          {props.channels.map((c) => (
            <Checkbox
              key={c.conversationId}
              label={c.isGeneral ? t('polls.form.generalChannel') : (c.name ?? t('polls.form.channel'))}
              checked={postTo.includes(c.conversationId)}
              onChange={(_e, d) => setPostTo((p) => (d.checked ? [...p, c.conversationId] : p.filter((x) => x !== c.conversationId)))}
            />
          ))}
          <Checkbox label={t('polls.form.sendToAll')} checked={sendToAll} onChange={(_e, d) => setSendToAll(Boolean(d.checked))} />
        </fieldset>
        <div className={s.buttons}>
          <Button appearance="primary" type="submit" disabledFocusable={busy}>
            {t('polls.form.submit')}
          </Button>
          <Button onClick={props.onCancel} disabled={busy}>
            {t('polls.cancel')}
          </Button>
        </div>
      </form>
      <div className={s.preview}>
        <PollPreview poll={draft} />
      </div>
    </section>
  );
}
