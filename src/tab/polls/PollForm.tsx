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
  Subtitle1,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { pollApi } from './api.js';
import { PollPreview } from './PollPreview.js';
import { localInputToIso } from '../oslo-time.js';
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
  title: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1, minWidth: '12rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  preview: { position: 'sticky', top: tokens.spacingVerticalL, alignSelf: 'start' },
  note: { color: tokens.colorNeutralForeground2 },
  fieldset: { border: 0, padding: 0, margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

type KindChoice = 'enkeltvalg' | 'flervalg' | 'skala5' | 'skala10' | 'fritekst';

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
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
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
    opensAt: opensAt ? localInputToIso(opensAt, props.timeZone) : null,
    closesAt: closesAt ? localInputToIso(closesAt, props.timeZone) : null,
    sendToAll,
    postTo,
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await pollApi.create(props.networkId, draft);
      props.onCreated(created.poll.id);
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t('common.errorFallback'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={s.wrap} aria-labelledby={titleId}>
      <form className={s.form} onSubmit={submit} noValidate>
        <Subtitle1 as="h2" id={titleId} className={s.title}>
          {t('polls.form.title')}
        </Subtitle1>
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Field label={t('polls.form.question')} required>
          <Textarea value={question} maxLength={300} onChange={(_e, d) => setQuestion(d.value)} placeholder={t('polls.form.questionPlaceholder')} />
        </Field>
        <Field label={t('polls.form.kind')}>
          <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as KindChoice)}>
            {(['enkeltvalg', 'flervalg', 'skala5', 'skala10', 'fritekst'] as const).map((k) => (
              <Radio key={k} value={k} label={t(`polls.form.kinds.${k}`)} />
            ))}
          </RadioGroup>
        </Field>
        {choices && (
          <Field label={t('polls.form.options')} hint={t('polls.form.optionsHint')} required>
            <Textarea value={optionsText} rows={5} onChange={(_e, d) => setOptionsText(d.value)} placeholder={t('polls.form.optionsPlaceholder')} />
          </Field>
        )}
        {pollKind === 'flervalg' && (
          <Field label={t('polls.form.maxChoices')}>
            <Input type="number" min={1} max={10} value={maxChoices} onChange={(_e, d) => setMaxChoices(d.value)} />
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
            <Select value={planItemId} onChange={(_e, d) => setPlanItemId(d.value)}>
              <option value="">{t('polls.form.noPlanItem')}</option>
              {props.planItems.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className={s.row}>
          <Field className={s.grow} label={t('polls.form.opensAt')} hint={t('polls.form.opensHint')}>
            <Input type="datetime-local" value={opensAt} onChange={(_e, d) => setOpensAt(d.value)} />
          </Field>
          <Field className={s.grow} label={t('polls.form.closesAt')} hint={t('polls.form.closesHint')}>
            <Input type="datetime-local" value={closesAt} onChange={(_e, d) => setClosesAt(d.value)} />
          </Field>
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
          <Button appearance="primary" type="submit" disabled={busy}>
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
