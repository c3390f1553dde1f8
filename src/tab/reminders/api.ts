import { ApiError, getAuthHeaders } from '../api.js';
import { invalidateToken } from '../auth.js';

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

async function call<T>(method: 'GET' | 'PUT', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(await getAuthHeaders()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401) invalidateToken();
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(res.status, typeof err?.code === 'string' ? err.code : `http_${res.status}`, typeof err?.message === 'string' ? err.message : '');
  }
  return json as T;
}

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}`;

export const reminderApi = {
  report: (networkId: string, signal?: AbortSignal) => call<ReminderReport>('GET', `${base(networkId)}/reminders`, undefined, signal),
  saveQuietHours: (networkId: string, quietHours: QuietHours) =>
    call<ReminderSettings>('PUT', `${base(networkId)}/reminder-settings`, { quietHours }),
};
