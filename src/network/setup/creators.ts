import type { AppMode, NetworkCreatorsConfig } from '../../platform/config.js';
import type { Logger } from '../../platform/logging.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { t } from './messages.js';

export interface Person {
  tenantId: string;
  aadObjectId: string;
}

/** Who may set up a network (`NETWORK_CREATORS`), asked by the bot and the tab alike. */
export interface NetworkCreatorCheck {
  check(person: Person): Promise<Result<void>>;
}

export interface CreatorCheckOptions {
  mode: AppMode;
  allowedTenantIds: string[];
  creators: NetworkCreatorsConfig;
  log: Logger;
  /** Tests replace the network at the process edge only through the configured URLs; this is for clock control. */
  now?: () => number;
}

/** A refusal that says whom to ask: the configured contact, or the organisation's IT administrator. */
function refusal(contact: string | undefined): Result<never> {
  const ask = contact ? t('creators.askContact', { contact }) : t('creators.askAdmin');
  return fail('ingen-tilgang', `${t('creators.refused')} ${ask}`);
}

/**
 * Checks `group:` entries with Microsoft Graph (`POST /v1.0/users/{id}/checkMemberGroups`, which
 * also counts nested groups) under an app-only token from the person's own tenant (client
 * credentials). Tokens are cached per tenant until shortly before they expire.
 */
export function createNetworkCreatorCheck(o: CreatorCheckOptions): NetworkCreatorCheck {
  const { rule, contact, graph } = o.creators;
  const clock = o.now ?? Date.now;
  const tokens = new Map<string, { token: string; expires: number }>();

  async function appToken(tenantId: string): Promise<string> {
    const cached = tokens.get(tenantId);
    if (cached && cached.expires > clock()) return cached.token;
    const res = await fetch(`${graph.authorityUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: graph.clientId ?? '',
        client_secret: graph.clientSecret ?? '',
        scope: 'https://graph.microsoft.com/.default',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('token endpoint gave no access_token');
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in) || 300;
    tokens.set(tenantId, { token: body.access_token, expires: clock() + Math.max(0, seconds - 60) * 1000 });
    return body.access_token;
  }

  async function inGroups(person: Person, groupIds: string[]): Promise<boolean> {
    const token = await appToken(person.tenantId);
    const res = await fetch(`${graph.baseUrl}/v1.0/users/${encodeURIComponent(person.aadObjectId)}/checkMemberGroups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, // i18n-ignore: an HTTP header
      body: JSON.stringify({ groupIds }),
      signal: AbortSignal.timeout(10_000),
    });
    // An unknown user is not in any group: a refusal, not an outage.
    if (res.status === 404) return false;
    if (!res.ok) throw new Error(`checkMemberGroups answered ${res.status}`);
    const body = (await res.json()) as { value?: unknown };
    const found = Array.isArray(body.value) ? body.value.map((v) => String(v).toLowerCase()) : [];
    return groupIds.some((g) => found.includes(g));
  }

  return {
    async check(person) {
      if (!person.tenantId || !person.aadObjectId) return refusal(contact);
      // Production: only the organisations that may use the app at all (local mode: anyone).
      const tenantOk = o.mode === 'local' || o.allowedTenantIds.includes(person.tenantId.toLowerCase());
      if (!tenantOk) return fail('ingen-tilgang', t('creators.tenant'));
      if (rule.kind === 'tenant') return ok(undefined);
      if (rule.users.includes(person.aadObjectId.toLowerCase())) return ok(undefined);
      if (rule.groups.length === 0) return refusal(contact);
      try {
        return (await inGroups(person, rule.groups)) ? ok(undefined) : refusal(contact);
      } catch (err) {
        o.log.warn({ err, tenantId: person.tenantId }, 'Gruppemedlemskap kunne ikke sjekkes i Microsoft Graph');
        return fail('ingen-tilgang', t('creators.graphFailed'));
      }
    },
  };
}
