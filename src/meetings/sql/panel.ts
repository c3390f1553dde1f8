import type { Queryable } from '../../platform/db/port.js';
import type { KnownMeeting } from './meetings.js';

const columns = `m.meeting_id AS "meetingId", m.plan_item_id AS "planItemId", m.network_id AS "networkId",
  m.chat_id AS "chatId", m.started_at AS "startedAt", m.ended_at AS "endedAt"`;

/**
 * The meetings the bot has seen in this chat, the one whose samling is nearest in time to `now`
 * first: a recurring Teams meeting keeps one chat for every occurrence.
 */
export async function meetingsInChat(db: Queryable, chatIds: readonly string[], now: Date): Promise<KnownMeeting[]> {
  const { rows } = await db.query<KnownMeeting>(
    `SELECT ${columns} FROM meeting m JOIN plan_item p ON p.id = m.plan_item_id
      WHERE m.chat_id = ANY($1::text[])
      ORDER BY abs(extract(epoch FROM p.starts_at - $2::timestamptz)), m.started_at DESC NULLS LAST`,
    [chatIds, now.toISOString()],
  );
  return rows;
}

/** The plan item's meeting as the bot last saw it (the latest start). */
export async function latestMeetingOfItem(db: Queryable, planItemId: string): Promise<KnownMeeting | undefined> {
  const { rows } = await db.query<KnownMeeting>(
    `SELECT ${columns} FROM meeting m WHERE m.plan_item_id = $1 ORDER BY m.started_at DESC NULLS LAST LIMIT 1`,
    [planItemId],
  );
  return rows[0];
}

export interface ItemLink {
  planItemId: string;
  networkId: string;
  meetingUrl: string;
}

/**
 * Plan items of active networks whose Teams link contains `needle` (the thread's «meeting_…»
 * part, which no encoding of the link changes), nearest in time to `now` first. The caller
 * confirms each by the thread id in the decoded link.
 */
export async function itemsWithLinkContaining(db: Queryable, needle: string, now: Date): Promise<ItemLink[]> {
  const { rows } = await db.query<ItemLink>(
    `SELECT p.id AS "planItemId", p.network_id AS "networkId", p.meeting_url AS "meetingUrl"
       FROM plan_item p JOIN network n ON n.id = p.network_id
      WHERE p.meeting_url IS NOT NULL AND n.archived_at IS NULL AND strpos(p.meeting_url, $1) > 0
      ORDER BY abs(extract(epoch FROM p.starts_at - $2::timestamptz))
      LIMIT 50`,
    [needle, now.toISOString()],
  );
  return rows;
}
