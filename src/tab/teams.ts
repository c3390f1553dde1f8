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
