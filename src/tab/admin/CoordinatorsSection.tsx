import { Button, Field, Input, Subtitle1, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { ErrorBar, Loading } from '../components/States.js';
import { useAsync } from '../hooks.js';
import { adminApi } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useAdminStyles } from './styles.js';

const loadCoordinators = (regionId: string, signal: AbortSignal) => adminApi.coordinators(regionId, signal);

/** The region's coordinators, for its coordinators: appoint by Entra object id, remove (never the last). */
export function CoordinatorsSection(props: { regionId: string; announce(text: string): void }) {
  const { t } = useTranslation();
  const s = useAdminStyles();
  const headingId = useId();
  const [list, retry] = useAsync(props.regionId, loadCoordinators);
  const [objectId, setObjectId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<{ memberId: string; displayName: string } | null>(null);

  const appoint = async () => {
    setError(null);
    try {
      await adminApi.addCoordinator(props.regionId, { aadObjectId: objectId.trim(), displayName: name.trim() });
      props.announce(t('admin.coordinators.added', { name: name.trim() }));
      setObjectId('');
      setName('');
      retry();
    } catch (err) {
      setError(err);
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError && error.field === field ? error.message : undefined);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {list.status === 'ready' ? t('admin.coordinators.titleRegion', { region: list.data.region.name }) : t('admin.coordinators.title')}
      </Subtitle1>
      <Text className={s.note}>{t('admin.coordinators.intro')}</Text>
      {list.status === 'loading' && <Loading label={t('admin.coordinators.loading')} />}
      {list.status === 'error' && <ErrorBar error={list.error} onRetry={retry} />}
      {list.status === 'ready' && (
        <ul className={s.list} aria-labelledby={headingId}>
          {list.data.coordinators.map((c) => (
            <li key={c.memberId} className={s.listItem}>
              <Text weight="semibold">{c.displayName}</Text>
              <Button onClick={() => setRemoving(c)} aria-label={t('admin.coordinators.removeNamed', { name: c.displayName })}>
                {t('admin.coordinators.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={s.row}>
        <Field className={s.grow} label={t('admin.coordinators.objectId')} hint={t('admin.coordinators.objectIdHint')} validationMessage={fieldError('aadObjectId')}>
          <Input value={objectId} onChange={(_e, d) => setObjectId(d.value)} />
        </Field>
        <Field className={s.grow} label={t('admin.coordinators.name')} validationMessage={fieldError('displayName')}>
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button appearance="primary" onClick={appoint} disabled={!objectId.trim() || !name.trim()}>
          {t('admin.coordinators.add')}
        </Button>
      </div>
      {error !== null && !fieldError('aadObjectId') && !fieldError('displayName') && <ErrorBar error={error} />}
      <ConfirmDialog
        open={removing !== null}
        title={t('admin.coordinators.removeTitle', { name: removing?.displayName ?? '' })}
        confirmLabel={t('admin.coordinators.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await adminApi.removeCoordinator(props.regionId, removing.memberId);
          props.announce(t('admin.coordinators.removed', { name: removing.displayName }));
          retry();
        }}
      >
        <Text>{t('admin.coordinators.removeBody')}</Text>
      </ConfirmDialog>
    </section>
  );
}
