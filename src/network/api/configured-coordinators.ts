/**
 * `REGION_COORDINATORS` at sign-in: a configured person becomes the first coordinator of a
 * region that has none yet, the first time they open the tab (their tenant is known only
 * then). Once a region has a coordinator the configuration no longer applies to it, so one
 * removed in the tab is not brought back at the next request.
 */
import type { RegionCoordinatorEntry } from '../../platform/config.js';
import type { Database } from '../../platform/db/port.js';
import { recordAudit } from '../../shared/sql/audit.js';
import { appointConfiguredCoordinator, someRegionWithoutCoordinator } from '../sql/coordinators.js';
import { ensureMember } from '../sql/members.js';
import { t } from '../messages.js';

export type CoordinatorAppointer = (db: Database, caller: { tenantId: string; aadObjectId: string }) => Promise<void>;

export function configuredCoordinatorAppointer(entries: readonly RegionCoordinatorEntry[]): CoordinatorAppointer {
  const slugsByPerson = new Map<string, string[]>();
  for (const e of entries) slugsByPerson.set(e.aadObjectId, [...(slugsByPerson.get(e.aadObjectId) ?? []), e.regionSlug]);
  return async (db, caller) => {
    const slugs = slugsByPerson.get(caller.aadObjectId.toLowerCase());
    // Everyone else, and a configured person whose regions all have coordinators: one map lookup or one read.
    if (!slugs || !caller.tenantId || !(await someRegionWithoutCoordinator(db, slugs))) return;
    await db.transaction(async (tx) => {
      // Until Teams names them (their first message to the bot, a roster sync), a placeholder.
      const person = await ensureMember(tx, { tenantId: caller.tenantId, aadObjectId: caller.aadObjectId.toLowerCase(), displayName: t('member.noName') });
      for (const region of await appointConfiguredCoordinator(tx, slugs, person.id)) {
        await recordAudit(tx, {
          actorMemberId: person.id,
          actorName: 'REGION_COORDINATORS', // i18n-ignore: the configuration variable's name
          regionId: region.id,
          networkId: null,
          action: 'koordinator.utnevnt',
          target: person.displayName,
          details: { via: 'REGION_COORDINATORS' }, // i18n-ignore: the configuration variable's name
        });
      }
    });
  };
}
