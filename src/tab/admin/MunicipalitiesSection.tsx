import { Button, Combobox, Field, Option, Subtitle1, Text } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkAdminResponse } from '../api-types.js';
import { ApiError } from '../api.js';
import { ErrorBar } from '../components/States.js';
import { useAsync } from '../hooks.js';
import { adminApi } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useAdminStyles } from './styles.js';

const loadAll = (_key: string, signal: AbortSignal) => adminApi.allMunicipalities(signal);

/** The network's municipalities: listed with what belongs to each; a facilitator adds (searchable, several at once) and removes. */
export function MunicipalitiesSection(props: { networkId: string; data: NetworkAdminResponse; onChanged(): void; announce(text: string): void }) {
  const { t } = useTranslation();
  const s = useAdminStyles();
  const headingId = useId();
  const { municipalities, access } = props.data;
  const [removing, setRemoving] = useState<{ number: string; name: string } | null>(null);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {t('admin.municipalities.title')}
      </Subtitle1>
      {access.canManage && <AddMunicipalities networkId={props.networkId} inNetwork={municipalities.map((m) => m.number)} onAdded={(names) => {
        props.announce(t('admin.municipalities.added', { names }));
        props.onChanged();
      }} />}
      {municipalities.length === 0 ? (
        <Text>{t('admin.municipalities.empty')}</Text>
      ) : (
        <ul className={s.list} aria-labelledby={headingId}>
          {municipalities.map((m) => (
            <li key={m.number} className={s.listItem}>
              <span className={s.itemText}>
                <Text weight="semibold">{m.name}</Text>
                <Text size={200} className={s.note}>
                  {t('admin.municipalities.detail', { number: m.number, county: m.countyName, participants: t('admin.municipalities.participants', { count: m.participants }) })}
                </Text>
              </span>
              {access.canManage && (
                <Button onClick={() => setRemoving(m)} aria-label={t('admin.municipalities.removeNamed', { name: m.name })}>
                  {t('admin.municipalities.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('admin.municipalities.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('admin.municipalities.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await adminApi.removeMunicipality(props.networkId, removing.number);
          props.announce(t('admin.municipalities.removed', { name: removing.name }));
          props.onChanged();
        }}
      >
        <Text>{t('admin.municipalities.removeBody')}</Text>
      </ConfirmDialog>
    </section>
  );
}

function AddMunicipalities(props: { networkId: string; inNetwork: string[]; onAdded(names: string): void }) {
  const { t } = useTranslation();
  const s = useAdminStyles();
  const [all] = useAsync('all', loadAll);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const options = all.status === 'ready' ? all.data.municipalities.filter((m) => !props.inNetwork.includes(m.number)) : [];
  const byNumber = useMemo(() => new Map(options.map((m) => [m.number, m])), [options]);
  const needle = query.trim().toLocaleLowerCase('nb');
  // By name, number or county: «Agder» offers a whole county at once.
  const shown = (needle ? options.filter((m) => `${m.name} ${m.number} ${m.countyName}`.toLocaleLowerCase('nb').includes(needle)) : options).slice(0, 60);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await adminApi.addMunicipalities(props.networkId, selected);
      props.onAdded(selected.map((n) => byNumber.get(n)?.name ?? n).join(', '));
      setSelected([]);
      setQuery('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = error instanceof ApiError && error.field?.startsWith('municipalityNumbers') ? error.message : undefined;

  return (
    <div className={s.row}>
      <Field
        className={s.grow}
        label={t('admin.municipalities.addLabel')}
        hint={selected.length > 0 ? t('admin.municipalities.selected', { names: selected.map((n) => byNumber.get(n)?.name ?? n).join(', ') }) : t('admin.municipalities.addHint')}
        validationMessage={fieldError}
      >
        <Combobox
          multiselect
          freeform
          placeholder={t('admin.municipalities.placeholder')}
          value={query}
          selectedOptions={selected}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onOptionSelect={(_e, d) => {
            setSelected(d.selectedOptions);
            setQuery('');
          }}
          disabled={all.status !== 'ready'}
        >
          {shown.map((m) => (
            <Option key={m.number} value={m.number} text={m.name}>
              {t('admin.municipalities.option', { name: m.name, county: m.countyName })}
            </Option>
          ))}
          {shown.length === 0 && (
            <Option value="" disabled text="">
              {t('admin.municipalities.noMatch')}
            </Option>
          )}
        </Combobox>
      </Field>
      <Button appearance="primary" onClick={add} disabled={busy || selected.length === 0}>
        {t('admin.municipalities.add')}
      </Button>
      {error !== null && !fieldError && <ErrorBar error={error} />}
      {all.status === 'error' && <ErrorBar error={all.error} />}
    </div>
  );
}
