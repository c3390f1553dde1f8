import type { Transaction } from '../platform/db/port.js';
import type { Sector } from '../shared/types.js';
import { endedSeedItemsWithoutAttendance, insertSeedMemberAttendance, upsertGuestAttendance } from '../attendance/sql/attendance.js';
import { networkMunicipalities } from '../network/sql/members.js';
import { DEMO_NETWORK_SLUG, DEMO_TENANT_ID, demoMembers } from './demo.js';
import { otherDemoPeople } from './more-networks.js';
import { demoPeopleInNetwork, networkIdBySlug } from './sql/seed.js';

/**
 * Colleagues from the municipalities who came to the demo's samlinger without being in the app
 * (guests). Mostly health and care, as seed 004 reports: «det er stort sett bare
 * helse som møter». A guest comes only if their municipality is in the network.
 */
const DEMO_GUESTS: { name: string; municipalityNumber: string; sector: Sector }[] = [
  { name: 'Hanne Lunde', municipalityNumber: '3201', sector: 'helse-og-omsorg' },
  { name: 'Geir Aasen', municipalityNumber: '3203', sector: 'helse-og-omsorg' },
  { name: 'Eva Strand', municipalityNumber: '3205', sector: 'helse-og-omsorg' },
  { name: 'Tor Moen', municipalityNumber: '3103', sector: 'helse-og-omsorg' },
  { name: 'Randi Foss', municipalityNumber: '3305', sector: 'helse-og-omsorg' },
  { name: 'Sigrid Holm', municipalityNumber: '3301', sector: 'helse-og-omsorg' },
  { name: 'Anders Ruud', municipalityNumber: '3107', sector: 'helse-og-omsorg' },
  { name: 'Mona Bakke', municipalityNumber: '3101', sector: 'helse-og-omsorg' },
  { name: 'Leif Eng', municipalityNumber: '3205', sector: 'folkehelse' },
];

// The demo networks of Per Olsen's region (Oslo og Viken); Vestland's has none of this.
const REGION_NETWORK_SLUGS = [DEMO_NETWORK_SLUG, 'viken-bo-trygt-hjemme'];

/**
 * Demo attendance for the demo's samlinger (and webinars, dialogmøter, veiledning) in Per's
 * region once they have ended: the plan is seeded in the future, so a fresh demo shows none, and
 * a demo started again after a samling has passed gets it. An item anyone has already recorded
 * attendance for is left alone, and seed keys make a second run change nothing.
 */
export async function seedDemoAttendance(tx: Transaction, now: Date): Promise<void> {
  const ids = (await Promise.all(REGION_NETWORK_SLUGS.map((slug) => networkIdBySlug(tx, slug)))).filter((id): id is string => !!id);
  const items = await endedSeedItemsWithoutAttendance(tx, ids, now);
  const people = [...demoMembers, ...otherDemoPeople].map((p) => p.aadObjectId);
  for (const item of items) {
    const members = await demoPeopleInNetwork(tx, item.networkId, DEMO_TENANT_ID, people);
    const numbers = new Set((await networkMunicipalities(tx, item.networkId)).map((m) => m.number.trim()));
    // Aisha (kultur) comes to the first samling only: attendance outside health thins out.
    for (const m of members) {
      if (!m.municipality_number) continue;
      if (m.display_name === 'Aisha Rahman' && item.seedKey !== 'samling-1') continue;
      await insertSeedMemberAttendance(tx, item, m.id, `demo-${item.seedKey}-${m.id}`, 95, now);
    }
    const guests = DEMO_GUESTS.filter((g) => numbers.has(g.municipalityNumber));
    await upsertGuestAttendance(tx, item.networkId, item.id, guests.map((g) => ({ ...g, minutes: 90 })), 'checklist', null, now);
  }
}
