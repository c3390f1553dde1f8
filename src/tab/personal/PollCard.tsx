import { Badge, Button, Checkbox, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea, Field } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { formatDateTime } from '../format.js';
import type { PersonalPoll, PollVoteRequest } from '../api-types.js';
import { personalApi } from './api.js';
import { usePersonalStyles } from './styles.js';

type Answer = NonNullable<PersonalPoll['myAnswer']>;

/** The answer as the form holds it: chosen option indexes, a scale value, or a text. */
function initialChoices(answer: Answer | null): number[] {
  if (!answer) return [];
  return answer.kind === 'valg' ? answer.choices : answer.kind === 'skala' ? [answer.value] : [];
}

/** «Ja», «Ja, Kanskje», «4 av 5», the text itself: the answer as the voter would say it. */
function useDescribe(): (poll: PersonalPoll['poll'], a: Answer) => string {
  const { t } = useTranslation();
  return (poll, a) =>
    a.kind === 'tekst' ? a.text : a.kind === 'skala' ? t('personal.polls.scaleAnswer', { value: a.value, max: poll.scale?.max ?? 5 }) : a.choices.map((i) => poll.options[i] ?? '?').join(', ');
}

/**
 * One open poll, answerable here: the same answer the card takes (option indexes, a scale
 * value, a text), sent to the same use case. The server's sentence says what happened.
 */
export function PollCard({ entry, timeZone, showNetwork, onAnswered }: { entry: PersonalPoll; timeZone: string; showNetwork: boolean; onAnswered?: () => void }) {
  const { t, i18n } = useTranslation();
  const s = usePersonalStyles();
  const describe = useDescribe();
  const legendId = useId();
  const { poll } = entry;
  const [mine, setMine] = useState<Answer | null>(entry.myAnswer);
  const [respondents, setRespondents] = useState(poll.respondents ?? 0);
  const [choices, setChoices] = useState<number[]>(initialChoices(entry.myAnswer));
  const [text, setText] = useState(entry.myAnswer?.kind === 'tekst' ? entry.myAnswer.text : '');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const submit = async () => {
    setBusy(true);
    setNotice(null);
    const body: PollVoteRequest = { answer: poll.kind === 'fritekst' ? text : poll.kind === 'flervalg' ? choices : (choices[0] ?? []) };
    try {
      const res = await personalApi.vote(entry.networkId, poll.id, body);
      setMine(res.myAnswer);
      setRespondents(res.poll.respondents ?? respondents);
      setNotice({ intent: 'success', text: res.message });
      onAnswered?.();
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof ApiError && err.message ? err.message : t('common.errorFallback') });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (i: number, on: boolean) => setChoices((c) => (on ? [...c, i].sort((a, b) => a - b) : c.filter((x) => x !== i)));
  const scale = poll.scale ? Array.from({ length: poll.scale.max }, (_, i) => i + 1) : [];

  return (
    <li className={s.card}>
      <form
        className={s.form}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className={s.fieldset} aria-describedby={`${legendId}-meta`}>
          <legend id={legendId} className={s.legend}>
            {poll.question}
          </legend>
          <div id={`${legendId}-meta`} className={s.meta}>
            <Badge appearance="tint" shape="rounded" color="success">
              {t('polls.status.apen')}
            </Badge>
            <Text>{t(`polls.kind.${poll.kind}`)}</Text>
            {poll.anonymous && <Text>{t('personal.polls.anonymous')}</Text>}
            {poll.closesAt && <Text>{t('personal.polls.closes', { when: formatDateTime(poll.closesAt, i18n.language, timeZone) })}</Text>}
            {showNetwork && <Text>{entry.networkName}</Text>}
          </div>
          {poll.kind === 'enkeltvalg' && (
            <RadioGroup aria-labelledby={legendId} value={choices[0] === undefined ? '' : String(choices[0])} onChange={(_e, d) => setChoices([Number(d.value)])}>
              {poll.options.map((o, i) => (
                <Radio key={i} value={String(i)} label={o} />
              ))}
            </RadioGroup>
          )}
          {poll.kind === 'flervalg' && (
            <>
              {poll.maxChoices && <Text className={s.hint}>{t('personal.polls.maxChoices', { count: poll.maxChoices })}</Text>}
              {poll.options.map((o, i) => (
                <Checkbox key={i} label={o} checked={choices.includes(i)} onChange={(_e, d) => toggle(i, d.checked === true)} />
              ))}
            </>
          )}
          {poll.kind === 'skala' && poll.scale && (
            <>
              <Text className={s.hint}>{t('personal.polls.scaleEnds', { min: poll.scale.minLabel, max: poll.scale.maxLabel, top: poll.scale.max })}</Text>
              <RadioGroup layout="horizontal" aria-labelledby={legendId} value={choices[0] === undefined ? '' : String(choices[0])} onChange={(_e, d) => setChoices([Number(d.value)])}>
                {scale.map((v) => (
                  <Radio key={v} value={String(v)} label={String(v)} />
                ))}
              </RadioGroup>
            </>
          )}
          {poll.kind === 'fritekst' && (
            <Field label={t('personal.polls.yourText')}>
              <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" />
            </Field>
          )}
        </fieldset>
        <div className={s.actions}>
          <Button type="submit" appearance="primary" disabled={busy} className={s.submit}>
            {mine ? t('personal.polls.change') : t('personal.polls.send')}
          </Button>
          <Text>
            {mine ? t('personal.polls.yourAnswer', { answer: describe(poll, mine) }) : t('personal.polls.notAnswered')}{' '}
            {t('personal.polls.respondents', { count: respondents })}
          </Text>
        </div>
        {/* Said aloud when it appears: the card's own sentence («Takk! Svaret ditt er lagret.»). */}
        <div aria-live="polite">
          {notice && (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </form>
    </li>
  );
}
