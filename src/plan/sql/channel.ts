import type { Queryable } from '../../platform/db/port.js';

/** The network's Teams channel for a deep link: the one stored with the network, else a channel conversation of its team. */
export async function networkChannelId(db: Queryable, networkId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ channel: string | null }>(
    `SELECT coalesce(n.teams_channel_id,
              (SELECT c.conversation_id FROM conversation_ref c
                WHERE c.team_id = n.teams_team_id AND c.conversation_type = 'channel' AND c.installed
                ORDER BY c.updated_at DESC LIMIT 1),
              n.teams_team_id) AS channel
       FROM network n WHERE n.id = $1`,
    [networkId],
  );
  // A channel conversation's id carries the thread («19:…@thread.tacv2;messageid=…»): the channel is before «;».
  return rows[0]?.channel?.split(';')[0] ?? undefined;
}
