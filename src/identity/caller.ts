import type { AppConfig } from '../platform/config.js';
import { DEMO_TENANT_ID } from '../demo/demo.js';
import { fail, ok, type Result } from '../shared/result.js';
import { createSsoValidator, type SsoValidator } from './sso.js';

/** Who is calling the tab API: a person, by Entra tenant and object id. */
export interface Caller {
  tenantId: string;
  aadObjectId: string;
  via: 'sso' | 'dev';
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

/**
 * Teams SSO in every mode; the dev sign-in exists only when the app runs in local mode and
 * the request comes from loopback, so no production setting can switch it on.
 */
export function createCallerAuthenticator(config: Pick<AppConfig, 'mode' | 'sso'>, sso?: SsoValidator): CallerAuthenticator {
  const validator = sso ?? createSsoValidator(config.sso);
  const devAllowed = config.mode === 'local';
  return {
    async authenticate(req) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.authorization ?? '')?.[1];
      if (bearer) return validator.validate(bearer);
      if (devAllowed && req.devUser && isLoopback(req.remoteAddress)) {
        if (!/^[0-9a-f-]{36}$/i.test(req.devUser)) return fail('ugyldig-forespørsel', 'Ugyldig demobruker.');
        return ok({ tenantId: DEMO_TENANT_ID, aadObjectId: req.devUser.toLowerCase(), via: 'dev' });
      }
      if (req.devUser) {
        return fail(
          'ikke-innlogget',
          'Innlogging med Teams kreves for å bruke fanen. Demo-innlogging virker bare i lokal modus, fra samme maskin.',
        );
      }
      return fail('ikke-innlogget', 'Innlogging med Teams kreves for å bruke fanen.');
    },
  };
}
