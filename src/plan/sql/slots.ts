import type { Queryable } from '../../platform/db/port.js';

import type { PlanItemSlot } from '../domain/rules.js';

export type { PlanItemSlot };

export interface PlanItemSlotRow extends PlanItemSlot {
  planItemId: string;
  municipalityName: string;
}

const asSlot = (r: PlanItemSlotRow): PlanItemSlotRow => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) });

/** Every slot of a network's plan, soonest first, with the municipality's name. */
export async function slotsForNetwork(db: Queryable, networkId: string): Promise<PlanItemSlotRow[]> {
  const { rows } = await db.query<PlanItemSlotRow>(
    `SELECT s.plan_item_id AS "planItemId", s.municipality_number AS "municipalityNumber", m.name AS "municipalityName",
            s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM plan_item_slot s JOIN municipality m ON m.number = s.municipality_number
      WHERE s.network_id = $1 ORDER BY s.starts_at, m.name`,
    [networkId],
  );
  return rows.map(asSlot);
}

export async function slotsOfItem(db: Queryable, itemId: string): Promise<PlanItemSlotRow[]> {
  const { rows } = await db.query<PlanItemSlotRow>(
    `SELECT s.plan_item_id AS "planItemId", s.municipality_number AS "municipalityNumber", m.name AS "municipalityName",
            s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM plan_item_slot s JOIN municipality m ON m.number = s.municipality_number
      WHERE s.plan_item_id = $1 ORDER BY s.starts_at, m.name`,
    [itemId],
  );
  return rows.map(asSlot);
}

/** The item's slots become exactly these (none: no slots). */
export async function replaceSlots(db: Queryable, networkId: string, itemId: string, slots: readonly PlanItemSlot[]): Promise<void> {
  // A moved slot moves an event in the deltakere's subscribed calendars (src/calendar): the item's SEQUENCE goes up.
  await db.query(
    `UPDATE plan_item SET calendar_sequence = calendar_sequence + 1
      WHERE id = $1
        AND (SELECT coalesce(array_agg(ROW(municipality_number::text, starts_at, ends_at)::text ORDER BY municipality_number), '{}')
               FROM plan_item_slot WHERE plan_item_id = $1)
            IS DISTINCT FROM (SELECT coalesce(array_agg(ROW(n, s, e)::text ORDER BY n), '{}')
                                FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS x(n, s, e))`,
    [itemId, slots.map((s) => s.municipalityNumber), slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.endsAt.toISOString())],
  );
  await db.query(`DELETE FROM plan_item_slot WHERE plan_item_id = $1`, [itemId]);
  if (slots.length === 0) return;
  await db.query(
    `INSERT INTO plan_item_slot (plan_item_id, network_id, municipality_number, starts_at, ends_at)
     SELECT $1, $2, s.number, s.starts_at, s.ends_at
       FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) AS s(number, starts_at, ends_at)`,
    [itemId, networkId, slots.map((s) => s.municipalityNumber), slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.endsAt.toISOString())],
  );
}

/** The network's municipalities, number → name (a slot may only be for one of them). */
export async function networkMunicipalityNames(db: Queryable, networkId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ number: string; name: string }>(
    `SELECT m.number, m.name FROM network_municipality nm JOIN municipality m ON m.number = nm.municipality_number
      WHERE nm.network_id = $1`,
    [networkId],
  );
  return new Map(rows.map((r) => [r.number, r.name]));
}
