import type { AppMode } from '../config/config.js';
import { fail, ok, type Result } from './errors.js';

/** Who is calling the tab API. Local mode has a trusted loopback caller; production needs SSO. */
export type Caller = { kind: 'local' } | { kind: 'user'; tenantId: string; aadObjectId: string };

export interface CallerRequest {
  authorization: string | undefined;
}

export async function authenticateCaller(mode: AppMode, _req: CallerRequest): Promise<Result<Caller>> {
  if (mode === 'local') return ok({ kind: 'local' });
  // Teams SSO validation comes with the identity work; until then production refuses all.
  return fail('ikke-innlogget', 'Innlogging med Teams kreves for å bruke fanen.');
}
