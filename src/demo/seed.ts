import { DEMO_TENANT_ID, demoData } from './demo.js';
import type { Database } from '../platform/db/port.js';
import { seedDemoPolls } from './seed-polls.js';
import { seedDemoWork } from './seed-reflections.js';
import { seedDemoAttendance } from './seed-attendance.js';
import { addNetworkMunicipalities, insertNetwork, setNetworkTeam, upsertRegion } from '../network/sql/networks.js';
import { addNetworkMember, addRegionCoordinator, upsertMember } from '../network/sql/members.js';
import { insertPlanItem } from '../plan/sql/plan.js';
import { lockDemoSeeding, networkIdBySlug } from './sql/seed.js';
import { otherDemoNetworks } from './more-networks.js';
import { osloDate } from '../shared/time.js';
import type { Transaction } from '../platform/db/port.js';

/**
 * Creates the USHT Viken demo network once. Later starts find it and change nothing, so a
 * demo that people have edited is never reset behind their backs.
 */
export async function seedDemo(db: Database, now: Date = new Date()): Promise<'created' | 'exists'> {
  const demo = demoData(now);
  return db.transaction(async (tx) => {
    await lockDemoSeeding(tx);
    const existingId = await networkIdBySlug(tx, demo.network.slug);
    if (existingId) {
      // Databases seeded before reflection tasks existed get the demo work once; seed keys keep it idempotent.
      await seedDemoWork(tx, existingId, now);
      await seedDemoPolls(tx, existingId, now);
      // Demos seeded before there were other networks get them once (each found by its slug).
      await seedOtherDemoNetworks(tx, demo.day0, now);
      await seedDemoAttendance(tx, now);
      return 'exists';
    }

    const regionId = await upsertRegion(tx, demo.region.slug, demo.region.name);
    const networkId = await insertNetwork(tx, { ...demo.network, regionId });
    await setNetworkTeam(tx, networkId, demo.network.teamsTeamId);
    await addNetworkMunicipalities(tx, networkId, demo.municipalityNumbers);
    for (const m of demo.members) {
      const memberId = await upsertMember(tx, { ...m, tenantId: DEMO_TENANT_ID });
      if (m.role === 'koordinator') await addRegionCoordinator(tx, regionId, memberId);
      else await addNetworkMember(tx, networkId, memberId, m.role, m.municipalityNumber);
    }
    for (const item of demo.planItems) await insertPlanItem(tx, networkId, item);
    await seedDemoWork(tx, networkId, now);
    await seedDemoPolls(tx, networkId, now);
    await seedOtherDemoNetworks(tx, demo.day0, now);
    await seedDemoAttendance(tx, now);
    return 'created';
  });
}

/** The second and third demo networks (more-networks.ts), each created once and never reset. */
async function seedOtherDemoNetworks(tx: Transaction, day0: string, now: Date): Promise<void> {
  for (const other of otherDemoNetworks(day0, osloDate(now))) {
    if (await networkIdBySlug(tx, other.network.slug)) continue;
    const regionId = await upsertRegion(tx, other.region.slug, other.region.name);
    const networkId = await insertNetwork(tx, { ...other.network, regionId });
    await addNetworkMunicipalities(tx, networkId, other.municipalityNumbers);
    for (const m of other.members) {
      const memberId = await upsertMember(tx, { ...m, tenantId: DEMO_TENANT_ID });
      if (m.role === 'koordinator') await addRegionCoordinator(tx, regionId, memberId);
      else await addNetworkMember(tx, networkId, memberId, m.role, m.municipalityNumber);
    }
    for (const item of other.planItems) await insertPlanItem(tx, networkId, item);
  }
}
