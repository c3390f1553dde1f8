import type { Queryable } from '../../platform/db/port.js';
import type { BodyCode, PlanItemFormat, PlanItemKind } from '../../shared/types.js';

/** A plan item as a calendar shows it, with its network's name and its revision. */
export interface PlanEventRow {
  id: string;
  networkId: string;
  networkName: string;
  kind: PlanItemKind;
  title: string;
  agenda: string | null;
  startsAt: Date;
  endsAt: Date;
  format: PlanItemFormat;
  responsibleBody: BodyCode | null;
  meetingUrl: string | null;
  sequence: number;
  updatedAt: Date;
}

export interface SlotRow {
  planItemId: string;
  municipalityNumber: string;
  municipalityName: string;
  startsAt: Date;
  endsAt: Date;
}

export interface DeadlineRow {
  id: string;
  networkName: string;
  title: string;
  dueAt: Date;
  sequence: number;
  createdAt: Date;
  /** Mellomarbeid only: the municipality it is for. */
  municipalityName?: string;
}

// pg and PGlite both return Date for timestamptz; normalised anyway, as src/plan/sql/plan.ts does.
const dates = <T extends object>(row: T, keys: (keyof T)[]): T => {
  const out = { ...row };
  for (const k of keys) out[k] = new Date(row[k] as string) as T[keyof T];
  return out;
};

/** The plan items of these networks (archived ones have none to show), soonest first. */
export async function planEvents(db: Queryable, networkIds: readonly string[]): Promise<PlanEventRow[]> {
  if (networkIds.length === 0) return [];
  const { rows } = await db.query<PlanEventRow>(
    `SELECT p.id, p.network_id AS "networkId", n.name AS "networkName", p.kind, p.title, p.agenda,
            p.starts_at AS "startsAt", p.ends_at AS "endsAt", p.format, p.responsible_body AS "responsibleBody",
            p.meeting_url AS "meetingUrl", p.calendar_sequence AS sequence, p.updated_at AS "updatedAt"
       FROM plan_item p JOIN network n ON n.id = p.network_id
      WHERE p.network_id = ANY($1::uuid[]) AND n.archived_at IS NULL
      ORDER BY p.starts_at, p.title`,
    [networkIds],
  );
  return rows.map((r) => dates(r, ['startsAt', 'endsAt', 'updatedAt']));
}

/** The slots (veiledning per kommune) of these networks' items. */
export async function planSlots(db: Queryable, networkIds: readonly string[]): Promise<SlotRow[]> {
  if (networkIds.length === 0) return [];
  const { rows } = await db.query<SlotRow>(
    `SELECT s.plan_item_id AS "planItemId", trim(s.municipality_number) AS "municipalityNumber", m.name AS "municipalityName",
            s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM plan_item_slot s JOIN municipality m ON m.number = s.municipality_number
      WHERE s.network_id = ANY($1::uuid[])`,
    [networkIds],
  );
  return rows.map((r) => dates(r, ['startsAt', 'endsAt']));
}

/** The reflection tasks of the networks where the person answers them. */
export async function reflectionDeadlines(db: Queryable, networkIds: readonly string[]): Promise<DeadlineRow[]> {
  if (networkIds.length === 0) return [];
  const { rows } = await db.query<DeadlineRow>(
    `SELECT r.id, n.name AS "networkName", r.title, r.due_at AS "dueAt", r.calendar_sequence AS sequence, r.created_at AS "createdAt"
       FROM reflection_task r JOIN network n ON n.id = r.network_id
      WHERE r.network_id = ANY($1::uuid[]) AND n.archived_at IS NULL
      ORDER BY r.due_at`,
    [networkIds],
  );
  return rows.map((r) => dates(r, ['dueAt', 'createdAt']));
}

/** The mellomarbeid of these (network, municipality) pairs: the person's own municipality's work. */
export async function mellomarbeidDeadlines(
  db: Queryable,
  municipalities: readonly { networkId: string; municipalityNumber: string }[],
): Promise<DeadlineRow[]> {
  if (municipalities.length === 0) return [];
  const { rows } = await db.query<DeadlineRow>(
    `SELECT a.id, n.name AS "networkName", a.title, a.due_at AS "dueAt", a.calendar_sequence AS sequence,
            a.created_at AS "createdAt", m.name AS "municipalityName"
       FROM unnest($1::uuid[], $2::text[]) AS mine(network_id, municipality_number)
       JOIN mellomarbeid_status s ON s.network_id = mine.network_id AND s.municipality_number = mine.municipality_number
       JOIN mellomarbeid_assignment a ON a.id = s.assignment_id
       JOIN network n ON n.id = a.network_id
       JOIN municipality m ON m.number = s.municipality_number
      WHERE n.archived_at IS NULL
      ORDER BY a.due_at`,
    [municipalities.map((m) => m.networkId), municipalities.map((m) => m.municipalityNumber)],
  );
  return rows.map((r) => dates(r, ['dueAt', 'createdAt']));
}
