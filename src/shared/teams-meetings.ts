/**
 * The port through which a capability creates a Teams meeting in Microsoft Graph. Its one
 * implementation is src/platform/graph (teamsfx + the Graph client); it lives here so a
 * capability can ask for a meeting without importing platform code, and tests of the port's
 * users can hand in a fake.
 */

/** The meeting as it goes into the organiser's calendar. */
export interface OnlineMeetingRequest {
  subject: string;
  startsAt: Date;
  endsAt: Date;
  /** The calendar event's time zone: the network's, always Oslo (the product is Norwegian). */
  timeZone: 'Europe/Oslo';
  /** The event's text (the plan item's agenda), plain; null for none. */
  body: string | null;
}

/** The organiser: the signed-in person whose SSO token is exchanged for a Graph token. */
export interface MeetingOrganiser {
  ssoToken: string;
  /** Their Entra tenant: the on-behalf-of exchange happens in the person's own organisation. */
  tenantId: string;
}

export interface CreatedOnlineMeeting {
  /** The meeting's «Bli med»-link (`onlineMeeting.joinUrl`): what the plan item stores. */
  joinUrl: string;
  /** The calendar event's Graph id (for the audit; a later move or cancel of the event needs it). */
  eventId: string;
  /** The event in Outlook on the web, when Graph gives one. */
  webLink: string | null;
}

/**
 * Why no meeting was made, for the caller to explain in the reader's language:
 * - `not-configured`: no Entra app secret, or local mode (no SSO token to exchange);
 * - `consent-required`: the person (or their admin) has not consented to Calendars.ReadWrite;
 * - `sign-in-again`: Entra refused the SSO token itself (expired, wrong audience);
 * - `forbidden`: Graph answered 403 (no mailbox, a policy);
 * - `throttled`: Graph or Entra answered 429;
 * - `unavailable`: Graph or Entra failed (5xx, a network error, an answer without a join link);
 * - `timeout`: no answer in time.
 */
export type MeetingFailureReason = 'not-configured' | 'consent-required' | 'sign-in-again' | 'forbidden' | 'throttled' | 'unavailable' | 'timeout';

export type MeetingCreation =
  | { ok: true; value: CreatedOnlineMeeting }
  | { ok: false; reason: MeetingFailureReason; /** Graph's or Entra's HTTP status, when there was one. */ status?: number };

export interface TeamsMeetingCreator {
  /** Whether meetings can be made at all here (production, with the app's secret configured). */
  readonly available: boolean;
  /** A calendar event with a Teams meeting for the organiser. Never throws for an expected failure; never hangs. */
  createOnlineMeeting(organiser: MeetingOrganiser, meeting: OnlineMeetingRequest): Promise<MeetingCreation>;
}
