import type { PlanItem } from '../../shared/types.js';
import type { Queryable } from '../../platform/db/port.js';

const planColumns = `
  id, network_id AS "networkId", kind, title, agenda, starts_at AS "startsAt", ends_at AS "endsAt",
  format, responsible_body AS "responsibleBody", meeting_url AS "meetingUrl"`;

export async function planForNetwork(db: Queryable, networkId: string): Promise<PlanItem[]> {
  const { rows } = await db.query<PlanItem>(
    `SELECT ${planColumns} FROM plan_item WHERE network_id = $1 ORDER BY starts_at, title`,
    [networkId],
  );
  // PGlite and pg both return Date for timestamptz; normalise defensively for strings.
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
}

export interface NewPlanItem extends Omit<PlanItem, 'id' | 'networkId'> {
  seedKey?: string | null;
}

export async function insertPlanItem(db: Queryable, networkId: string, item: NewPlanItem): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plan_item (network_id, kind, title, agenda, starts_at, ends_at, format, responsible_body, meeting_url, seed_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      networkId,
      item.kind,
      item.title,
      item.agenda,
      item.startsAt.toISOString(),
      item.endsAt.toISOString(),
      item.format,
      item.responsibleBody,
      item.meetingUrl,
      item.seedKey ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function findPlanItem(db: Queryable, networkId: string, itemId: string): Promise<PlanItem | undefined> {
  const { rows } = await db.query<PlanItem>(
    `SELECT ${planColumns} FROM plan_item WHERE network_id = $1 AND id = $2`,
    [networkId, itemId],
  );
  const r = rows[0];
  return r && { ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) };
}

/** Holds the item for this transaction (two facilitators saving at once take turns); false when it is not there. */
export async function lockPlanItem(db: Queryable, networkId: string, itemId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT id FROM plan_item WHERE network_id = $1 AND id = $2 FOR UPDATE`, [networkId, itemId]);
  return rows.length > 0;
}

export async function updatePlanItem(
  db: Queryable,
  networkId: string,
  itemId: string,
  item: Omit<PlanItem, 'id' | 'networkId'>,
): Promise<boolean> {
  const res = await db.query(
    `UPDATE plan_item SET kind = $3, title = $4, agenda = $5, starts_at = $6, ends_at = $7, format = $8,
            responsible_body = $9, meeting_url = $10, updated_at = now(),
            -- Subscribed calendars (src/calendar) replace their copy when this goes up.
            calendar_sequence = calendar_sequence + CASE WHEN (kind, title, agenda, starts_at, ends_at, format, responsible_body, meeting_url)
              IS DISTINCT FROM ($3, $4, $5, $6::timestamptz, $7::timestamptz, $8, $9, $10) THEN 1 ELSE 0 END
      WHERE network_id = $1 AND id = $2`,
    [
      networkId,
      itemId,
      item.kind,
      item.title,
      item.agenda,
      item.startsAt.toISOString(),
      item.endsAt.toISOString(),
      item.format,
      item.responsibleBody,
      item.meetingUrl,
    ],
  );
  return res.rowCount > 0;
}

export async function deletePlanItem(db: Queryable, networkId: string, itemId: string): Promise<boolean> {
  const res = await db.query(`DELETE FROM plan_item WHERE network_id = $1 AND id = $2`, [networkId, itemId]);
  return res.rowCount > 0;
}

/** A plan item, unless its network is archived (reminders of archived networks are cancelled). */
export async function planItemOfActiveNetwork(db: Queryable, itemId: string): Promise<PlanItem | undefined> {
  const { rows } = await db.query<PlanItem>(
    `SELECT p.id, p.network_id AS "networkId", p.kind, p.title, p.agenda, p.starts_at AS "startsAt", p.ends_at AS "endsAt",
            p.format, p.responsible_body AS "responsibleBody", p.meeting_url AS "meetingUrl"
       FROM plan_item p JOIN network n ON n.id = p.network_id
      WHERE p.id = $1 AND n.archived_at IS NULL`,
    [itemId],
  );
  const r = rows[0];
  return r && { ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) };
}

/** Plan items of active networks that start after `now`, soonest first; with `networkId`, only that network's. */
export async function upcomingPlanItemIds(db: Queryable, now: Date, networkId?: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM plan_item p JOIN network n ON n.id = p.network_id
      WHERE p.starts_at > $1 AND n.archived_at IS NULL AND ($2::uuid IS NULL OR p.network_id = $2) ORDER BY p.starts_at`,
    [now.toISOString(), networkId ?? null],
  );
  return rows.map((r) => r.id);
}
