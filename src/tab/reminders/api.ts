import { apiCall, networkPath } from '../api.js';

// Mirrors GET/PUT /api/networks/:id/reminders, /reminder-settings (src/api/reminders.ts).

export type ReportGroup = 'sendt' | 'venter' | 'feilet' | 'utilgjengelig' | 'avmeldt';
export type ReminderStatus = 'planlagt' | 'sender' | 'ferdig' | 'avlyst' | 'hoppet-over';
export type ReminderKind = 'plan-item' | 'poll-close' | 'reflection-due' | 'mellomarbeid-due';

export interface ReminderEntry {
  id: string;
  kind: ReminderKind;
  subjectId: string;
  subjectTitle: string;
  ruleKey: string;
  rule: string;
  sendAt: string;
  status: ReminderStatus;
  statusReason: string | null;
  counts: Record<ReportGroup, number>;
  recipients: Record<ReportGroup, { name: string; reason: string | null }[]>;
}

export interface QuietHours {
  from: string;
  to: string;
  weekends: boolean;
}

export interface ReminderSettings {
  quietHours: QuietHours;
  rules: Record<ReminderKind, { own: boolean; rules: ({ label: string } & Record<string, unknown>)[] }>;
  timeZone: string;
}

export interface ReminderReport {
  network: { id: string; name: string };
  timeZone: string;
  reminders: ReminderEntry[];
  settings: ReminderSettings;
}

const call = apiCall;

const base = networkPath;

export const reminderApi = {
  report: (networkId: string, signal?: AbortSignal) => call<ReminderReport>('GET', `${base(networkId)}/reminders`, undefined, signal),
  saveQuietHours: (networkId: string, quietHours: QuietHours) =>
    call<ReminderSettings>('PUT', `${base(networkId)}/reminder-settings`, { quietHours }),
};
