import type { Queryable } from '../../platform/db/port.js';
import type { ReminderKind } from '../../reminders/domain/reminders.js';
import type { NonAnswerer, ReminderReach } from '../domain/followup.js';

/**
 * Names, municipalities and reminder reach of the given members of a network. The member ids
 * come from the subject's own «who still owes an answer» query; the reach mirrors what the
 * reminder engine's fan-out decides (src/reminders/sql/reminders.ts, startFanOut).
 */
export async function nonAnswerersByIds(
  db: Queryable,
  networkId: string,
  memberIds: readonly string[],
  kind: ReminderKind,
  subjectId: string,
): Promise<NonAnswerer[]> {
  if (memberIds.length === 0) return [];
  const { rows } = await db.query<Omit<NonAnswerer, 'reach'> & { stopped: boolean; optedOut: boolean; unreachable: boolean }>(
    `SELECT m.id AS "memberId", m.display_name AS name, nm.municipality_number AS "municipalityNumber", mu.name AS "municipalityName",
            m.reminders_stopped_at IS NOT NULL AS stopped, o.member_id IS NOT NULL AS "optedOut", m.unreachable_at IS NOT NULL AS unreachable
       FROM network_member nm
       JOIN member m ON m.id = nm.member_id
       LEFT JOIN municipality mu ON mu.number = nm.municipality_number
       LEFT JOIN reminder_opt_out o ON o.member_id = m.id AND o.kind = $3 AND o.subject_id = $4
      WHERE nm.network_id = $1 AND nm.member_id = ANY($2::uuid[])`,
    [networkId, memberIds, kind, subjectId],
  );
  return rows.map(({ stopped, optedOut, unreachable, ...r }) => {
    const reach: ReminderReach = stopped || optedOut ? 'avmeldt' : unreachable ? 'utilgjengelig' : 'far';
    return { ...r, municipalityNumber: r.municipalityNumber?.trim() ?? null, reach };
  });
}

export interface FollowupReminderRow {
  id: string;
  status: 'planlagt' | 'sender' | 'ferdig' | 'avlyst' | 'hoppet-over';
  requestedAt: Date;
  finishedAt: Date | null;
  /** Delivery rows once the fan-out has frozen who gets it (0 before). */
  recipients: number;
  sent: number;
}

/**
 * The latest facilitator-made («manuell») reminder of a subject. For reflection tasks and polls
 * only the follow-up makes those, so this is the last «Send påminnelse til disse».
 */
export async function lastFollowupReminder(db: Queryable, kind: ReminderKind, subjectId: string): Promise<FollowupReminderRow | undefined> {
  const { rows } = await db.query<FollowupReminderRow>(
    `SELECT r.id, r.status, r.due_at AS "requestedAt", r.finished_at AS "finishedAt",
            (SELECT count(*)::int FROM reminder_delivery d WHERE d.reminder_id = r.id AND d.status <> 'avmeldt') AS recipients,
            (SELECT count(*)::int FROM reminder_delivery d WHERE d.reminder_id = r.id AND d.status = 'sendt') AS sent
       FROM reminder r
      WHERE r.kind = $1 AND r.subject_id = $2 AND r.rule_key = 'manuell'
      ORDER BY r.due_at DESC, r.created_at DESC LIMIT 1`,
    [kind, subjectId],
  );
  const r = rows[0];
  return r && { ...r, requestedAt: new Date(r.requestedAt), finishedAt: r.finishedAt ? new Date(r.finishedAt) : null };
}

/**
 * A follow-up reminder row, due now: the engine's reconcile gives it its pg-boss job and its
 * fan-out freezes the recipients. Nothing when a manual one for the subject is still pending
 * (the engine's unique index on pending reminders per rule); call it under the subject's lock.
 */
export async function insertFollowupReminder(
  db: Queryable,
  r: { networkId: string; kind: ReminderKind; subjectId: string; at: Date; createdBy: string | null },
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reminder (network_id, kind, subject_id, rule_key, due_at, send_at, created_by)
     VALUES ($1, $2, $3, 'manuell', $4, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [r.networkId, r.kind, r.subjectId, r.at.toISOString(), r.createdBy],
  );
  return rows[0]?.id;
}
