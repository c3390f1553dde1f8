import { apiCall, networkPath } from '../api.js';
import type {
  MatrixCell,
  MatrixResponse,
  NewAssignmentRequest,
  NewAssignmentResponse,
  PhaseRequest,
  PhaseResponse,
  ReflectionsResponse,
  SendTaskRequest,
  SendTaskResponse,
  StandingResponse,
  WorkUpdateRequest,
  WorkUpdateResponse,
} from '../api-types.js';

const call = apiCall;

const base = networkPath;

export const workApi = {
  matrix: (networkId: string, signal?: AbortSignal) => call<MatrixResponse>('GET', `${base(networkId)}/mellomarbeid`, undefined, signal),
  reflections: (networkId: string, signal?: AbortSignal) => call<ReflectionsResponse>('GET', `${base(networkId)}/reflections`, undefined, signal),
  standing: (networkId: string, signal?: AbortSignal) => call<StandingResponse>('GET', `${base(networkId)}/municipalities`, undefined, signal),
  updateWork: (
    networkId: string,
    cell: Pick<MatrixCell, 'assignmentId' | 'municipalityNumber' | 'status'>,
    change: Omit<WorkUpdateRequest, 'expectedStatus'>,
  ) =>
    call<WorkUpdateResponse>(
      'PUT',
      `${base(networkId)}/mellomarbeid/${encodeURIComponent(cell.assignmentId)}/${encodeURIComponent(cell.municipalityNumber)}`,
      { ...change, expectedStatus: cell.status } satisfies WorkUpdateRequest,
    ),
  createAssignment: (networkId: string, body: NewAssignmentRequest) =>
    call<NewAssignmentResponse>('POST', `${base(networkId)}/mellomarbeid`, body),
  sendTask: (networkId: string, taskId: string) =>
    call<SendTaskResponse>('POST', `${base(networkId)}/reflections/${encodeURIComponent(taskId)}/send`, {} satisfies SendTaskRequest),
  setPhase: (networkId: string, number: string, phase: PhaseRequest['phase']) =>
    call<PhaseResponse>('PUT', `${base(networkId)}/municipalities/${encodeURIComponent(number)}/phase`, { phase } satisfies PhaseRequest),
};
