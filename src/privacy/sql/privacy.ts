import type { Queryable } from '../../platform/db/port.js';
import { purgeNetworkPolls } from '../../polls/sql/privacy.js';
import { purgeNetworkWork } from '../../mellomarbeid/sql/privacy.js';
import { forgetRosterPerson } from '../../network/sql/roster.js';
import { purgeNetworkAttendance } from '../../attendance/sql/privacy.js';
import { forgetParticipantEverywhere, purgeNetworkMeetings } from '../../meetings/sql/meetings.js';

/** Everything stored about one person, as data they can take with them. */
export async function exportPerson(db: Queryable, memberId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{ data: Record<string, unknown> }>(
    `SELECT json_build_object(
       'person', (SELECT json_build_object('tenantId', m.tenant_id, 'entraObjectId', m.aad_object_id,
                                           'navn', m.display_name, 'sektor', m.sector, 'opprettet', m.created_at)
                    FROM member m WHERE m.id = $1),
       'nettverk', COALESCE((SELECT json_agg(json_build_object('nettverk', n.name, 'rolle', nm.role,
                                                               'kommune', mu.name, 'lagtTil', nm.added_at))
                               FROM network_member nm JOIN network n ON n.id = nm.network_id
                               LEFT JOIN municipality mu ON mu.number = nm.municipality_number
                              WHERE nm.member_id = $1), '[]'::json),
       'koordinatorFor', COALESCE((SELECT json_agg(r.name) FROM region_coordinator rc JOIN region r ON r.id = rc.region_id
                                    WHERE rc.member_id = $1), '[]'::json),
       'samtaler', COALESCE((SELECT json_agg(json_build_object('type', c.conversation_type, 'opprettet', c.created_at))
                               FROM conversation_ref c JOIN member m ON m.aad_object_id = c.user_aad_object_id
                                AND m.tenant_id = c.tenant_id
                              WHERE m.id = $1), '[]'::json),
       'endringerDuHarGjort', COALESCE((SELECT json_agg(json_build_object('tid', a.at, 'handling', a.action,
                                                                          'gjelder', a.target) ORDER BY a.at)
                                          FROM audit_log a WHERE a.actor_member_id = $1), '[]'::json)
     ) AS data`,
    [memberId],
  );
  return rows[0]?.data ?? {};
}

/**
 * Removes a person's identity: their memberships, personal conversation, team rosters and name. Audit
 * entries stay (the change happened) but name «slettet bruker» instead of them.
 */
export async function deletePerson(db: Queryable, memberId: string): Promise<void> {
  await db.query(`UPDATE audit_log SET actor_name = 'slettet bruker' WHERE actor_member_id = $1`, [memberId]);
  await db.query(
    `DELETE FROM conversation_ref c USING member m
      WHERE m.id = $1 AND c.conversation_type = 'personal'
        AND c.user_aad_object_id = m.aad_object_id AND c.tenant_id = m.tenant_id`,
    [memberId],
  );
  const person = await db.query<{ tenant_id: string; aad_object_id: string }>(`SELECT tenant_id, aad_object_id FROM member WHERE id = $1`, [memberId]);
  if (person.rows[0]) {
    await forgetRosterPerson(db, person.rows[0].tenant_id, person.rows[0].aad_object_id);
    await forgetParticipantEverywhere(db, person.rows[0].aad_object_id);
  }
  await db.query(`DELETE FROM member WHERE id = $1`, [memberId]);
}

export interface RetentionSweep {
  archivedNetworkIds: string[];
  removedMemberships: number;
  removedPeople: number;
}

/**
 * Networks whose last plan item ended longer ago than their retention are archived and lose
 * their personal data; people left with no network and no coordinator role are removed.
 */
export async function sweepExpiredNetworks(db: Queryable, now: Date): Promise<RetentionSweep> {
  const expired = await db.query<{ id: string }>(
    `UPDATE network n SET archived_at = $1
      WHERE n.archived_at IS NULL
        AND (SELECT max(p.ends_at) FROM plan_item p WHERE p.network_id = n.id)
            < $1::timestamptz - make_interval(months => n.retention_months)
      RETURNING n.id`,
    [now.toISOString()],
  );
  const ids = expired.rows.map((r) => r.id);
  if (ids.length === 0) return { archivedNetworkIds: [], removedMemberships: 0, removedPeople: 0 };
  // Reflection answers, mellomarbeid and focus choices go with the network's personal data.
  await purgeNetworkWork(db, ids);
  await purgeNetworkPolls(db, ids);
  // Attendance names guests, who have no member row to cascade from; meetings name who was in them.
  await purgeNetworkAttendance(db, ids);
  await purgeNetworkMeetings(db, ids);
  const memberships = await db.query<{ member_id: string }>(
    `DELETE FROM network_member WHERE network_id = ANY($1::uuid[]) RETURNING member_id`,
    [ids],
  );
  await db.query(
    `UPDATE audit_log SET actor_name = 'slettet bruker', actor_member_id = NULL WHERE network_id = ANY($1::uuid[])`,
    [ids],
  );
  const people = await db.query(
    `DELETE FROM member m
      WHERE m.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM network_member nm WHERE nm.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM region_coordinator rc WHERE rc.member_id = m.id)`,
    [[...new Set(memberships.rows.map((r) => r.member_id))]],
  );
  return { archivedNetworkIds: ids, removedMemberships: memberships.rows.length, removedPeople: people.rowCount };
}
