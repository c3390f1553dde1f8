import type { Queryable } from '../../src/platform/db/port.js';
import { DEMO_TENANT_ID } from '../../src/demo/demo.js';

export const TEST_BOT_ID = '28:samlingspunkt-bot';

/** The 1:1 chat id the helpers give a person. */
export const personalConversationId = (aadObjectId: string) => `a:${aadObjectId}`;

function reference(serviceUrl: string, aadObjectId: string) {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: personalConversationId(aadObjectId), conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    bot: { id: TEST_BOT_ID, name: 'Samlingspunkt' },
    user: { id: `29:${aadObjectId}`, aadObjectId },
  };
}

/** A stored 1:1 chat for a person, at the fake connector. */
export async function addPersonalConversation(db: Queryable, aadObjectId: string, serviceUrl: string): Promise<string> {
  const id = personalConversationId(aadObjectId);
  await db.query(
    `INSERT INTO conversation_ref (conversation_id, channel_id, service_url, tenant_id, conversation_type, bot_id,
                                   user_aad_object_id, reference)
     VALUES ($1, 'msteams', $2, $3, 'personal', $4, $5, $6)
     ON CONFLICT (conversation_id) DO UPDATE SET service_url = EXCLUDED.service_url, reference = EXCLUDED.reference`,
    [id, serviceUrl, DEMO_TENANT_ID, TEST_BOT_ID, aadObjectId, JSON.stringify(reference(serviceUrl, aadObjectId))],
  );
  return id;
}

/** A stored channel conversation of a team (what a 1:1 chat is created from). */
export async function addTeamConversation(db: Queryable, teamId: string, serviceUrl: string): Promise<void> {
  await db.query(
    `INSERT INTO conversation_ref (conversation_id, channel_id, service_url, tenant_id, conversation_type, team_id, bot_id, reference)
     VALUES ($1, 'msteams', $2, $3, 'channel', $1, $4, $5) ON CONFLICT (conversation_id) DO NOTHING`,
    [
      teamId,
      serviceUrl,
      DEMO_TENANT_ID,
      TEST_BOT_ID,
      JSON.stringify({ channelId: 'msteams', serviceUrl, conversation: { id: teamId, conversationType: 'channel', tenantId: DEMO_TENANT_ID }, bot: { id: TEST_BOT_ID } }),
    ],
  );
}

/**
 * `count` new deltakere in the network (municipality 3201), each with a 1:1 chat at the fake
 * connector. Returns their Entra object ids.
 */
export async function addRecipients(db: Queryable, networkId: string, count: number, serviceUrl: string, tag = 'mottaker'): Promise<string[]> {
  const { rows } = await db.query<{ aad: string }>(
    `WITH people AS (
       INSERT INTO member (tenant_id, aad_object_id, display_name, sector)
       SELECT $1, $2 || '-' || lpad(g::text, 5, '0'), 'Mottaker ' || lpad(g::text, 5, '0'), 'helse-og-omsorg'
         FROM generate_series(1, $3::int) g
       RETURNING id, aad_object_id),
     joined AS (
       INSERT INTO network_member (network_id, member_id, role, municipality_number)
       SELECT $4, id, 'deltaker', '3201' FROM people RETURNING member_id)
     SELECT p.aad_object_id AS aad FROM people p JOIN joined j ON j.member_id = p.id ORDER BY p.aad_object_id`,
    [DEMO_TENANT_ID, tag, count, networkId],
  );
  const ids = rows.map((r) => r.aad);
  await db.query(
    `INSERT INTO conversation_ref (conversation_id, channel_id, service_url, tenant_id, conversation_type, bot_id,
                                   user_aad_object_id, reference)
     SELECT 'a:' || a, 'msteams', $2, $3, 'personal', $4, a,
            jsonb_build_object('channelId', 'msteams', 'serviceUrl', $2::text,
              'conversation', jsonb_build_object('id', 'a:' || a, 'conversationType', 'personal', 'tenantId', $3::text),
              'bot', jsonb_build_object('id', $4::text, 'name', 'Samlingspunkt'),
              'user', jsonb_build_object('id', '29:' || a, 'aadObjectId', a))
       FROM unnest($1::text[]) AS a`,
    [ids, serviceUrl, DEMO_TENANT_ID, TEST_BOT_ID],
  );
  return ids;
}

export async function demoNetworkId(db: Queryable): Promise<string> {
  return (await db.query<{ id: string }>(`SELECT id FROM network WHERE slug = 'usht-viken'`)).rows[0]!.id;
}
