import { apiCall, networkPath } from '../api.js';
import type { QuietHours, ReminderReport, ReminderSettingsRequest, SaveReminderSettingsResponse } from '../api-types.js';

// GET /api/networks/:id/reminders, PUT …/reminder-settings (src/reminders/api/reminders.ts).

const call = apiCall;

const base = networkPath;

export const reminderApi = {
  report: (networkId: string, signal?: AbortSignal) => call<ReminderReport>('GET', `${base(networkId)}/reminders`, undefined, signal),
  saveQuietHours: (networkId: string, quietHours: QuietHours) =>
    call<SaveReminderSettingsResponse>('PUT', `${base(networkId)}/reminder-settings`, { quietHours } satisfies ReminderSettingsRequest),
};
