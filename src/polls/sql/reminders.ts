import type { Queryable } from '../../platform/db/port.js';

/** Whether the poll's network is still active (an archived network's reminders are cancelled). */
export async function pollNetworkIsActive(db: Queryable, networkId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM network WHERE id = $1 AND archived_at IS NULL`, [networkId]);
  return rows.length > 0;
}

/** Open polls of active networks with a planned close after `now`, soonest first. */
export async function openPollIdsClosingAfter(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM poll p JOIN network n ON n.id = p.network_id
      WHERE p.closes_at > $1 AND p.closed_at IS NULL AND n.archived_at IS NULL ORDER BY p.closes_at`,
    [now.toISOString()],
  );
  return rows.map((r) => r.id);
}

/**
 * Deltakere to remind before the close: those without a vote, or all of them when `everyone`
 * (anonymous polls, where who voted is not looked up).
 */
export async function deltakereToRemindOfPoll(db: Queryable, networkId: string, pollId: string, everyone: boolean): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT nm.member_id AS id FROM network_member nm
      WHERE nm.network_id = $1 AND nm.role = 'deltaker'
        AND ($3 OR NOT EXISTS (SELECT 1 FROM poll_vote v WHERE v.poll_id = $2 AND v.member_id = nm.member_id))`,
    [networkId, pollId, everyone],
  );
  return rows.map((r) => r.id);
}
