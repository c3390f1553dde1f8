/**
 * The tab API of the personal view «Mine oppgaver og samlinger» (issue 13): one person's next
 * sessions, open polls and reflection tasks, their municipality's mellomarbeid and their own
 * reminder setting, across every network they are in. Types only; the tab sees them through
 * `Json<…>` (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { Answer } from '../polls/domain/polls.js';
import type { PollView } from '../polls/contract.js';
import type { TaskView } from '../reflections/contract.js';
import type { WorkStatus } from '../mellomarbeid/contract.js';
import type { PlanItemView } from '../plan/contract.js';
import type { Role } from '../shared/types.js';
import type { remindersSchema } from './input.js';

/** Which network an entry belongs to, so a list across networks can say so. */
export interface InNetwork {
  networkId: string;
  networkName: string;
}

/** A coming session: the plan item, and the person's own time (their municipality's slot of a veiledning). */
export interface PersonalSession extends InNetwork {
  item: PlanItemView;
  startsAt: string;
  endsAt: string;
}

/** An open poll with the person's own answer (null: not answered yet). */
export interface PersonalPoll extends InNetwork {
  poll: PollView;
  myAnswer: Answer | null;
}

/** A reflection task the person answers, with their (or their municipality's) latest answer. */
export interface PersonalReflection extends InNetwork {
  task: TaskView;
  state: 'ubesvart' | 'besvart' | 'anonymt';
  answers: string[];
  /** Kommune mode: whose version the shared answer is («Versjon 2, skrevet av Ola Berg»). */
  note: string | null;
  /** Kommune mode: the version an edit builds on (optimistic concurrency); null otherwise. */
  baseVersion: number | null;
  municipalityName: string | null;
}

/** The person's municipality's work on one assignment: status, what was delivered, the feedback. */
export interface PersonalWork extends InNetwork {
  assignmentId: string;
  title: string;
  description: string;
  dueAt: string;
  planItemTitle: string | null;
  municipalityName: string;
  status: WorkStatus;
  overdue: boolean;
  submissionText: string | null;
  submissionUrl: string | null;
  feedback: string | null;
  deliveredAt: string | null;
}

/** GET /api/me/overview */
export interface PersonalOverviewResponse {
  timeZone: string;
  /** False for someone the app does not know yet: the lists are then empty. */
  registered: boolean;
  /** The person's own switch («stopp påminnelser» / «start påminnelser» in the bot). */
  remindersOn: boolean;
  networks: (InNetwork & { role: Role; municipalityName: string | null })[];
  sessions: PersonalSession[];
  polls: PersonalPoll[];
  reflections: PersonalReflection[];
  work: PersonalWork[];
}

/** PUT /api/me/reminders */
export type RemindersRequest = z.input<typeof remindersSchema>;
export interface RemindersResponse {
  remindersOn: boolean;
}

/**
 * GET /api/me/access: what the tab's navigation may offer, decided by the policy per network,
 * so a view a role cannot use is not shown at all.
 */
export interface ViewAccessResponse {
  registered: boolean;
  /** Coordinator of at least one region: the region overview. */
  coordinator: boolean;
  networks: {
    networkId: string;
    role: Role;
    /** The reminder report (facilitators). */
    reminderReport: boolean;
    /** The administration view (facilitators, the region's coordinator). */
    administration: boolean;
    /** Has tasks of their own here (a deltaker): the personal view comes first. */
    ownTasks: boolean;
  }[];
}
