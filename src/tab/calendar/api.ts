import { apiCall } from '../api.js';
import type { CalendarFeedCreated, CalendarFeedRevoked, CalendarFeedState } from '../api-types.js';

/** Which feed: the person's own (their networks' sessions and deadlines), or one network's plan. */
export type CalendarScope = { kind: 'personal' } | { kind: 'network'; networkId: string };

const scopePath = (scope: CalendarScope) =>
  scope.kind === 'personal' ? '/api/calendar/personal' : `/api/calendar/networks/${encodeURIComponent(scope.networkId)}`;

export const calendarApi = {
  state: (scope: CalendarScope, signal?: AbortSignal) => apiCall<CalendarFeedState>('GET', scopePath(scope), undefined, signal),
  /** A new secret address; the old one stops working at once. */
  create: (scope: CalendarScope) => apiCall<CalendarFeedCreated>('POST', scopePath(scope)),
  revoke: (scope: CalendarScope) => apiCall<CalendarFeedRevoked>('DELETE', scopePath(scope)),
};

/** The https:// address calendar clients subscribe to, and the webcal:// one that opens the calendar program. */
export function feedAddresses(path: string, origin: string = window.location.origin): { https: string; webcal: string } {
  const https = new URL(path, origin).toString();
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
