import type { Database } from '../platform/db/port.js';
import { DEMO_TENANT_ID } from './local-tenant.js';
import { ok, type Result } from '../shared/result.js';
import { tenantPeopleByStrongestRole, type TenantPerson } from './sql/dev-users.js';

export type DevUserDto = TenantPerson;

/**
 * The people the local-mode dev sign-in can act as: members of the demo tenant, one row each
 * with their strongest role (koordinator, then fasilitator, then deltaker). Only ever served in
 * local mode to loopback; the route in src/http/server.ts enforces that.
 */
export async function getDevUsers(db: Database): Promise<Result<{ users: DevUserDto[] }>> {
  return ok({ users: await tenantPeopleByStrongestRole(db, DEMO_TENANT_ID) });
}
