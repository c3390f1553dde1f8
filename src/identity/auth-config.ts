import type { AppConfig } from '../platform/config.js';
import { ok, type Result } from '../shared/result.js';

export interface AuthConfigDto {
  /** Entra app (client) id of the tab; null when SSO is not configured (local mode). */
  clientId: string | null;
  /** Host name in the SSO resource `api://<tabDomain>/<clientId>`. */
  tabDomain: string | null;
  /** Local mode offers the dev sign-in (loopback only) instead of Teams SSO outside Teams. */
  devSignIn: boolean;
  /** The plan editor may offer «Opprett Teams-møte» (production, with Graph on the user's behalf set up). */
  teamsMeetings: boolean;
}

/** Public, unauthenticated: what the tab needs to start the Teams consent flow. No secrets. */
export function getAuthConfig(config: Pick<AppConfig, 'mode' | 'sso' | 'teamsMeetings'>): Result<AuthConfigDto> {
  return ok({
    clientId: config.sso.clientId ?? null,
    tabDomain: config.sso.tabDomain ?? null,
    devSignIn: config.mode === 'local',
    teamsMeetings: config.teamsMeetings.enabled,
  });
}
