import type { Result } from '../result.js';

/**
 * The tab API's sign-in seam: the HTTP platform asks a CallerAuthenticator (implemented in
 * src/identity) who is calling, without knowing how tokens are checked.
 */

/** Who is calling the tab API: a person, by Entra tenant and object id. */
export interface Caller {
  tenantId: string;
  aadObjectId: string;
  via: 'sso' | 'dev';
  /**
   * The Teams SSO token itself (via 'sso' only): what a call to Microsoft Graph on the person's
   * behalf is exchanged from (on-behalf-of). Never stored or logged.
   */
  ssoToken?: string;
}

export interface CallerRequest {
  authorization: string | undefined;
  /** Dev sign-in (local mode only): the demo member's Entra object id. */
  devUser: string | undefined;
  remoteAddress: string | undefined;
}

export const DEV_USER_HEADER = 'x-samlingspunkt-dev-user';

export interface CallerAuthenticator {
  authenticate(req: CallerRequest): Promise<Result<Caller>>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether a socket's remote address is this machine (IPv4, IPv6 or IPv4-mapped). */
export function isLoopback(remoteAddress: string | undefined): boolean {
  return loopback.test(remoteAddress ?? '');
}
