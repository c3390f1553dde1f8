import type * as TeamsJs from '@microsoft/teams-js';

export type ThemeName = 'light' | 'dark' | 'contrast';
type Sdk = typeof TeamsJs;

export interface Host {
  inTeams: boolean;
  theme?: ThemeName;
  locale?: string;
  /** Entra tenant of the signed-in Teams user; the consent pop-up signs in there. */
  tenantId?: string;
  /** The Teams user's sign-in name, so the consent pop-up does not ask for it again. */
  loginHint?: string;
  /** Where Teams shows the tab: `content`, `settings`, `sidePanel` (in a meeting), `meetingStage`… */
  frameContext?: string;
  /** The Teams meeting the tab is in (a meeting's side panel, chat or details tab, its stage). */
  meetingId?: string;
  /** The chat the tab is in: a meeting's chat thread names its samling (19:meeting_…@thread.v2). */
  chatId?: string;
}

const INIT_TIMEOUT_MS = 2500;

// Loaded only inside Teams: importing the SDK fetches a domain list from a Microsoft CDN, which a
// plain browser (local mode, offline tests) neither needs nor can always reach.
let sdk: Sdk | null = null;

/** The SDK, once connectToHost() has succeeded; null in a plain browser. */
export function teamsSdk(): Sdk | null {
  return sdk;
}

/** Teams hosts tabs in an iframe (web, desktop) or a webview with a native bridge (mobile). */
function looksLikeTeamsHost(): boolean {
  try {
    if (window.parent !== window) return true;
  } catch {
    return true; // cross-origin parent access throws: we are framed
  }
  return 'nativeInterface' in window;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Teams svarte ikke i tide')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function themeFromTeams(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * Never hangs a plain browser: outside a frame we skip the SDK entirely, and a frame that is
 * not Teams (no handshake reply) falls back to local mode after a short timeout.
 */
export async function connectToHost(): Promise<Host> {
  if (!looksLikeTeamsHost()) return { inTeams: false };
  try {
    const teams = await import('@microsoft/teams-js');
    // The tab's own origin is a host too: a page of this app may frame it (the fake Teams host
    // the tests serve here). Teams' own origins are in the SDK's list already.
    await withTimeout(teams.app.initialize([window.location.origin]), INIT_TIMEOUT_MS);
    const context = await withTimeout(teams.app.getContext(), INIT_TIMEOUT_MS);
    teams.app.notifySuccess();
    sdk = teams;
    return {
      inTeams: true,
      theme: themeFromTeams(context.app.theme),
      locale: context.app.locale,
      tenantId: context.user?.tenant?.id,
      loginHint: context.user?.loginHint,
      frameContext: context.page.frameContext,
      meetingId: context.meeting?.id,
      chatId: context.chat?.id,
    };
  } catch (err) {
    console.warn('Samlingspunkt: fortsetter uten Teams', err);
    return { inTeams: false };
  }
}

export function onTeamsThemeChange(handler: (theme: ThemeName) => void): void {
  sdk?.app.registerOnThemeChangeHandler((t) => handler(themeFromTeams(t)));
}

/** Teams needs meeting deep links opened through the SDK rather than as a new browser tab. */
export function openInTeams(url: string): void {
  const open = sdk ? sdk.app.openLink(url) : Promise.reject(new Error('not in Teams'));
  open.catch(() => window.open(url, '_blank', 'noopener'));
}

/** The meeting calls take a Node-style callback; this turns one into a promise. */
function meetingCall<T>(call: (cb: (error: { errorCode: number; message?: string } | null, result: T | null) => void) => void): Promise<T | null> {
  return new Promise((resolve, reject) => {
    try {
      call((error, result) => (error ? reject(new Error(error.message ?? `Teams: ${error.errorCode}`)) : resolve(result)));
    } catch (err) {
      // The SDK throws at once where the call is not allowed (outside the side panel and stage).
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/**
 * Whether this person may put the app on the meeting's stage: Teams says yes to presenters and
 * organisers in a side panel, no to attendees; anywhere else (a plain browser, a chat tab) no.
 */
export async function mayShareToStage(): Promise<boolean> {
  const meeting = sdk?.meeting;
  if (!meeting) return false;
  try {
    const caps = await meetingCall<{ doesAppHaveSharePermission: boolean }>((cb) => meeting.getAppContentStageSharingCapabilities(cb));
    return caps?.doesAppHaveSharePermission === true;
  } catch {
    return false;
  }
}

/** Shares `url` (a page of this app, the stage view) to the meeting's stage for everyone in it. */
export async function shareToStage(url: string): Promise<void> {
  const meeting = sdk?.meeting;
  if (!meeting) throw new Error('not in Teams');
  const shared = await meetingCall<boolean>((cb) => meeting.shareAppContentToStage(cb, url));
  if (shared === false) throw new Error('Teams did not share the app to the stage');
}
