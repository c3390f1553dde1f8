import type { Queryable } from '../../platform/db/port.js';
import type { StoredConversation } from './conversations.js';

/** A stored conversation as the proactive sender sees it: where to send, and whether it may. */
export interface SendTarget extends StoredConversation {
  installed: boolean;
  staleAt: Date | null;
  unreachableAt: Date | null;
  /** For a personal chat: whether its person is marked unreachable. */
  memberUnreachableAt: Date | null;
  memberId: string | null;
}

const targetColumns = `
  c.conversation_id AS "conversationId", c.channel_id AS "channelId", c.service_url AS "serviceUrl",
  c.tenant_id AS "tenantId", c.conversation_type AS "conversationType", c.team_id AS "teamId", c.bot_id AS "botId",
  c.user_aad_object_id AS "userAadObjectId", c.reference, c.installed, c.stale_at AS "staleAt",
  c.unreachable_at AS "unreachableAt", m.unreachable_at AS "memberUnreachableAt", m.id AS "memberId"`;

const memberJoin = `LEFT JOIN member m ON c.conversation_type = 'personal'
  AND m.tenant_id = c.tenant_id AND m.aad_object_id = lower(c.user_aad_object_id)`;

export async function findSendTarget(db: Queryable, conversationId: string): Promise<SendTarget | undefined> {
  const { rows } = await db.query<SendTarget>(
    `SELECT ${targetColumns} FROM conversation_ref c ${memberJoin} WHERE c.conversation_id = $1`,
    [conversationId],
  );
  return rows[0];
}

/** The person's 1:1 chat with the bot, newest first, if any is still usable. */
export async function findPersonalTarget(db: Queryable, tenantId: string, aadObjectId: string): Promise<SendTarget | undefined> {
  const { rows } = await db.query<SendTarget>(
    `SELECT ${targetColumns} FROM conversation_ref c ${memberJoin}
      WHERE c.conversation_type = 'personal' AND c.tenant_id = $1 AND lower(c.user_aad_object_id) = lower($2)
        AND c.installed AND c.stale_at IS NULL
      ORDER BY c.updated_at DESC LIMIT 1`,
    [tenantId, aadObjectId],
  );
  return rows[0];
}

/**
 * A team conversation in the tenant to create a 1:1 chat from (its serviceUrl and bot id):
 * preferably the team of a network the person belongs to.
 */
export async function findTeamTargetFor(
  db: Queryable,
  tenantId: string,
  aadObjectId: string,
): Promise<Pick<SendTarget, 'serviceUrl' | 'botId' | 'channelId' | 'teamId'> | undefined> {
  const { rows } = await db.query<Pick<SendTarget, 'serviceUrl' | 'botId' | 'channelId' | 'teamId'>>(
    `SELECT c.service_url AS "serviceUrl", c.bot_id AS "botId", c.channel_id AS "channelId", c.team_id AS "teamId"
       FROM conversation_ref c
      WHERE c.tenant_id = $1 AND c.team_id IS NOT NULL AND c.installed AND c.stale_at IS NULL
      ORDER BY EXISTS (SELECT 1 FROM network n JOIN network_member nm ON nm.network_id = n.id
                         JOIN member m ON m.id = nm.member_id
                        WHERE n.teams_team_id = c.team_id AND m.tenant_id = $1 AND m.aad_object_id = lower($2)) DESC,
               c.updated_at DESC
      LIMIT 1`,
    [tenantId, aadObjectId],
  );
  return rows[0];
}

export interface MemberTarget {
  memberId: string | null;
  unreachableAt: Date | null;
  /** Their usable 1:1 chat, if there is one. */
  target: SendTarget | undefined;
}

/**
 * In one round trip, for one person or a whole batch: whether each is a member and unreachable,
 * and their usable 1:1 chat. What sendToMember needs before it can send. Keyed by lower-case id.
 */
