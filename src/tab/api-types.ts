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
import type * as planImport from '../plan/import/contract.js';
import type * as polls from '../polls/contract.js';
import type * as reflections from '../reflections/contract.js';
import type * as reminders from '../reminders/contract.js';
import type * as setup from '../network/setup/contract.js';
import type * as region from '../region/contract.js';
import type * as reporting from '../reporting/contract.js';
import type * as calendar from '../calendar/contract.js';
import type * as personal from '../personal/contract.js';
import type * as attendance from '../attendance/contract.js';
import type * as followup from '../followup/contract.js';
import type * as meetings from '../meetings/contract.js';

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
// The plan editor (issue 12)
export type PlanItemSlot = Json<plan.PlanItemSlotView>;
export type PlanItemRequest = plan.PlanItemRequest;
export type PlanItemPatchRequest = plan.PlanItemPatchRequest;
export type PlanPreviewRequest = plan.PlanPreviewRequest;
export type DuplicatePlanItemRequest = plan.DuplicatePlanItemRequest;
export type PlanConsequences = Json<plan.PlanConsequences>;
export type PlanItemResponse = Json<plan.PlanItemResponse>;
export type PlanPreviewResponse = Json<plan.PlanPreviewResponse>;
export type DeletePlanItemResponse = Json<plan.DeletePlanItemResponse>;
// Starting a plan from a template or a pasted table
export type ImportColumn = planImport.ImportColumn;
export type PlanTemplatesResponse = Json<planImport.PlanTemplatesResponse>;
export type PlanTemplateSummary = Json<planImport.PlanTemplateSummary>;
export type PlanImportRequest = planImport.PlanImportRequest;
export type ImportItemPreview = Json<planImport.ImportItemPreview>;
export type ImportRowError = Json<planImport.ImportRowError>;
export type ImportWarning = Json<planImport.ImportWarning>;
export type PlanImportPreviewResponse = Json<planImport.PlanImportPreviewResponse>;
export type PlanImportResponse = Json<planImport.PlanImportResponse>;

// Administration of a network (src/tab/admin)
export type NetworkAdminResponse = Json<network.NetworkAdminResponse>;
export type AdminAccess = network.AdminAccess;
export type MembersResponse = Json<network.MembersResponse>;
export type MemberRow = MembersResponse['members'][number];
export type AddMemberRequest = network.AddMemberRequest;
export type AddMemberResponse = Json<network.AddMemberResponse>;
export type UpdateMemberRequest = network.UpdateMemberRequest;
export type UpdateMemberResponse = Json<network.UpdateMemberResponse>;
export type RosterResponse = Json<network.RosterResponse>;
export type MunicipalityOptionsResponse = Json<network.MunicipalityOptionsResponse>;
export type AddMunicipalitiesRequest = network.AddMunicipalitiesRequest;
export type AddMunicipalitiesResponse = Json<network.AddMunicipalitiesResponse>;
export type NetworkStateResponse = Json<network.NetworkStateResponse>;
export type RegionCoordinatorsResponse = Json<network.RegionCoordinatorsResponse>;
export type AddCoordinatorRequest = network.AddCoordinatorRequest;

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

// Setting up a network (the configuration page's form)
export type SetupOptions = Json<setup.SetupOptionsResponse>;
export type NewNetworkRequest = setup.NewNetworkRequest;
export type NewNetworkResponse = Json<setup.NewNetworkResponse>;

// The region overview (issue 13)
export type MyRegionsResponse = Json<region.MyRegionsResponse>;
export type RegionOverviewResponse = Json<region.RegionOverviewResponse>;
export type RegionOverviewRow = Json<region.OverviewRow>;
export type MunicipalityDetailResponse = Json<region.MunicipalityDetailResponse>;
export type ReportAccessResponse = Json<reporting.ReportAccessResponse>;

// The personal view «Mine oppgaver og samlinger» (issue 13)
export type PersonalOverviewResponse = Json<personal.PersonalOverviewResponse>;
export type PersonalSession = Json<personal.PersonalSession>;
export type PersonalPoll = Json<personal.PersonalPoll>;
export type PersonalReflection = Json<personal.PersonalReflection>;
export type PersonalWork = Json<personal.PersonalWork>;
export type RemindersRequest = personal.RemindersRequest;
export type RemindersResponse = Json<personal.RemindersResponse>;
export type ViewAccessResponse = Json<personal.ViewAccessResponse>;
export type PollVoteRequest = polls.PollVoteRequest;
export type PollVoteResponse = Json<polls.PollVoteResponse>;
export type ReflectionAnswerRequest = reflections.AnswerRequest;
export type ReflectionAnswerResponse = Json<reflections.AnswerResponse>;

// Calendar subscriptions (issue 13)
export type CalendarFeedState = Json<calendar.CalendarFeedState>;
export type CalendarFeedCreated = Json<calendar.CalendarFeedCreated>;
export type CalendarFeedRevoked = Json<calendar.CalendarFeedRevoked>;

// Attendance (issue 13)
export type AttendanceSummaryResponse = Json<attendance.AttendanceSummaryResponse>;
export type AttendanceChecklistResponse = Json<attendance.ChecklistResponse>;
export type AttendanceChecklistRequest = attendance.ChecklistRequest;
export type AttendanceImportRequest = attendance.ImportRequest;
export type AttendanceImportPreview = Json<attendance.ImportPreviewResponse>;
export type AttendanceImportResponse = Json<attendance.ImportResponse>;
export type AttendanceResolution = attendance.Resolution;

// Follow-up of who has not answered (issue 13)
export type FollowupResponse = Json<followup.FollowupResponse>;
export type FollowupGroup = Json<followup.FollowupGroup>;
export type FollowupReminderView = Json<followup.FollowupReminderView>;
export type FollowupRemindResponse = Json<followup.FollowupRemindResponse>;

// The samling's Teams meeting: side panel and stage (issue 14)
export type MeetingPanelResponse = Json<meetings.MeetingPanelResponse>;
export type MeetingPanel = Extract<MeetingPanelResponse, { found: true }>;
export type MeetingPoll = Json<meetings.MeetingPoll>;
export type OpenPollResponse = Json<meetings.OpenPollResponse>;
