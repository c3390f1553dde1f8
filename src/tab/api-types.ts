/**
 * The API's shapes as the tab receives them: each is `Json<…>` of a type in the server's
 * contract for that capability (src/<capability>/contract.ts), so a renamed or retyped field on
 * the server breaks the tab's build instead of its users. Nothing here declares a shape of its
 * own, and everything is `import type`: no server code reaches the browser bundle.
 */
import type { Json } from '../shared/contract.js';
import type * as focus from '../focus/contract.js';
import type * as identity from '../identity/contract.js';
import type * as mellomarbeid from '../mellomarbeid/contract.js';
import type * as network from '../network/contract.js';
import type * as plan from '../plan/contract.js';
import type * as polls from '../polls/contract.js';
import type * as reflections from '../reflections/contract.js';
import type * as reminders from '../reminders/contract.js';

export type { BodyCode, PlanItemFormat, PlanItemKind } from '../shared/contract.js';

// Sign-in (before any other call)
export type AuthConfig = Json<identity.AuthConfigResponse>;
export type DevUser = Json<identity.DevUserDto>;
export type DevUsersResponse = Json<identity.DevUsersResponse>;
export type LanguageResponse = Json<identity.LanguageResponse>;

// Networks and their plan
export type NetworkSummary = Json<network.NetworkView>;
export type NetworksResponse = Json<network.NetworksResponse>;
export type PlanItem = Json<plan.PlanItemView>;
export type PlanResponse = Json<plan.PlanResponse>;

// Mellomarbeid, reflection tasks, focus areas and phases
export type WorkStatus = mellomarbeid.WorkStatus;
export type MatrixAssignment = Json<mellomarbeid.MatrixAssignment>;
export type MatrixCell = Json<mellomarbeid.WorkCell>;
export type MatrixResponse = Json<mellomarbeid.MatrixResponse>;
export type NewAssignmentRequest = mellomarbeid.NewAssignmentRequest;
export type NewAssignmentResponse = Json<mellomarbeid.NewAssignmentResponse>;
export type WorkUpdateRequest = mellomarbeid.WorkUpdateRequest;
export type WorkUpdateResponse = Json<mellomarbeid.WorkUpdateResponse>;
export type ReflectionsResponse = Json<reflections.ReflectionsResponse>;
export type ReflectionTaskRow = Json<reflections.ReflectionTaskRow>;
export type Summary = Json<reflections.SummaryView>;
export type SendTaskRequest = reflections.SendTaskRequest;
export type SendTaskResponse = Json<reflections.SendTaskResponse>;
export type Phase = focus.Phase;
export type StandingResponse = Json<focus.StandingResponse>;
export type PhaseRequest = focus.PhaseRequest;
export type PhaseResponse = Json<focus.PhaseResponse>;

// Polls
export type PollKind = polls.PollKind;
export type PollBreakdown = polls.PollBreakdown;
export type Poll = Json<polls.PollView>;
export type Channel = Json<polls.Channel>;
export type PollListResponse = Json<polls.PollListResponse>;
export type PollResultsResponse = Json<polls.PollResultsResponse>;
export type Breakdown = Json<polls.Breakdown>;
export type OptionResult = Json<polls.OptionResult>;
export type Shift = Json<polls.Shift>;
/** The tab's poll form always sends every field. */
export type NewPoll = Required<polls.NewPollRequest>;
export type NewPollResponse = Json<polls.NewPollResponse>;
export type PollChangeResponse = Json<polls.PollChangeResponse>;
export type RepeatPollRequest = polls.RepeatPollRequest;
export type RepeatPollResponse = Json<polls.RepeatPollResponse>;

// Reminders
export type ReportGroup = reminders.ReportGroup;
export type QuietHours = Json<reminders.QuietHours>;
export type ReminderEntry = Json<reminders.ReminderReportEntry>;
export type ReminderReport = Json<reminders.ReminderReportResponse>;
export type ReminderSettingsRequest = reminders.ReminderSettingsRequest;
export type SaveReminderSettingsResponse = Json<reminders.SaveReminderSettingsResponse>;
