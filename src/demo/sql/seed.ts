import type { PollDefinition } from '../../polls/domain/polls.js';
import type { Queryable, Transaction } from '../../platform/db/port.js';

/** Serialises seeding per schema, so two instances starting at once seed the demo only once. */
export async function lockDemoSeeding(tx: Transaction): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('samlingspunkt.seed.' || current_schema()))`);
}

export async function networkIdBySlug(db: Queryable, slug: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM network WHERE slug = $1', [slug]);
  return rows[0]?.id;
}

export interface SeededPlanItem {
  seedKey: string;
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** The network's plan items that came from the seed (they carry a seed key). */
export async function seededPlanItems(db: Queryable, networkId: string): Promise<SeededPlanItem[]> {
  const { rows } = await db.query<SeededPlanItem>(
    `SELECT seed_key AS "seedKey", id, starts_at AS "startsAt", ends_at AS "endsAt" FROM plan_item
      WHERE network_id = $1 AND seed_key IS NOT NULL`,
    [networkId],
  );
  return rows;
}

export interface SeedPoll {
  networkId: string;
  seedKey: string;
  repeatOf: string | null;
  opensAt: Date;
  closedAt: Date;
}

/** A closed seed poll, created at its opening; undefined when the seed key already exists. */
export async function insertSeedPoll(tx: Transaction, definition: PollDefinition, p: SeedPoll): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO poll (network_id, repeat_of, kind, question, options, anonymous, breakdown, opens_at, closed_at, seed_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $10, $7, $8, $9, $7)
     ON CONFLICT (network_id, seed_key) DO NOTHING RETURNING id`,
    [p.networkId, p.repeatOf, definition.kind, definition.question, definition.options, definition.anonymous, p.opensAt.toISOString(), p.closedAt.toISOString(), p.seedKey, definition.breakdown],
  );
  return rows[0]?.id;
}

export interface DemoPerson {
  id: string;
  display_name: string;
  municipality_number: string | null;
}

/** The network's members among the given demo people (tenant and Entra object ids). */
export async function demoPeopleInNetwork(tx: Transaction, networkId: string, tenantId: string, aadObjectIds: string[]): Promise<DemoPerson[]> {
  const { rows } = await tx.query<DemoPerson>(
    `SELECT m.id, m.display_name, nm.municipality_number FROM member m JOIN network_member nm ON nm.member_id = m.id
      WHERE nm.network_id = $1 AND m.tenant_id = $2 AND m.aad_object_id = ANY($3::text[])`,
    [networkId, tenantId, aadObjectIds],
  );
  return rows;
}

/** Opens a seed poll for a moment, so its demo votes go through the same statement as every vote. */
export async function openSeedPollForVoting(tx: Transaction, pollId: string): Promise<void> {
  await tx.query(`UPDATE poll SET closed_at = NULL WHERE id = $1`, [pollId]);
}

/** Closes a seed poll again, half an hour after it opened. */
export async function closeSeedPoll(tx: Transaction, pollId: string): Promise<void> {
  await tx.query(`UPDATE poll SET closed_at = opens_at + interval '30 minutes' WHERE id = $1`, [pollId]);
}

export interface PlannedSeedPoll {
  networkId: string;
  seedKey: string;
  planItemId: string;
  opensAt: Date;
  closesAt: Date;
  opensAtMeetingStart: boolean;
  createdAt: Date;
}

/** A planned seed poll of a plan item; undefined when the seed key already exists. */
export async function insertPlannedSeedPoll(tx: Transaction, definition: PollDefinition, p: PlannedSeedPoll): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO poll (network_id, plan_item_id, kind, question, options, anonymous, breakdown, opens_at, closes_at, opens_at_meeting_start, seed_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (network_id, seed_key) DO NOTHING RETURNING id`,
    [
      p.networkId,
      p.planItemId,
      definition.kind,
      definition.question,
      definition.options,
      definition.anonymous,
      definition.breakdown,
      p.opensAt.toISOString(),
      p.closesAt.toISOString(),
      p.opensAtMeetingStart,
      p.seedKey,
      p.createdAt.toISOString(),
    ],
  );
  return rows[0]?.id;
}
