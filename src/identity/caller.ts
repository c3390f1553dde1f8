import type { AppConfig } from '../platform/config.js';
import { DEMO_TENANT_ID } from './local-tenant.js';
import { fail, ok, type Result } from '../shared/result.js';
import { isLoopback, type CallerAuthenticator } from '../shared/api/caller.js';
import { createSsoValidator, type SsoValidator } from './sso.js';
import { t } from './messages.js';

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
      if (bearer) {
        // The token goes along with the caller for Graph calls on their behalf (a plan item's Teams meeting).
        const caller = await validator.validate(bearer);
        return caller.ok ? ok({ ...caller.value, ssoToken: bearer }) : caller;
      }
      if (devAllowed && req.devUser && isLoopback(req.remoteAddress)) {
        if (!/^[0-9a-f-]{36}$/i.test(req.devUser)) return fail('ugyldig-forespørsel', t('auth.badDevUser')); // i18n-ignore (the code)
        return ok({ tenantId: DEMO_TENANT_ID, aadObjectId: req.devUser.toLowerCase(), via: 'dev' });
      }
      if (req.devUser) {
        return fail('ikke-innlogget', t('auth.requiredNotLocal'));
      }
      return fail('ikke-innlogget', t('auth.required'));
    },
  };
}
