import { useAsync } from '../hooks.js';
import { regionApi } from './api.js';
import { ReportDownload } from './ReportDownload.js';

const loadAccess = (id: string, signal: AbortSignal) => regionApi.reportAccess(id, signal);

/** «Last ned rapport (Excel)» in the network view, for those who may export it (facilitators, the region's coordinator). */
export function NetworkReport({ networkId }: { networkId: string }) {
  const [access] = useAsync(networkId, loadAccess);
  if (access.status !== 'ready' || !access.data.canExport) return null;
  return <ReportDownload download={(from, to) => regionApi.downloadNetwork(networkId, from, to)} />;
}
