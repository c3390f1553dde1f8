import type { AppConfig } from '../config/config.js';
import type { Caller } from './caller.js';
import { fail, type Result } from './errors.js';

export interface SsoValidator {
  validate(token: string): Promise<Result<Caller>>;
}

// Placeholder until Teams SSO validation (jose + Entra JWKS) lands: refuses every token.
export function createSsoValidator(_sso: AppConfig['sso']): SsoValidator {
  return {
    async validate() {
      return fail('ikke-innlogget', 'Innlogging med Teams er ikke satt opp på denne serveren.');
    },
  };
}
