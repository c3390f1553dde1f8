import { apiCall, networkPath } from '../api.js';
import type { DeliveryResult, MatrixCell, MatrixResponse, ReflectionsResponse, StandingResponse, WorkStatus } from './types.js';

const call = apiCall;

const base = networkPath;

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