export async function findMemberTargets(db: Queryable, tenantId: string, aadObjectIds: string[]): Promise<Map<string, MemberTarget>> {
  const { rows } = await db.query<SendTarget & { aad: string; personMemberId: string | null; personUnreachableAt: Date | null; found: boolean }>(
    `SELECT q.aad, p.id AS "personMemberId", p.unreachable_at AS "personUnreachableAt", c.conversation_id IS NOT NULL AS found,
            ${targetColumns}
       FROM (SELECT DISTINCT $1::text AS tenant_id, lower(a) AS aad FROM unnest($2::text[]) AS a) q
       LEFT JOIN member p ON p.tenant_id = q.tenant_id AND p.aad_object_id = q.aad
       LEFT JOIN LATERAL (
         SELECT * FROM conversation_ref c
          WHERE c.conversation_type = 'personal' AND c.tenant_id = q.tenant_id AND lower(c.user_aad_object_id) = q.aad
            AND c.installed AND c.stale_at IS NULL
          ORDER BY c.updated_at DESC LIMIT 1) c ON true
       LEFT JOIN member m ON m.id = p.id`,
    [tenantId, aadObjectIds],
  );
  return new Map(
    rows.map(({ aad, personMemberId, personUnreachableAt, found, ...target }) => [
      aad,
      { memberId: personMemberId, unreachableAt: personUnreachableAt, target: found ? (target as SendTarget) : undefined },
    ]),
  );
}

export async function findMemberTarget(db: Queryable, tenantId: string, aadObjectId: string): Promise<MemberTarget> {
  return (await findMemberTargets(db, tenantId, [aadObjectId])).get(aadObjectId.toLowerCase()) ?? { memberId: null, unreachableAt: null, target: undefined };
}

/** 403 MessageWritesBlocked in a personal chat: the person is skipped from now on. */
export async function markUnreachable(db: Queryable, conversationId: string, reason: string): Promise<void> {
  await db.query(`UPDATE conversation_ref SET unreachable_at = now() WHERE conversation_id = $1`, [conversationId]);
  await db.query(
    `UPDATE member m SET unreachable_at = now(), unreachable_reason = $2
       FROM conversation_ref c
      WHERE c.conversation_id = $1 AND c.conversation_type = 'personal'
        AND m.tenant_id = c.tenant_id AND m.aad_object_id = lower(c.user_aad_object_id)`,
    [conversationId, reason],
  );
}

/** 404 ConversationNotFound: the stored reference no longer works. */
export async function markStale(db: Queryable, conversationId: string): Promise<void> {
  await db.query(`UPDATE conversation_ref SET stale_at = now() WHERE conversation_id = $1`, [conversationId]);
}

/** The person is back (wrote to the bot, reinstalled it, asked for reminders again). */
export async function markMemberReachable(db: Queryable, tenantId: string, aadObjectId: string): Promise<void> {
  await db.query(
    `UPDATE member SET unreachable_at = NULL, unreachable_reason = NULL
      WHERE tenant_id = $1 AND aad_object_id = lower($2) AND unreachable_at IS NOT NULL`,
    [tenantId, aadObjectId],
  );
}

export interface SendRecord {
  conversationId: string | null;
  memberId: string | null;
  purpose: string;
  outcome: 'sent' | 'unreachable' | 'stale' | 'failed' | 'skipped';
  statusCode: number | null;
  reason: string | null;
  attempts: number;
  activityId: string | null;
}

export async function recordSend(db: Queryable, r: SendRecord): Promise<void> {
  await db.query(
    `INSERT INTO proactive_send (conversation_id, member_id, purpose, outcome, status_code, reason, attempts, activity_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.conversationId, r.memberId, r.purpose, r.outcome, r.statusCode, r.reason, r.attempts, r.activityId],
  );
}

export async function pruneSendLog(db: Queryable, olderThan: Date): Promise<number> {
  const res = await db.query(`DELETE FROM proactive_send WHERE at < $1`, [olderThan.toISOString()]);
  return res.rowCount;
}
