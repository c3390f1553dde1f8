import type { Queryable } from '../../platform/db/port.js';

/** Whether the person stopped all their reminders («stopp påminnelser»); unknown people have none. */
export async function remindersStopped(db: Queryable, memberId: string): Promise<boolean> {
  const { rows } = await db.query<{ stopped: boolean }>(`SELECT reminders_stopped_at IS NOT NULL AS stopped FROM member WHERE id = $1`, [memberId]);
  return rows[0]?.stopped ?? false;
}
