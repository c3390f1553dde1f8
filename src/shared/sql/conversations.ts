import type { Queryable } from '../../platform/db/port.js';

export interface StoredConversation {
  conversationId: string;
  channelId: string;
  serviceUrl: string;
  tenantId: string | null;
  conversationType: 'personal' | 'groupChat' | 'channel';
  teamId: string | null;
  botId: string;
  userAadObjectId: string | null;
  /** The botbuilder ConversationReference, kept whole so proactive sends can use it as-is. */
  reference: Record<string, unknown>;
}

export async function upsertConversation(db: Queryable, c: StoredConversation): Promise<void> {
  await db.query(
    `INSERT INTO conversation_ref (conversation_id, channel_id, service_url, tenant_id, conversation_type, team_id,
                                   bot_id, user_aad_object_id, reference, installed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)
     ON CONFLICT (conversation_id) DO UPDATE
       SET service_url = EXCLUDED.service_url, tenant_id = EXCLUDED.tenant_id,
           team_id = COALESCE(EXCLUDED.team_id, conversation_ref.team_id),
           user_aad_object_id = COALESCE(EXCLUDED.user_aad_object_id, conversation_ref.user_aad_object_id),
           reference = EXCLUDED.reference, installed = true, stale_at = NULL, unreachable_at = NULL, updated_at = now()`,
    [
      c.conversationId,
      c.channelId,
      c.serviceUrl,
      c.tenantId,
      c.conversationType,
      c.teamId,
      c.botId,
      c.userAadObjectId,
      JSON.stringify(c.reference),
    ],
  );
  // Teams just spoke to us from this person's 1:1 chat: they can be reached again.
  if (c.conversationType === 'personal' && c.tenantId && c.userAadObjectId) {
    await db.query(
      `UPDATE member SET unreachable_at = NULL, unreachable_reason = NULL
        WHERE tenant_id = $1 AND aad_object_id = lower($2) AND unreachable_at IS NOT NULL`,
      [c.tenantId, c.userAadObjectId],
    );
  }
}

export async function markConversationUninstalled(db: Queryable, conversationId: string): Promise<void> {
  await db.query(`UPDATE conversation_ref SET installed = false, updated_at = now() WHERE conversation_id = $1`, [
    conversationId,
  ]);
}

export async function findConversation(db: Queryable, conversationId: string): Promise<StoredConversation | undefined> {
  const { rows } = await db.query<StoredConversation>(
    `SELECT conversation_id AS "conversationId", channel_id AS "channelId", service_url AS "serviceUrl",
            tenant_id AS "tenantId", conversation_type AS "conversationType", team_id AS "teamId", bot_id AS "botId",
            user_aad_object_id AS "userAadObjectId", reference
       FROM conversation_ref WHERE conversation_id = $1`,
    [conversationId],
  );
  return rows[0];
}
