/**
 * The tab API of reminders: the delivery report, the network's settings (quiet hours, rules)
 * and a plan item's own rules, as types only. The tab sees these through `Json<…>`
 * (src/shared/json.ts).
 */
import type { z } from 'zod';
import type { QuietHours, ReminderKind, ReminderRule } from './domain/reminders.js';
import type { ReminderReportEntry, ReportGroup } from './report.js';
import type { ReminderRow, ReminderStatus } from './sql/reminders.js';
import type { Json } from '../shared/json.js';
import type { reminderSettingsSchema, sendNowSchema, subjectRulesSchema } from './input.js';

export type { QuietHours, ReminderKind, ReminderReportEntry, ReminderRule, ReminderStatus, ReportGroup };

/** A rule with its description in the reader's language («dagen før kl. 09.00»). */
export type RuleView = ReminderRule & { label: string };

export interface ReminderSettingsView {
  quietHours: QuietHours;
  /** Per kind: the network's own rules (own) or the defaults. */
  rules: Record<ReminderKind, { own: boolean; rules: RuleView[] }>;
  timeZone: string;
}

/** GET /api/networks/:networkId/reminders */
export interface ReminderReportResponse {
  network: { id: string; name: string };
  timeZone: string;
  reminders: ReminderReportEntry[];
  settings: ReminderSettingsView;
}

/** GET /api/networks/:networkId/reminder-settings */
export type ReminderSettingsResponse = ReminderSettingsView;

/** PUT /api/networks/:networkId/reminder-settings */
export type ReminderSettingsRequest = z.input<typeof reminderSettingsSchema>;
export interface SaveReminderSettingsResponse extends ReminderSettingsView {
  /** Whether planned reminders are being moved in the background. */
  replanning: boolean;
}

/** GET and PUT /api/networks/:networkId/plan/:itemId/reminders */
export type SubjectRulesRequest = z.input<typeof subjectRulesSchema>;
export interface PlanItemRemindersResponse {
  /** Null: the item follows the network's rules. */
  ownRules: RuleView[] | null;
  reminders: (Json<Pick<ReminderRow, 'id' | 'sendAt' | 'status' | 'statusReason'>> & { rule: string })[];
  /** A warning for the facilitator when the item falls on a public holiday (or a quiet Christmas week day), else null. */
  holidayNotice: string | null;
}

/** POST /api/networks/:networkId/plan/:itemId/reminders/send */
export type SendReminderNowRequest = z.input<typeof sendNowSchema>;
export interface SendReminderNowResponse {
  reminderId: string;
  sendAt: string;
  recipients: number;
}
