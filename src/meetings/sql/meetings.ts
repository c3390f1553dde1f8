import type { Queryable } from '../../platform/db/port.js';

export interface LinkedItem {
  planItemId: string;
  networkId: string;
  title: string;
  meetingUrl: string;
}

/** Plan items with a Teams link starting within a day of `at`: the candidates for a meeting's event. */
export async function itemsWithLinksAround(db: Queryable, at: Date): Promise<LinkedItem[]> {
  const { rows } = await db.query<LinkedItem>(
    `SELECT p.id AS "planItemId", p.network_id AS "networkId", p.title, p.meeting_url AS "meetingUrl"
       FROM plan_item p JOIN network n ON n.id = p.network_id
      WHERE p.meeting_url IS NOT NULL AND n.archived_at IS NULL
        AND p.starts_at BETWEEN $1::timestamptz - interval '1 day' AND $1::timestamptz + interval '1 day'
      ORDER BY abs(extract(epoch FROM p.starts_at - $1::timestamptz))`,
    [at.toISOString()],
  );
  return rows;
}

export interface KnownMeeting {
  meetingId: string;
  planItemId: string;
  networkId: string;
  chatId: string;
  startedAt: Date | null;
  endedAt: Date | null;
}

const meetingColumns = `meeting_id AS "meetingId", plan_item_id AS "planItemId", network_id AS "networkId",
  chat_id AS "chatId", started_at AS "startedAt", ended_at AS "endedAt"`;

export async function findMeeting(db: Queryable, meetingId: string): Promise<KnownMeeting | undefined> {
  const { rows } = await db.query<KnownMeeting>(`SELECT ${meetingColumns} FROM meeting WHERE meeting_id = $1`, [meetingId]);
  return rows[0];
}

/** The meeting as first seen; a repeated event (Teams retries) changes nothing but the times given. */
export async function rememberMeeting(
  db: Queryable,
  m: { meetingId: string; planItemId: string; networkId: string; chatId: string; startedAt?: Date | null; endedAt?: Date | null },
): Promise<KnownMeeting> {
  const { rows } = await db.query<KnownMeeting>(
    `INSERT INTO meeting (meeting_id, plan_item_id, network_id, chat_id, started_at, ended_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (meeting_id) DO UPDATE
       SET started_at = COALESCE(meeting.started_at, EXCLUDED.started_at),
           ended_at = COALESCE(EXCLUDED.ended_at, meeting.ended_at)
     RETURNING ${meetingColumns}`,
    [m.meetingId, m.planItemId, m.networkId, m.chatId, m.startedAt?.toISOString() ?? null, m.endedAt?.toISOString() ?? null],
  );
  return rows[0]!;
}

export interface Participant {
  aadObjectId: string;
  displayName: string | null;
}

/** Joined: a new stay starts (a rejoin keeps the minutes of the earlier ones). */
export async function participantsJoined(db: Queryable, meetingId: string, people: readonly Participant[], at: Date): Promise<void> {
  if (people.length === 0) return;
  await db.query(
    `INSERT INTO meeting_participant (meeting_id, aad_object_id, display_name, first_joined_at, joined_at)
     SELECT $1, p.id, p.name, $4, $4 FROM unnest($2::text[], $3::text[]) AS p(id, name)
     ON CONFLICT (meeting_id, aad_object_id) DO UPDATE
       SET display_name = COALESCE(EXCLUDED.display_name, meeting_participant.display_name),
           joined_at = COALESCE(meeting_participant.joined_at, EXCLUDED.joined_at)`,
    [meetingId, people.map((p) => p.aadObjectId.toLowerCase()), people.map((p) => p.displayName), at.toISOString()],
  );
}

/** Left: the stay's minutes are added up; a leave without a join seen first is ignored. */
export async function participantsLeft(db: Queryable, meetingId: string, aadObjectIds: readonly string[], at: Date): Promise<void> {
  if (aadObjectIds.length === 0) return;
  await db.query(
    `UPDATE meeting_participant
        SET earlier_minutes = earlier_minutes + GREATEST(0, floor(extract(epoch FROM $3::timestamptz - joined_at) / 60))::int,
            joined_at = NULL
      WHERE meeting_id = $1 AND aad_object_id = ANY($2::text[]) AND joined_at IS NOT NULL`,
    [meetingId, aadObjectIds.map((id) => id.toLowerCase()), at.toISOString()],
  );
}

export interface Stay {
  aadObjectId: string;
  minutes: number;
}

/** At the end: everyone who was there and for how long (those still in stay until `at`). */
export async function staysUntil(db: Queryable, meetingId: string, at: Date): Promise<Stay[]> {
  const { rows } = await db.query<Stay>(
    `SELECT aad_object_id AS "aadObjectId",
            earlier_minutes + COALESCE(GREATEST(0, floor(extract(epoch FROM $2::timestamptz - joined_at) / 60))::int, 0) AS minutes
       FROM meeting_participant WHERE meeting_id = $1 ORDER BY first_joined_at`,
    [meetingId, at.toISOString()],
  );
  return rows;
}

/** Once attendance is recorded, who was in the meeting is not kept (privacy: only what is needed). */
export async function forgetParticipants(db: Queryable, meetingId: string): Promise<void> {
  await db.query(`DELETE FROM meeting_participant WHERE meeting_id = $1`, [meetingId]);
}

/** «Slett mine data»: the person leaves every running meeting's list of participants. */
export async function forgetParticipantEverywhere(db: Queryable, aadObjectId: string): Promise<void> {
  await db.query(`DELETE FROM meeting_participant WHERE aad_object_id = $1`, [aadObjectId.toLowerCase()]);
}

/** Retention: a meeting that never sent its end still lets go of who was in it. */
export async function purgeNetworkMeetings(db: Queryable, networkIds: readonly string[]): Promise<void> {
  if (networkIds.length === 0) return;
  await db.query(
    `DELETE FROM meeting_participant mp USING meeting m WHERE m.meeting_id = mp.meeting_id AND m.network_id = ANY($1::uuid[])`,
    [networkIds],
  );
}
