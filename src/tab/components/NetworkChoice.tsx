import { Field, Select } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useAsync, useQueryParam } from '../hooks.js';
import type { NetworkSummary } from '../api-types.js';
import { EmptyState, ErrorBar, Loading } from './States.js';

const loadNetworks = (_key: string, signal: AbortSignal) => api.listNetworks(signal);

export interface NetworkChoice {
  networkId: string | null;
  networks: NetworkSummary[];
  /** A network picker for the page header, when there is more than one to choose from. */
  picker: ReactNode;
  /** What to show instead of the page while the network list loads, fails or is empty. */
  gate: ReactNode;
}

/**
 * Which network a page is about: fixed by `?network=` (a channel tab), else the person's own,
 * with a picker when they have several. Every network page shares this first step.
 */
export function useNetworkChoice(): NetworkChoice {
  const { t } = useTranslation();
  const fixedId = useQueryParam('network');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [networks, retryNetworks] = useAsync(fixedId ? null : 'all', loadNetworks);
  const list = networks.status === 'ready' ? networks.data.networks : [];
  const networkId = fixedId ?? chosenId ?? list[0]?.id ?? null;

  const picker =
    !fixedId && list.length > 1 ? (
      <Field label={t('networks.picker')} size="small">
        <Select value={networkId ?? ''} onChange={(_e, d) => setChosenId(d.value)}>
          {list.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </Select>
      </Field>
    ) : null;

  let gate: ReactNode = null;
  if (!fixedId && networks.status !== 'ready') {
    gate =
      networks.status === 'loading' ? (
        <Loading label={t('networks.loading')} />
      ) : (
        <ErrorBar error={networks.error} onRetry={retryNetworks} />
      );
  } else if (networkId === null) {
    gate = <EmptyState title={t('networks.emptyTitle')} body={t('networks.emptyBody')} />;
  }
  return { networkId, networks: list, picker, gate };
}
