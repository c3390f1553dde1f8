// Mirrors the JSON of the issue-5 routes: /reflections, /mellomarbeid, /municipalities.

export type WorkStatus = 'ikke-startet' | 'pabegynt' | 'levert' | 'tilbakemelding-gitt';
export type Visibility = 'fasilitatorer' | 'nettverket' | 'anonym';

export interface MatrixAssignment {
  id: string;
  title: string;
  description: string;
  dueAt: string;
  planItemTitle: string | null;
  progress: { delivered: number; total: number };
}

export interface MatrixCell {
  assignmentId: string;
  municipalityNumber: string;
  status: WorkStatus;
  overdue: boolean;
  submissionText: string | null;
  submissionUrl: string | null;
  feedback: string | null;
  deliveredAt: string | null;
  canEditSubmission: boolean;
  nextStatuses: WorkStatus[];
}

export interface MatrixResponse {
  canCreate: boolean;
  canReview: boolean;
  municipalities: { number: string; name: string }[];
  /** Plan items of kind mellomarbeid: what a new assignment is made from. */
  planItems: { id: string; title: string; endsAt: string }[];
  assignments: MatrixAssignment[];
  cells: MatrixCell[];
}

export interface SummaryEntry {
  authorName: string | null;
  version: number | null;
  text: string;
}

export interface Summary {
  taskId: string;
  title: string;
  answerCount: number | null;
  hiddenReason: string | null;
  prompts: { prompt: string; groups: { municipalityName: string | null; entries: SummaryEntry[] }[] }[];
  focus: { municipalityName: string; picks: string[] }[];
}

export interface ReflectionTaskRow {
  id: string;
  kind: 'refleksjon' | 'fokusomrade';
  title: string;
  prompts: string[];
  answerMode: 'personlig' | 'kommune';
  visibility: Visibility;
  dueAt: string;
  open: boolean;
  planItemTitle: string | null;
  deliveredCount: number;
  summary: Summary | null;
  summaryRefusal: string | null;
}

export interface ReflectionsResponse {
  canCreate: boolean;
  tasks: ReflectionTaskRow[];
}

export interface ChosenFocus {
  focusAreaName: string;
  solutionName: string | null;
  chosenOn: string;
}

export interface StandingResponse {
  canSetPhase: boolean;
  phases: { phase: number; label: string }[];
  municipalities: { number: string; name: string; phase: number | null; focus: ChosenFocus[] }[];
}

export interface DeliveryResult {
  delivery: { text: string };
}
