import { Field, Input, makeStyles } from '@fluentui/react-components';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  date: { maxWidth: '11rem' },
  clock: { maxWidth: '8rem' },
});

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A message in the tab's language; marks the field invalid and is tied to it (aria-describedby). */
  error?: string | null;
  required?: boolean;
  hint?: string;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** One typed field: the same Field and Input for dates and clocks, only the hint and width differ. */
function TypedField(props: Props & { defaultHint: string; inputClass: string }) {
  return (
    <Field
      label={props.label}
      hint={props.hint ?? props.defaultHint}
      required={props.required}
      validationState={props.error ? 'error' : 'none'}
      validationMessage={props.error ?? undefined}
      className={props.className}
    >
      <Input
        ref={props.inputRef}
        className={props.inputClass}
        value={props.value}
        inputMode="numeric"
        autoComplete="off"
        onChange={(_e, d) => props.onChange(d.value)}
      />
    </Field>
  );
}

/**
 * A date typed as dd.mm.yyyy in a plain text field: the browser's own date input shows
 * «mm/dd/yyyy» in an English browser, whatever the tab's language. Parse with format.ts parseDay.
 */
export function DateField(props: Props) {
  const { t } = useTranslation();
  return <TypedField {...props} defaultHint={t('fields.dateHint')} inputClass={useStyles().date} />;
}

/**
 * A 24-hour clock typed as «16.00» or «16:00»: the browser's time input shows «04:00 PM» in an
 * English browser. Parse with format.ts parseClock.
 */
export function ClockField(props: Props) {
  const { t } = useTranslation();
  return <TypedField {...props} defaultHint={t('fields.timeHint')} inputClass={useStyles().clock} />;
}
