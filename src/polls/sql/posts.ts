import type { Queryable } from '../../platform/db/port.js';
import type { Locale } from '../../platform/i18n/locale.js';

export type PostAudience = 'ukjent' | 'liten' | 'stor';

export interface PollPost {
  pollId: string;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  activityId: string | null;
  audience: PostAudience;
  refreshUserIds: string[] | null;
  /** The language the card is written in (of whoever posted it); null: bokmål, from before it was kept. */
  locale: Locale | null;
}

const postColumns = `poll_id AS "pollId", conversation_id AS "conversationId", conversation_type AS "conversationType",
  activity_id AS "activityId", audience, refresh_user_ids AS "refreshUserIds", locale`;

/** Records where a card went (or will go, activityId null). A repost into the same conversation replaces it. */
export async function savePost(db: Queryable, p: PollPost): Promise<void> {
  await db.query(
    `INSERT INTO poll_post (poll_id, conversation_id, conversation_type, activity_id, audience, refresh_user_ids, locale, posted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (poll_id, conversation_id) DO UPDATE
       SET activity_id = COALESCE(EXCLUDED.activity_id, poll_post.activity_id),
           audience = CASE WHEN EXCLUDED.audience = 'ukjent' THEN poll_post.audience ELSE EXCLUDED.audience END,
           refresh_user_ids = COALESCE(EXCLUDED.refresh_user_ids, poll_post.refresh_user_ids),
           locale = COALESCE(EXCLUDED.locale, poll_post.locale),
           posted_at = COALESCE(EXCLUDED.posted_at, poll_post.posted_at), card_as_of = NULL`,
    [p.pollId, p.conversationId, p.conversationType, p.activityId, p.audience, p.refreshUserIds, p.locale],
  );
}

export async function postsOf(db: Queryable, pollId: string): Promise<PollPost[]> {
  const { rows } = await db.query<PollPost>(`SELECT ${postColumns} FROM poll_post WHERE poll_id = $1 ORDER BY posted_at NULLS LAST`, [pollId]);
  return rows;
}

export async function findPost(db: Queryable, pollId: string, conversationId: string): Promise<PollPost | undefined> {
  const { rows } = await db.query<PollPost>(`SELECT ${postColumns} FROM poll_post WHERE poll_id = $1 AND conversation_id = $2`, [
    pollId,
    conversationId,
  ]);
  return rows[0];
}

export async function setPostAudience(
  db: Queryable,
  pollId: string,
  conversationId: string,
  audience: Exclude<PostAudience, 'ukjent'>,
  userIds: string[] | null,
): Promise<void> {
  await db.query(
    `UPDATE poll_post SET audience = $3, refresh_user_ids = $4, card_as_of = NULL WHERE poll_id = $1 AND conversation_id = $2`,
    [pollId, conversationId, audience, userIds],
  );
}

/**
 * Claims the right to show the tally of `asOf` on this card. False when a card built from a
 * newer (or the same) tally was claimed already, by this instance or another one.
 */
export async function claimCardVersion(db: Queryable, pollId: string, conversationId: string, asOf: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE poll_post SET card_as_of = $3
      WHERE poll_id = $1 AND conversation_id = $2 AND activity_id IS NOT NULL
        AND (card_as_of IS NULL OR card_as_of < $3)
      RETURNING poll_id`,
    [pollId, conversationId, asOf.toISOString()],
  );
  return res.rowCount > 0;
}

export interface ChannelTarget {
  conversationId: string;
  /** Teams' General channel has the team's id as its conversation id. */
  isGeneral: boolean;
  name: string | null;
}

/**
 * Channels of the network's team where the bot is installed: where the tab can post a card.
 * Only channel roots (no «;messageid=»): a post there starts a new thread, as a poll should.
 */
export async function channelTargets(db: Queryable, teamId: string | null): Promise<ChannelTarget[]> {
  if (!teamId) return [];
  const { rows } = await db.query<{ conversation_id: string; name: string | null }>(
    `SELECT conversation_id, reference #>> '{conversation,name}' AS name FROM conversation_ref
      WHERE team_id = $1 AND conversation_type = 'channel' AND installed AND position(';messageid=' IN conversation_id) = 0
      ORDER BY conversation_id = $1 DESC, created_at`,
    [teamId],
  );
  return rows.map((r) => ({ conversationId: r.conversation_id, isGeneral: r.conversation_id === teamId, name: r.name }));
}

// ── Card updates that must survive a stop (migration 007) ──

/** A vote made the poll's shared cards stale: remembered until an update went through. */
export async function markCardsPending(db: Queryable, pollId: string): Promise<void> {
  await db.query(
    `UPDATE poll_post SET card_pending = true
      WHERE poll_id = $1 AND activity_id IS NOT NULL AND conversation_type <> 'personal' AND NOT card_pending`,
    [pollId],
  );
}

/** The card now shows the tally of `asOf`; a newer claim (still on its way) keeps the mark. */
export async function cardUpdated(db: Queryable, pollId: string, conversationId: string, asOf: Date): Promise<void> {
  await db.query(`UPDATE poll_post SET card_pending = false WHERE poll_id = $1 AND conversation_id = $2 AND card_as_of = $3`, [
    pollId,
    conversationId,
    asOf.toISOString(),
  ]);
}

/** Polls with a shared card still waiting for its update (the start re-runs them). */
export async function pollsWithPendingCards(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ poll_id: string }>(`SELECT DISTINCT poll_id FROM poll_post WHERE card_pending`);
  return rows.map((r) => r.poll_id);
}
