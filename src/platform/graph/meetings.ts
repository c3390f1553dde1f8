/**
 * Teams meetings through Microsoft Graph, on behalf of the signed-in facilitator: teamsfx's
 * OnBehalfOfUserCredential exchanges the person's Teams SSO token for a Graph token (Entra's
 * on-behalf-of grant, with the tab app's id and secret), and the Graph client posts a calendar
 * event with a Teams meeting to `/me/events`, so the meeting is in the organiser's calendar like
 * one made in Outlook. The only module that imports teamsfx and the Graph client
 * (.dependency-cruiser.cjs, «graph-only-in-platform-graph»).
 */
import { randomUUID } from 'node:crypto';
import type { OnBehalfOfUserCredential } from '@microsoft/teamsfx';
import type { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { TeamsMeetingsConfig } from '../config.js';
import type { Logger } from '../logging.js';
import type { MeetingCreation, MeetingFailureReason, MeetingOrganiser, OnlineMeetingRequest, TeamsMeetingCreator } from '../../shared/teams-meetings.js';

/** Delegated: the organiser's own calendar. (No app permission: the event is the person's, not the app's.) */
export const MEETING_SCOPES = ['Calendars.ReadWrite'];
/** The whole exchange and post, retries included: an answer to the person within this, whatever Entra and Graph do. */
export const DEFAULT_MEETING_TIMEOUT_MS = 15_000;

type TokenCredential = ConstructorParameters<typeof TokenCredentialAuthenticationProvider>[0];

export interface GraphMeetingOptions {
  config: TeamsMeetingsConfig;
  log: Logger;
  timeoutMs?: number;
}

/** The event's wall-clock time in Oslo (Graph's dateTimeTimeZone: local time without offset, and the zone). */
export function osloDateTime(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** POST /me/events: a Teams meeting for the organiser, with a fresh transactionId so the SDK's retries cannot make two. */
export function eventBody(meeting: OnlineMeetingRequest): Record<string, unknown> {
  return {
    subject: meeting.subject,
    body: { contentType: 'text', content: meeting.body ?? '' },
    start: { dateTime: osloDateTime(meeting.startsAt), timeZone: meeting.timeZone },
    end: { dateTime: osloDateTime(meeting.endsAt), timeZone: meeting.timeZone },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    transactionId: randomUUID(),
  };
}

class Timeout extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Timeout('deadline')), ms);
    timer.unref();
  });
  // MSAL's token POST has no timeout of its own: the race answers the person; the request may linger and is dropped.
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const errorText = (err: unknown): string => (err instanceof Error ? `${err.name} ${err.message}` : String(err));

/**
 * What Entra's refusal means for the person (teamsfx wraps MSAL's errors in ErrorWithCode):
 * consent missing (AADSTS65001, MSAL's interaction-required) is something they or their admin can
 * fix; a refused assertion means a fresh sign-in; the rest is Entra being unavailable.
 */
export function tokenFailure(err: unknown): MeetingFailureReason {
  const code = (err as { code?: unknown } | null)?.code;
  const text = errorText(err);
  if (code === 'UiRequiredError' || /AADSTS65001|consent_required|interaction_required/i.test(text)) return 'consent-required';
  if (code === 'InvalidConfiguration') return 'not-configured';
  if (code === 'TokenExpiredError' || code === 'InternalError' || /AADSTS(50013|500133|50027|700024)\b/.test(text)) return 'sign-in-again';
  if (/AADSTS50196|\b429\b|throttl/i.test(text)) return 'throttled';
  return 'unavailable';
}

export function graphFailure(status: number): MeetingFailureReason {
  if (status === 403) return 'forbidden';
  if (status === 401) return 'sign-in-again';
  if (status === 429) return 'throttled';
  return 'unavailable';
}

