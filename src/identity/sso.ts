import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { SsoConfig } from '../platform/config.js';
import type { Caller } from '../shared/api/caller.js';
import { fail, ok, type Result } from '../shared/result.js';
import { t } from './messages.js';

export interface SsoValidator {
  /** Never throws for a bad token: every refusal is `ikke-innlogget` with a reason in the caller's language. */
  validate(token: string): Promise<Result<Caller>>;
}

export interface SsoValidatorOptions {
  /** Tests: a fixed clock. */
  now?: () => Date;
  /** Tests: keys without fetching. Defaults to the remote JWKS at `sso.jwksUrl`. */
  keys?: JWTVerifyGetKey;
  /** Called with what went wrong for failures worth a log line (key fetch, unexpected errors). */
  onError?: (err: unknown) => void;
}

/** The delegated scope the tab's Entra app exposes; Teams asks for it in getAuthToken(). */
export const SSO_SCOPE = 'access_as_user';
/** Clock skew we accept between Entra ID and this server, in seconds. */
export const CLOCK_TOLERANCE_S = 60;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a token is refused: keys of the 'identity' catalogue, read in the caller's language when refused. */
const msg = {
  notConfigured: 'sso.notConfigured',
  malformed: 'sso.malformed',
  signature: 'sso.signature',
  expired: 'sso.expired',
  notYetValid: 'sso.notYetValid',
  audience: 'sso.audience',
  issuer: 'sso.issuer',
  tenant: 'sso.tenant',
  identity: 'sso.identity',
  scope: 'sso.scope',
  keys: 'sso.keys',
  unknown: 'sso.unknown',
} as const;
type Reason = (typeof msg)[keyof typeof msg];
const refuse = (reason: Reason) => fail('ikke-innlogget', t(reason));

/** Both issuer forms Entra ID uses for a tenant: v2.0 tokens and v1.0 (sts.windows.net) tokens. */
export function issuersFor(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** `api://<TAB_DOMAIN>/<clientId>` (v1 tokens) and the bare client id (v2 tokens). */
export function audiencesFor(sso: Pick<SsoConfig, 'clientId' | 'tabDomain'>): string[] {
  if (!sso.clientId || !sso.tabDomain) return [];
  return [`api://${sso.tabDomain}/${sso.clientId}`, sso.clientId];
}

function scopesOf(payload: JWTPayload): string[] {
  return typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
}

/**
 * Validates Teams SSO tokens (from `authentication.getAuthToken()`) with jose: RS256 signature
 * against the Entra ID JWKS, audience, issuer for the token's own tenant, expiry and not-before
 * with a small clock skew, the tenant allow-list, `oid`/`tid` and the `access_as_user` scope.
 */
export function createSsoValidator(sso: SsoConfig, options: SsoValidatorOptions = {}): SsoValidator {
  const audiences = audiencesFor(sso);
  const allowed = new Set(sso.allowedTenantIds.map((t) => t.toLowerCase()));
  let keys = options.keys;

  function keySet(): JWTVerifyGetKey {
    // Created on first use, so a server that never sees a token never fetches keys. jose caches
    // the set, refetches when a token names an unknown key id, and at most once per cooldown.
    keys ??= createRemoteJWKSet(new URL(sso.jwksUrl), {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 6 * 60 * 60 * 1000,
    });
    return keys;
  }

  return {
    async validate(token) {
      if (audiences.length === 0 || allowed.size === 0) return refuse(msg.notConfigured);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet(), {
          algorithms: ['RS256'],
          audience: audiences,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'iss', 'tid', 'oid'],
          currentDate: options.now?.(),
        }));
      } catch (err) {
        const reason = reasonFor(err);
        if (reason === msg.keys || reason === msg.unknown) options.onError?.(err);
        return refuse(reason);
      }

      const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
      const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
      if (!GUID.test(tid) || !GUID.test(oid)) return refuse(msg.identity);
      // Compared with the tid as written in the token: Entra writes both in lower case.
      if (typeof payload.iss !== 'string' || !issuersFor(payload.tid as string).includes(payload.iss)) {
        return refuse(msg.issuer);
      }
      if (!allowed.has(tid)) return refuse(msg.tenant);
      if (!scopesOf(payload).includes(SSO_SCOPE)) return refuse(msg.scope);

      return ok({ tenantId: tid, aadObjectId: oid, via: 'sso' });
    },
  };
}

function reasonFor(err: unknown): Reason {
  if (err instanceof errors.JWTExpired) return msg.expired;
  if (err instanceof errors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'nbf':
        return err.reason === 'check_failed' ? msg.notYetValid : msg.malformed;
      case 'aud':
        return msg.audience;
      case 'iss':
        return msg.issuer;
      case 'tid':
      case 'oid':
        return msg.identity;
      default:
        return msg.malformed;
    }
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return msg.signature;
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return msg.signature;
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return msg.malformed;
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return msg.keys;
  // fetch() failing (DNS, refused connection) while loading the key set.
  if (err instanceof TypeError || (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC')) return msg.keys;
  return msg.unknown;
}
