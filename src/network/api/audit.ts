import type { ApiContext } from '../../shared/api/context.js';
import type { Queryable } from '../../platform/db/port.js';
import { recordAudit } from '../../shared/sql/audit.js';

/** The caller's change to a network (or, with networkId null, to its region), in the same transaction. */
export function auditChange(
  tx: Queryable,
  ctx: ApiContext,
  scope: { regionId: string; networkId: string | null },
  action: string,
  target: string,
  details?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    actorMemberId: ctx.actor.memberId,
    actorName: ctx.actor.displayName,
    regionId: scope.regionId,
    networkId: scope.networkId,
    action,
    target,
    ...(details ? { details } : {}),
  });
}
