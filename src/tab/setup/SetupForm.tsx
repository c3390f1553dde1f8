import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.js';
import type { BodyCode, NewNetworkResponse, SetupOptions } from '../api-types.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalL },
  },
  title: { margin: 0, ...typographyStyles.subtitle1 },
  fieldset: { border: 0, padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  legend: { ...typographyStyles.body1Strong, marginBottom: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 'min(12rem, 100%)' },
  control: { maxWidth: '100%', minWidth: 0 },
  chips: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
  },
  note: { color: tokens.colorNeutralForeground2 },
  error: { display: 'block', color: tokens.colorPaletteRedForeground1, ...typographyStyles.caption1 },
});

type FieldName = 'name' | 'region' | 'reform' | 'bodies' | 'municipalities';

/** The set-up form of the configuration page: the same fields, rules and refusals as the bot's card. */
export function SetupForm({ options, teamId, onCreated, onCancel }: {
  options: SetupOptions;
  /** The Teams team the tab is being added in (its thread id), bound to the new network if the bot knows it. */
  teamId: string | undefined;
  onCreated: (created: NewNetworkResponse) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const s = useStyles();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [reform, setReform] = useState('');
  const [bodies, setBodies] = useState<BodyCode[]>([]);
  const [county, setCounty] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<{ message: string; field?: FieldName } | null>(null);
  const [saving, setSaving] = useState(false);
  const refs = { name: useRef<HTMLInputElement>(null), region: useRef<HTMLSelectElement>(null), reform: useRef<HTMLSelectElement>(null), bodies: useRef<HTMLInputElement>(null), municipalities: useRef<HTMLInputElement>(null) };
  const bodiesLegend = useId();
  const bodiesError = useId();

  const byNumber = useMemo(() => new Map(options.municipalities.map((m) => [m.number, m])), [options]);
  const countyName = useMemo(() => new Map(options.counties.map((c) => [c.number, c.name])), [options]);
  const regionCounties = options.regions.find((r) => r.slug === region)?.countyNumbers ?? [];
  // The region's counties first in the picker: those are the ones a network usually draws from.
  const counties = [...options.counties].sort((a, b) => Number(!regionCounties.includes(a.number)) - Number(!regionCounties.includes(b.number)));
  const q = query.trim().toLocaleLowerCase('nb');
  const matches = options.municipalities.filter((m) => !q || m.name.toLocaleLowerCase('nb').includes(q) || m.number.startsWith(q)).slice(0, 60);
  const label = (number: string) => {
    const m = byNumber.get(number);
    return m ? `${m.name} (${countyName.get(m.countyNumber) ?? m.countyNumber})` : number;
  };

  const chooseRegion = (slug: string) => {
    setRegion(slug);
    const first = options.regions.find((r) => r.slug === slug)?.countyNumbers[0];
    if (first) setCounty(first);
  };
  const addCounty = () => {
    if (!county) return;
    const numbers = options.municipalities.filter((m) => m.countyNumber === county).map((m) => m.number);
    setPicked((p) => [...new Set([...p, ...numbers])]);
  };

  const invalid = (field: FieldName) => (error?.field === field ? ('error' as const) : undefined);
  const messageFor = (field: FieldName) => (error?.field === field ? error.message : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const created = await api.createNetwork({ name, region, reform, bodies, municipalities: picked, counties: [], ...(teamId ? { teamId } : {}) });
      onCreated(created);
    } catch (err) {
      const field = err instanceof ApiError && ['name', 'region', 'reform', 'bodies', 'municipalities'].includes(err.field ?? '') ? (err.field as FieldName) : undefined;
      setError({ message: err instanceof Error && err.message ? err.message : t('setup.failed'), field });
      if (field) refs[field].current?.focus();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={s.form} onSubmit={submit} noValidate aria-labelledby="setup-title">
      <h2 id="setup-title" className={s.title}>
        {t('setup.title')}
      </h2>
      <Text>{t('setup.intro')}</Text>
      {error && !error.field && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('setup.name')} required validationState={invalid('name')} validationMessage={messageFor('name')}>
        <Input ref={refs.name} value={name} maxLength={160} onChange={(_e, d) => setName(d.value)} placeholder={t('setup.namePlaceholder')} />
      </Field>
      <Field label={t('setup.region')} required validationState={invalid('region')} validationMessage={messageFor('region')} hint={t('setup.regionHint')}>
        <Select ref={refs.region} className={s.control} value={region} onChange={(_e, d) => chooseRegion(d.value)}>
          <option value="" disabled>
            {t('setup.choose')}
          </option>
          {options.regions.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.office}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('setup.reform')} required validationState={invalid('reform')} validationMessage={messageFor('reform')}>
        <Select ref={refs.reform} className={s.control} value={reform} onChange={(_e, d) => setReform(d.value)}>
          <option value="" disabled>
            {t('setup.choose')}
          </option>
          {options.reforms.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
      {/* Not inside a Field: it would give every checkbox the same id. */}
      <div>
        <fieldset className={s.fieldset} aria-labelledby={bodiesLegend} aria-describedby={error?.field === 'bodies' ? bodiesError : undefined}>
          <legend id={bodiesLegend} className={s.legend}>
            {t('setup.bodies')}
          </legend>
          {options.bodies.map((b, i) => (
            <Checkbox
              key={b.code}
              ref={i === 0 ? refs.bodies : undefined}
              label={b.name}
              checked={bodies.includes(b.code)}
              onChange={(_e, d) => setBodies((cur) => (d.checked ? [...cur, b.code] : cur.filter((x) => x !== b.code)))}
            />
          ))}
        </fieldset>
        {error?.field === 'bodies' && (
          <Text id={bodiesError} className={s.error} role="alert">
            {error.message}
          </Text>
        )}
      </div>
      <div className={s.row}>
        <Field label={t('setup.county')} className={s.grow}>
          <Select className={s.control} value={county} onChange={(_e, d) => setCounty(d.value)}>
            <option value="" disabled>
              {t('setup.choose')}
            </option>
            {counties.map((c) => (
              <option key={c.number} value={c.number}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={addCounty} disabled={!county}>
          {t('setup.addCounty')}
        </Button>
      </div>
      <Field label={t('setup.municipalities')} required validationState={invalid('municipalities')} validationMessage={messageFor('municipalities')} hint={t('setup.municipalitiesHint')}>
        <Combobox
          ref={refs.municipalities}
          className={s.control}
          multiselect
          freeform
          value={query}
          placeholder={t('setup.municipalitiesPlaceholder')}
          selectedOptions={picked}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_e, d) => {
            setPicked(d.selectedOptions.filter((n) => byNumber.has(n)));
            setQuery('');
          }}
        >
          {matches.map((m) => (
            <Option key={m.number} value={m.number} text={label(m.number)}>
              {label(m.number)}
            </Option>
          ))}
          {matches.length === 0 && <Option disabled value="" text={t('setup.noMatch')}>{t('setup.noMatch')}</Option>}
        </Combobox>
      </Field>
      <Text className={s.note} aria-live="polite">
        {t('setup.chosen', { count: picked.length })}
      </Text>
      {picked.length > 0 && (
        // A plain list, not a TagGroup: its tabster focus helpers fail axe (aria-hidden-focus).
        <ul className={s.chips} aria-label={t('setup.chosenList')}>
          {picked.map((n) => (
            <li key={n} className={s.chip}>
              <span>{label(n)}</span>
              <Button
                size="small"
                appearance="subtle"
                aria-label={t('setup.remove', { name: label(n) })}
                onClick={() => setPicked((p) => p.filter((x) => x !== n))}
              >
                {/* A glyph, not an icon package the app does not depend on directly; the label names it. */}
                <span aria-hidden="true">✕</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('setup.saving') : t('setup.submit')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('setup.cancel')}</Button>}
      </div>
    </form>
  );
}
