import { Button, Field, Select, Subtitle1, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembersResponse } from '../api-types.js';
import { ApiError } from '../api.js';
import { ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import { adminApi } from './api.js';
import { useAdminStyles } from './styles.js';

const loadRoster = (networkId: string, signal: AbortSignal) => adminApi.roster(networkId, signal);

/** People in the network's Teams team who are not in it yet («synk medlemmer» and Teams keep the list). */
export function InviteSection(props: { networkId: string; members: MembersResponse; version: number; onAdded(): void; announce(text: string): void }) {
  const { t } = useTranslation();
  const s = useAdminStyles();
  const headingId = useId();
  const [roster, retry] = useAsync(`${props.networkId}#${props.version}`, (key, signal) => loadRoster(key.split('#')[0]!, signal));
  const [person, setPerson] = useState('');
  const [role, setRole] = useState<'deltaker' | 'fasilitator'>('deltaker');
  const [municipality, setMunicipality] = useState(props.members.municipalities[0]?.number ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const people = roster.status === 'ready' ? roster.data.people : [];
  const nameOf = (id: string) => people.find((p) => p.aadObjectId === id)?.displayName ?? t('admin.invite.noName');
  const invite = async () => {
    setBusy(true);
    setError(null);
    try {
      const name = nameOf(person);
      await adminApi.addMember(props.networkId, {
        aadObjectId: person,
        displayName: name,
        role,
        ...(role === 'deltaker' ? { municipalityNumber: municipality } : {}),
      });
      props.announce(t('admin.invite.added', { name }));
      setPerson('');
      props.onAdded();
      retry();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError && error.field === field ? error.message : undefined);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {t('admin.invite.title')}
      </Subtitle1>
      {roster.status === 'loading' && <Loading label={t('admin.invite.loading')} />}
      {roster.status === 'error' && <ErrorBar error={roster.error} onRetry={retry} />}
      {roster.status === 'ready' && !roster.data.teamBound && <Text>{t('admin.invite.noTeam')}</Text>}
      {roster.status === 'ready' && roster.data.teamBound && people.length === 0 && <Text>{t('admin.invite.empty')}</Text>}
      {people.length > 0 && (
        <div className={s.row}>
          <Field className={s.grow} label={t('admin.invite.person')} validationMessage={fieldError('aadObjectId')}>
            <Select value={person} onChange={(_e, d) => setPerson(d.value)}>
              <option value="">{t('admin.invite.choose')}</option>
              {people.map((p) => (
                <option key={p.aadObjectId} value={p.aadObjectId}>
                  {p.displayName ?? t('admin.invite.noName')}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('admin.members.role')}>
            <Select value={role} onChange={(_e, d) => setRole(d.value === 'fasilitator' ? 'fasilitator' : 'deltaker')}>
              <option value="deltaker">{t('admin.role.deltaker')}</option>
              <option value="fasilitator">{t('admin.role.fasilitator')}</option>
            </Select>
          </Field>
          {role === 'deltaker' && (
            <Field label={t('admin.members.municipality')} validationMessage={fieldError('municipalityNumber')}>
              <Select value={municipality} onChange={(_e, d) => setMunicipality(d.value)}>
                {props.members.municipalities.map((m) => (
                  <option key={m.number} value={m.number}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Button appearance="primary" onClick={invite} disabled={busy || !person}>
            {t('admin.invite.add')}
          </Button>
        </div>
      )}
      {error !== null && !fieldError('aadObjectId') && !fieldError('municipalityNumber') && <ErrorBar error={error} />}
      <Text size={200} className={s.note}>
        {t('admin.invite.hint')}
      </Text>
    </section>
  );
}
