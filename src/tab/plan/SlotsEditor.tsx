import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ClockField } from '../components/DateTimeFields.js';
import type { FormField, SlotForm } from './form.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  municipality: { minWidth: 'min(14rem, 100%)' },
  hint: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  slots: SlotForm[];
  municipalities: { number: string; name: string }[];
  onChange(slots: SlotForm[]): void;
  errorOf(field: FormField): string | null;
}

/** Veiledning «per kommune»: one time on the item's day for each municipality. */
export function SlotsEditor({ slots, municipalities, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const s = useStyles();
  const set = (i: number, change: Partial<SlotForm>) => onChange(slots.map((slot, j) => (j === i ? { ...slot, ...change } : slot)));
  const groupError = errorOf('slots');
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>{t('editor.slots.legend')}</legend>
      <Text size={200} className={s.hint}>
        {t('editor.slots.hint')}
      </Text>
      {groupError && (
        <Text role="alert" size={200}>
          {groupError}
        </Text>
      )}
      {slots.map((slot, i) => {
        const n = i + 1;
        const municipalityError = errorOf(`slots.${i}.municipalityNumber`);
        return (
          <div key={i} className={s.row} role="group" aria-label={t('editor.slots.row', { n })}>
            <Field
              label={t('editor.slots.municipality', { n })}
              className={s.municipality}
              validationState={municipalityError ? 'error' : 'none'}
              validationMessage={municipalityError ?? undefined}
            >
              <Select value={slot.municipalityNumber} onChange={(_e, d) => set(i, { municipalityNumber: d.value })}>
                <option value="">{t('editor.slots.choose')}</option>
                {municipalities.map((m) => (
                  <option key={m.number} value={m.number}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
            <ClockField label={t('editor.slots.start', { n })} value={slot.start} onChange={(v) => set(i, { start: v })} error={errorOf(`slots.${i}.start`)} />
            <ClockField label={t('editor.slots.end', { n })} value={slot.end} onChange={(v) => set(i, { end: v })} error={errorOf(`slots.${i}.end`)} />
            <Button onClick={() => onChange(slots.filter((_s, j) => j !== i))}>{t('editor.slots.remove', { n })}</Button>
          </div>
        );
      })}
      <div>
        <Button onClick={() => onChange([...slots, { municipalityNumber: '', start: '', end: '' }])}>{t('editor.slots.add')}</Button>
      </div>
    </fieldset>
  );
}
