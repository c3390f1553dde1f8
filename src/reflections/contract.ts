/**
 * The tab API of reflection tasks (and focus-area tasks): what each route answers and what it
 * accepts, as types only. The tab sees these through `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { ReflectionTask } from './domain/reflections.js';
import type { ReflectionSummary } from './domain/summary.js';
import type { DeliveryReport } from './delivery.js';
import type { AnswerSaved } from './answer.js';
import type { MineItem } from './cards/mine.js';
import type { Json } from '../shared/json.js';
import type { answerSchema, newTaskSchema, sendSchema } from './input.js';

/** A task as listed: its definition, whether it is still open, and how far delivery got. */
export type TaskView = Json<Pick<ReflectionTask, 'id' | 'kind' | 'title' | 'prompts' | 'answerMode' | 'visibility' | 'dueAt' | 'planItemId'>> & {
  open: boolean;
  planItemTitle: string | null;
  deliveredCount: number;
};

/** A task's answers grouped by prompt (and municipality unless anonymous). */
export type SummaryView = Json<ReflectionSummary>;

/** What a «send» reached, with the sentence the tab shows. */
export type DeliveryView = DeliveryReport & { text: string };

export type ReflectionTaskRow = TaskView & {
  canAnswer: boolean;
  /** Null when the caller may not read it; summaryRefusal says why. */
  summary: SummaryView | null;
  summaryRefusal: string | null;
};

/** GET /api/networks/:networkId/reflections */
export interface ReflectionsResponse {
  canCreate: boolean;
  tasks: ReflectionTaskRow[];
}

/** POST /api/networks/:networkId/reflections */
export type NewTaskRequest = z.input<typeof newTaskSchema>;
export interface NewTaskResponse {
  task: TaskView;
  /** Null unless the request asked for delivery. */
  delivery: DeliveryView | null;
  /** Set when the due time is on a public holiday (or a quiet Christmas day): no reminder goes out then. */
  holidayNotice: string | null;
}

/** POST /api/networks/:networkId/reflections/:taskId/send */
export type SendTaskRequest = z.input<typeof sendSchema>;
export interface SendTaskResponse {
  delivery: DeliveryView;
}

/** GET /api/networks/:networkId/reflections/:taskId/summary */
export interface SummaryResponse {
  summary: SummaryView;
}

/** PUT /api/networks/:networkId/reflections/:taskId/answer */
export type AnswerRequest = z.input<typeof answerSchema>;
export interface AnswerResponse {
  saved: AnswerSaved;
}

/** GET /api/networks/:networkId/reflections/mine */
export interface MineResponse {
  items: (Pick<MineItem, 'state' | 'answers' | 'note'> & { task: TaskView })[];
}