/** The port, with Graph and Entra where the configuration says (tests: a fake of both on loopback). */
export function createGraphMeetingCreator(o: GraphMeetingOptions): TeamsMeetingCreator {
  const { config, log } = o;
  const timeoutMs = o.timeoutMs ?? DEFAULT_MEETING_TIMEOUT_MS;
  const graphHost = new URL(config.graphBaseUrl).hostname;
  // teamsfx pulls in botbuilder-dialogs and more (about two seconds), and the Graph client its own
  // middleware: both loaded on the first meeting, not at start, so an instance that never makes one
  // carries neither in its memory.
  let teamsfx: Promise<typeof import('@microsoft/teamsfx')> | undefined;
  let graph:
    | Promise<[typeof import('@microsoft/microsoft-graph-client'), typeof import('@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js')]>
    | undefined;

  async function credentialFor(organiser: MeetingOrganiser): Promise<OnBehalfOfUserCredential> {
    teamsfx ??= import('@microsoft/teamsfx');
    const { OnBehalfOfUserCredential } = await teamsfx;
    return new OnBehalfOfUserCredential(organiser.ssoToken, {
      authorityHost: config.authorityHost,
      clientId: config.clientId ?? '',
      tenantId: organiser.tenantId,
      clientSecret: config.clientSecret ?? '',
    });
  }

  async function create(organiser: MeetingOrganiser, meeting: OnlineMeetingRequest, signal: AbortSignal): Promise<MeetingCreation> {
    let tokenError: unknown;
    let credential: OnBehalfOfUserCredential;
    try {
      credential = await credentialFor(organiser);
    } catch (err) {
      // The SSO token could not be read, or a setting is missing.
      return { ok: false, reason: tokenFailure(err) };
    }
    // The Graph client turns every error into a GraphError; Entra's own refusal is kept aside to tell them apart.
    const recording: TokenCredential = {
      async getToken(scopes, options) {
        try {
          return await credential.getToken(scopes, options);
        } catch (err) {
          tokenError = err;
          throw err;
        }
      },
    };
    graph ??= Promise.all([import('@microsoft/microsoft-graph-client'), import('@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js')]);
    const [{ Client, GraphError }, { TokenCredentialAuthenticationProvider }] = await graph;
    const client = Client.initWithMiddleware({
      authProvider: new TokenCredentialAuthenticationProvider(recording, { scopes: MEETING_SCOPES }),
      baseUrl: config.graphBaseUrl,
      defaultVersion: 'v1.0',
      // The SDK adds the token only for Graph's own hosts and these: the configured one (a national cloud, the tests' fake).
      customHosts: new Set([graphHost]),
      fetchOptions: { signal },
    });
    try {
      const event = (await client.api('/me/events').post(eventBody(meeting))) as {
        id?: unknown;
        webLink?: unknown;
        onlineMeeting?: { joinUrl?: unknown } | null;
      } | null;
      const joinUrl = event?.onlineMeeting?.joinUrl;
      if (typeof event?.id !== 'string' || typeof joinUrl !== 'string' || !joinUrl.startsWith('https://')) {
        log.warn({ eventId: event?.id }, 'Graph laget hendelsen uten en Teams-lenke');
        return { ok: false, reason: 'unavailable' };
      }
      return { ok: true, value: { joinUrl, eventId: event.id, webLink: typeof event.webLink === 'string' ? event.webLink : null } };
    } catch (err) {
      if (tokenError !== undefined) {
        const reason = tokenFailure(tokenError);
        log.warn({ reason, err: errorText(tokenError) }, 'Entra ID ga ikke Graph-token for Teams-møtet (on-behalf-of)');
        return { ok: false, reason };
      }
      if (signal.aborted) return { ok: false, reason: 'timeout' };
      const status = err instanceof GraphError ? err.statusCode : -1;
      log.warn({ status, code: (err as { code?: unknown }).code, requestId: (err as { requestId?: unknown }).requestId }, 'Graph laget ikke Teams-møtet');
      return status > 0 ? { ok: false, reason: graphFailure(status), status } : { ok: false, reason: 'unavailable' };
    }
  }

  return {
    available: config.enabled,
    async createOnlineMeeting(organiser, meeting) {
      if (!config.enabled || !config.clientId || !config.clientSecret) return { ok: false, reason: 'not-configured' };
      const abort = new AbortController();
      try {
        return await withDeadline(create(organiser, meeting, abort.signal), timeoutMs);
      } catch (err) {
        if (!(err instanceof Timeout)) throw err;
        abort.abort();
        log.warn({ timeoutMs }, 'Teams-møtet ble ikke laget i tide (Entra ID eller Graph svarte ikke)');
        return { ok: false, reason: 'timeout' };
      }
    },
  };
}
