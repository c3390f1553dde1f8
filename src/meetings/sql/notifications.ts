import type { Database, Queryable } from '../../platform/db/port.js';
import type { KnownMeeting } from './meetings.js';

/** The plan item's meeting that has not ended (the latest one seen, if Teams gave several ids). */
export async function runningMeetingOfItem(db: Queryable, planItemId: string): Promise<KnownMeeting | undefined> {
  const { rows } = await db.query<KnownMeeting>(
    `SELECT meeting_id AS "meetingId", plan_item_id AS "planItemId", network_id AS "networkId",
            chat_id AS "chatId", started_at AS "startedAt", ended_at AS "endedAt"
       FROM meeting WHERE plan_item_id = $1 AND ended_at IS NULL
      ORDER BY started_at DESC NULLS LAST LIMIT 1`,
    [planItemId],
  );
  return rows[0];
}

export interface NotificationLimits {
  /** At most one notification within this many ms in a meeting. */
  minGapMs: number;
  /** And at most this many in any hour. */
  perHour: number;
}

/**
 * Takes a slot for an in-meeting notification at `at`, or says no when the meeting's limit is
 * reached. The meeting's row is locked for the check and the insert, so two instances opening
 * polls of one meeting at the same moment cannot both take the last slot.
 */
export async function claimNotificationSlot(db: Database, meetingId: string, pollId: string, at: Date, limits: NotificationLimits): Promise<boolean> {
  return db.transaction(async (tx) => {
    const locked = await tx.query(`SELECT 1 FROM meeting WHERE meeting_id = $1 FOR UPDATE`, [meetingId]);
    if (locked.rowCount === 0) return false;
    const { rows } = await tx.query<{ recent: number; hour: number }>(
      `SELECT count(*) FILTER (WHERE sent_at > $2)::int AS recent, count(*)::int AS hour
         FROM meeting_notification WHERE meeting_id = $1 AND sent_at > $3 AND sent_at <= $4`,
      [meetingId, new Date(at.getTime() - limits.minGapMs).toISOString(), new Date(at.getTime() - 3_600_000).toISOString(), at.toISOString()],
    );
    const { recent, hour } = rows[0]!;
    if (recent > 0 || hour >= limits.perHour) return false;
    await tx.query(`INSERT INTO meeting_notification (meeting_id, poll_id, sent_at) VALUES ($1, $2, $3)`, [meetingId, pollId, at.toISOString()]);
    return true;
  });
}

/** The card did not get through: the slot is given back, so the next poll may alert. */
export async function releaseNotificationSlot(db: Queryable, meetingId: string, pollId: string, at: Date): Promise<void> {
  await db.query(`DELETE FROM meeting_notification WHERE meeting_id = $1 AND poll_id = $2 AND sent_at = $3`, [meetingId, pollId, at.toISOString()]);
}
