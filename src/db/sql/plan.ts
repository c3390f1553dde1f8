import type { PlanItem } from '../../domain/types.js';
import type { Queryable } from '../port.js';

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
