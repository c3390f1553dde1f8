import { Button, Select, Subtitle1, Text } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow, MembersResponse, UpdateMemberRequest } from '../api-types.js';
import { ErrorBar } from '../components/States.js';
import { adminApi, SECTORS } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useAdminStyles } from './styles.js';

/**
 * Members with role, municipality and sector, changed inline (each change is saved at once and
 * said in the live region); removing asks first. Read-only for the coordinator and once ended.
 */
export function MembersSection(props: { networkId: string; data: MembersResponse; canManage: boolean; onChanged(): void; announce(text: string): void }) {
  const { t } = useTranslation();
  const s = useAdminStyles();
  const headingId = useId();
  const [rows, setRows] = useState(props.data.members);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // A reload (after an invite or a removal) brings the server's list.
  useEffect(() => setRows(props.data.members), [props.data.members]);

  const change = async (m: MemberRow, body: UpdateMemberRequest) => {
    setBusyId(m.memberId);
    setError(null);
    try {
      const { member } = await adminApi.updateMember(props.networkId, m.memberId, body);
      setRows((all) => all.map((r) => (r.memberId === member.memberId ? member : r)));
      props.announce(t('admin.members.saved', { name: member.displayName }));
    } catch (err) {
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  const roleChange = (m: MemberRow, role: string) => {
    if (role === 'fasilitator') return change(m, { role: 'fasilitator' });
    // A new deltaker needs a municipality: the first of the network's until the facilitator picks one.
    return change(m, { role: 'deltaker', municipalityNumber: m.municipalityNumber ?? props.data.municipalities[0]?.number ?? null });
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {t('admin.members.title')}
      </Subtitle1>
      {props.canManage && <Text className={s.note}>{t('admin.members.intro')}</Text>}
      {error !== null && <ErrorBar error={error} />}
      <table className={`${s.table} ${s.stacked}`} aria-labelledby={headingId}>
        <thead>
          <tr>
            <th className={s.th} scope="col">{t('admin.members.name')}</th>
            <th className={s.th} scope="col">{t('admin.members.role')}</th>
            <th className={s.th} scope="col">{t('admin.members.municipality')}</th>
            <th className={s.th} scope="col">{t('admin.members.sector')}</th>
            {props.canManage && <th className={s.th} scope="col">{t('admin.members.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const busy = busyId === m.memberId;
            const label = (what: string) => t('admin.members.fieldFor', { field: what, name: m.displayName });
            return (
              <tr key={m.memberId}>
                <td className={s.td}>
                  <Text weight="semibold">{m.displayName}</Text>
                </td>
                <td className={s.td} data-label={t('admin.members.role')}>
                  {props.canManage ? (
                    <Select aria-label={label(t('admin.members.role'))} value={m.role} disabled={busy} onChange={(_e, d) => void roleChange(m, d.value)}>
                      <option value="deltaker">{t('admin.role.deltaker')}</option>
                      <option value="fasilitator">{t('admin.role.fasilitator')}</option>
                    </Select>
                  ) : (
                    t(`admin.role.${m.role}`)
                  )}
                </td>
                <td className={s.td} data-label={t('admin.members.municipality')}>
                  {props.canManage && m.role === 'deltaker' ? (
                    <Select aria-label={label(t('admin.members.municipality'))} value={m.municipalityNumber ?? ''} disabled={busy} onChange={(_e, d) => void change(m, { municipalityNumber: d.value })}>
                      {props.data.municipalities.map((x) => (
                        <option key={x.number} value={x.number}>
                          {x.name}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    (m.municipalityName ?? t('admin.members.noMunicipality'))
                  )}
                </td>
                <td className={s.td} data-label={t('admin.members.sector')}>
                  {props.canManage ? (
                    <Select aria-label={label(t('admin.members.sector'))} value={m.sector} disabled={busy} onChange={(_e, d) => void change(m, { sector: d.value as MemberRow['sector'] })}>
                      {SECTORS.map((x) => (
                        <option key={x} value={x}>
                          {t(`admin.sector.${x}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    t(`admin.sector.${m.sector}`)
                  )}
                </td>
                {props.canManage && (
                  <td className={s.td}>
                    <Button onClick={() => setRemoving(m)} disabled={busy} aria-label={t('admin.members.removeNamed', { name: m.displayName })}>
                      {t('admin.members.remove')}
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        title={t('admin.members.removeTitle', { name: removing?.displayName ?? '' })}
        confirmLabel={t('admin.members.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await adminApi.removeMember(props.networkId, removing.memberId);
          setRows((all) => all.filter((r) => r.memberId !== removing.memberId));
          props.announce(t('admin.members.removed', { name: removing.displayName }));
          props.onChanged();
        }}
      >
        <Text>{t('admin.members.removeBody')}</Text>
      </ConfirmDialog>
    </section>
  );
}
