/**
 * The tab API of mellomarbeid (assignments between gatherings, one row of work per
 * municipality), as types only. The tab sees these through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Assignment, MunicipalityWork, WorkStatus } from './domain/mellomarbeid.js';
import type { Json } from '../shared/json.js';
import type { newAssignmentSchema, workUpdateSchema } from './input.js';

export type { WorkStatus };

/** One municipality's work on one assignment, with what the caller may do with it. */
export type WorkCell = Json<
  Pick<MunicipalityWork, 'assignmentId' | 'municipalityNumber' | 'status' | 'submissionText' | 'submissionUrl' | 'feedback' | 'deliveredAt' | 'updatedAt'>
> & {
  overdue: boolean;
  canEditSubmission: boolean;
  /** The status moves the caller may make from here. */
  nextStatuses: WorkStatus[];
};

export type AssignmentView = Json<Omit<Assignment, 'networkId'>>;

export type MatrixAssignment = AssignmentView & {
  planItemTitle: string | null;
  progress: { delivered: number; total: number };
};

/** GET /api/networks/:networkId/mellomarbeid */
export interface MatrixResponse {
  canCreate: boolean;
  canReview: boolean;
  municipalities: { number: string; name: string }[];
  /** Plan items of kind mellomarbeid: what a new assignment is made from. */
  planItems: { id: string; title: string; endsAt: string }[];
  assignments: MatrixAssignment[];
  cells: WorkCell[];
}

/** POST /api/networks/:networkId/mellomarbeid */
export type NewAssignmentRequest = z.input<typeof newAssignmentSchema>;
export interface NewAssignmentResponse {
  assignment: AssignmentView;
  municipalityNumbers: string[];
  /** Set when the due time is on a public holiday (or a quiet Christmas day): no reminder goes out then. */
  holidayNotice: string | null;
}

/** PUT /api/networks/:networkId/mellomarbeid/:assignmentId/:municipalityNumber */
export type WorkUpdateRequest = z.input<typeof workUpdateSchema>;
export interface WorkUpdateResponse {
  cell: WorkCell;
}
