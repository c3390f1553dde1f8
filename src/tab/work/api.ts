import { ApiError, getAuthHeaders } from '../api.js';
import { invalidateToken } from '../auth.js';
import type { DeliveryResult, MatrixCell, MatrixResponse, ReflectionsResponse, StandingResponse, WorkStatus } from './types.js';

/** Same error shape as the tab's other calls: the server's Norwegian message travels as is. */
async function call<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(await getAuthHeaders()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401) invalidateToken();
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(res.status, typeof err?.code === 'string' ? err.code : `http_${res.status}`, typeof err?.message === 'string' ? err.message : '');
  }
  return json as T;
}

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}`;

export const workApi = {
  matrix: (networkId: string, signal?: AbortSignal) => call<MatrixResponse>('GET', `${base(networkId)}/mellomarbeid`, undefined, signal),
  reflections: (networkId: string, signal?: AbortSignal) => call<ReflectionsResponse>('GET', `${base(networkId)}/reflections`, undefined, signal),
  standing: (networkId: string, signal?: AbortSignal) => call<StandingResponse>('GET', `${base(networkId)}/municipalities`, undefined, signal),
  updateWork: (
    networkId: string,
    cell: Pick<MatrixCell, 'assignmentId' | 'municipalityNumber' | 'status'>,
    change: { status?: WorkStatus; submissionText?: string | null; submissionUrl?: string | null; feedback?: string | null },
  ) =>
    call<{ cell: MatrixCell }>(
      'PUT',
      `${base(networkId)}/mellomarbeid/${encodeURIComponent(cell.assignmentId)}/${encodeURIComponent(cell.municipalityNumber)}`,
      { ...change, expectedStatus: cell.status },
    ),
  createAssignment: (
    networkId: string,
    body: { planItemId: string; title: string | null; description: string; dueAt: string; municipalityNumbers: string[] },
  ) => call<{ assignment: { id: string } }>('POST', `${base(networkId)}/mellomarbeid`, body),
  sendTask: (networkId: string, taskId: string) => call<DeliveryResult>('POST', `${base(networkId)}/reflections/${encodeURIComponent(taskId)}/send`, {}),
  setPhase: (networkId: string, number: string, phase: number | null) =>
    call<{ phase: number | null }>('PUT', `${base(networkId)}/municipalities/${encodeURIComponent(number)}/phase`, { phase }),
};
