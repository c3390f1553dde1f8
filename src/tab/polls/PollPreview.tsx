import { Button, Checkbox, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewPoll } from '../api-types.js';

const useStyles = makeStyles({
  frame: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tags: { color: tokens.colorNeutralForeground2 },
  question: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  muted: { color: tokens.colorNeutralForeground2 },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
});

/**
 * What the card in Teams will look like, updated as the form is filled in. Inert: it is a
 * picture of the card, so its controls are disabled and it is labelled as a preview.
 */
export function PollPreview({ poll }: { poll: NewPoll }) {
  // In the tab's language, as the server now writes each card in its reader's language.
  const { t } = useTranslation();
  const s = useStyles();
  const id = useId();
  const options = poll.options.filter((o) => o.trim() !== '');
  const max = poll.scaleMax ?? 5;
  return (
    <figure className={s.frame} aria-labelledby={id} style={{ margin: 0 }}>
      <figcaption id={id}>
        <Text weight="semibold">{t('polls.preview.title')}</Text>
      </figcaption>
      <Text size={200} className={s.tags}>
        {[t('polls.preview.tag'), poll.anonymous ? t(`polls.preview.stored.${poll.breakdown}`) : t('polls.preview.named')].join(' · ')}
      </Text>
      <Text className={s.question}>{poll.question.trim() || t('polls.preview.noQuestion')}</Text>
      <Text size={200} className={s.muted}>
        {t('polls.preview.status')}
      </Text>
      {poll.kind === 'enkeltvalg' && (
        <RadioGroup disabled aria-label={t('polls.preview.single')}>
          {(options.length ? options : [t('polls.preview.option', { n: 1 }), t('polls.preview.option', { n: 2 })]).map((o, i) => (
            <Radio key={i} value={String(i)} label={o} />
          ))}
        </RadioGroup>
      )}
      {poll.kind === 'flervalg' && (
        <div role="group" className={s.stack} aria-label={t('polls.preview.multi', { max: poll.maxChoices ?? options.length })}>
          <Text size={200}>{t('polls.preview.multi', { max: poll.maxChoices ?? options.length })}</Text>
          {(options.length ? options : [t('polls.preview.option', { n: 1 }), t('polls.preview.option', { n: 2 })]).map((o, i) => (
            <Checkbox key={i} disabled label={o} />
          ))}
        </div>
      )}
      {poll.kind === 'skala' && (
        <RadioGroup disabled layout="horizontal" aria-label={t('polls.preview.scale', { max, min: poll.scaleMinLabel || '–', maxLabel: poll.scaleMaxLabel || '–' })}>
          {Array.from({ length: max }, (_, i) => (
            <Radio key={i} value={String(i + 1)} label={i === 0 && poll.scaleMinLabel ? `1 – ${poll.scaleMinLabel}` : i === max - 1 && poll.scaleMaxLabel ? `${max} – ${poll.scaleMaxLabel}` : String(i + 1)} />
          ))}
        </RadioGroup>
      )}
      {poll.kind === 'fritekst' && <Input disabled placeholder={t('polls.preview.text')} aria-label={t('polls.preview.text')} />}
      <div>
        <Button appearance="primary" disabled>
          {t('polls.preview.send')}
        </Button>
      </div>
    </figure>
  );
}
