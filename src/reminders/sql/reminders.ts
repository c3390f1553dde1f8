import {
  DEFAULT_QUIET_HOURS,
  type QuietHours,
  type ReminderKind,
  type ReminderRule,
} from '../domain/reminders.js';
import type { Queryable } from '../../platform/db/port.js';

// ─────────────────────────────────────── Settings ───────────────────────────────────────

export interface ReminderSettings {
  /** Rules per kind that this network set; kinds not named use the defaults. */
  rules: Partial<Record<ReminderKind, ReminderRule[]>>;
  quiet: QuietHours;
}

const clock = (t: unknown) => String(t).slice(0, 5);

export async function reminderSettings(db: Queryable, networkId: string): Promise<ReminderSettings> {
  const { rows } = await db.query<{
    rules: ReminderSettings['rules'];
    quiet_from: string;
    quiet_to: string;
    quiet_weekends: boolean;
    quiet_holidays: boolean;
    quiet_christmas_week: boolean;
  }>(
    `SELECT rules, quiet_from, quiet_to, quiet_weekends, quiet_holidays, quiet_christmas_week FROM reminder_settings WHERE network_id = $1`,
    [networkId],
  );
  const row = rows[0];
  if (!row) return { rules: {}, quiet: DEFAULT_QUIET_HOURS };
  return {
    rules: row.rules ?? {},
    quiet: {
      from: clock(row.quiet_from),
      to: clock(row.quiet_to),
      weekends: row.quiet_weekends,
      holidays: row.quiet_holidays,
      christmasWeek: row.quiet_christmas_week,
    },
  };
}

/**
 * Quiet hours that leave `holidays` or `christmasWeek` out get them as `weekends` says: a client
 * that only knows the nightly period and weekends («Stille i helgene») means søn- og helligdager
 * alike, and one that wants reminders at weekends gets them on holidays too.
 */
export async function saveReminderSettings(db: Queryable, networkId: string, s: ReminderSettings): Promise<void> {
  await db.query(
    `INSERT INTO reminder_settings (network_id, rules, quiet_from, quiet_to, quiet_weekends, quiet_holidays, quiet_christmas_week)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (network_id) DO UPDATE
       SET rules = EXCLUDED.rules, quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to,
           quiet_weekends = EXCLUDED.quiet_weekends, quiet_holidays = EXCLUDED.quiet_holidays,
           quiet_christmas_week = EXCLUDED.quiet_christmas_week, updated_at = now()`,
    [
      networkId,
      JSON.stringify(s.rules),
      s.quiet.from,
      s.quiet.to,
      s.quiet.weekends,
      s.quiet.holidays ?? s.quiet.weekends,
      s.quiet.christmasWeek ?? s.quiet.weekends,
    ],
  );
}

export async function subjectRules(db: Queryable, kind: ReminderKind, subjectId: string): Promise<ReminderRule[] | undefined> {
  const { rows } = await db.query<{ rules: ReminderRule[] }>(
    `SELECT rules FROM reminder_subject_rules WHERE kind = $1 AND subject_id = $2`,
    [kind, subjectId],
  );
  return rows[0]?.rules;
}

/** `null` goes back to the network's rules. */
export async function setSubjectRules(db: Queryable, kind: ReminderKind, subjectId: string, rules: ReminderRule[] | null): Promise<void> {
  if (rules === null) {
    await db.query(`DELETE FROM reminder_subject_rules WHERE kind = $1 AND subject_id = $2`, [kind, subjectId]);
    return;
  }
  await db.query(
    `INSERT INTO reminder_subject_rules (kind, subject_id, rules) VALUES ($1, $2, $3)
     ON CONFLICT (kind, subject_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()`,
    [kind, subjectId, JSON.stringify(rules)],
  );
}

// ─────────────────────────────────────── Reminders ───────────────────────────────────────

/** Serialises changes to one subject's reminders across instances, for the transaction. */
export async function lockSubjectReminders(db: Queryable, kind: ReminderKind, subjectId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('samlingspunkt.reminder.' || $1 || '.' || $2))`, [kind, subjectId]);
}

export type ReminderStatus = 'planlagt' | 'sender' | 'ferdig' | 'avlyst' | 'hoppet-over';

export interface ReminderRow {
  id: string;
  networkId: string;
  kind: ReminderKind;
  subjectId: string;
  ruleKey: string;
  dueAt: Date;
  sendAt: Date;
  status: ReminderStatus;
  statusReason: string | null;
  version: number;
  jobVersion: number | null;
}

const reminderColumns = `
  id, network_id AS "networkId", kind, subject_id AS "subjectId", rule_key AS "ruleKey", due_at AS "dueAt",
  send_at AS "sendAt", status, status_reason AS "statusReason", version, job_version AS "jobVersion"`;

const asReminder = (r: ReminderRow): ReminderRow => ({ ...r, dueAt: new Date(r.dueAt), sendAt: new Date(r.sendAt) });

export async function remindersOfSubject(db: Queryable, kind: ReminderKind, subjectId: string): Promise<ReminderRow[]> {
  const { rows } = await db.query<ReminderRow>(
    `SELECT ${reminderColumns} FROM reminder WHERE kind = $1 AND subject_id = $2 ORDER BY send_at, rule_key`,
    [kind, subjectId],
  );
  return rows.map(asReminder);
}

export async function findReminder(db: Queryable, id: string, lock = false): Promise<ReminderRow | undefined> {
  const { rows } = await db.query<ReminderRow>(
    `SELECT ${reminderColumns} FROM reminder WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] && asReminder(rows[0]);
}

export interface NewReminder {
  networkId: string;
  kind: ReminderKind;
  subjectId: string;
  ruleKey: string;
  dueAt: Date;
  sendAt: Date;
  status?: 'planlagt' | 'hoppet-over';
  statusReason?: string | null;
  createdBy?: string | null;
}

/** Inserts unless this occurrence (rule and time) exists already; returns the new id, if any. */
export async function insertReminder(db: Queryable, r: NewReminder): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reminder (network_id, kind, subject_id, rule_key, due_at, send_at, status, status_reason, created_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
      WHERE NOT EXISTS (SELECT 1 FROM reminder WHERE kind = $2 AND subject_id = $3 AND rule_key = $4
                          AND (due_at = $5 OR status = 'planlagt'))
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      r.networkId,
      r.kind,
      r.subjectId,
      r.ruleKey,
      r.dueAt.toISOString(),
      r.sendAt.toISOString(),
      r.status ?? 'planlagt',
      r.statusReason ?? null,
      r.createdBy ?? null,
    ],
  );
  return rows[0]?.id;
}

/**
 * A pending reminder follows its subject to a new time (new version: the old pg-boss job
 * will find it changed and do nothing). If this rule already fired for that very time, the
 * pending one is cancelled instead: nobody gets the same reminder twice.
 */
export async function moveReminder(db: Queryable, id: string, dueAt: Date, sendAt: Date): Promise<'flyttet' | 'avlyst'> {
  const { rows } = await db.query<{ moved: boolean }>(
    `WITH target AS (SELECT * FROM reminder WHERE id = $1 AND status = 'planlagt'),
          clash AS (SELECT 1 FROM reminder r, target t
                     WHERE r.kind = t.kind AND r.subject_id = t.subject_id AND r.rule_key = t.rule_key
                       AND r.due_at = $2 AND r.id <> t.id)
     UPDATE reminder SET
       due_at = CASE WHEN EXISTS (SELECT 1 FROM clash) THEN reminder.due_at ELSE $2 END,
       send_at = CASE WHEN EXISTS (SELECT 1 FROM clash) THEN reminder.send_at ELSE $3 END,
       status = CASE WHEN EXISTS (SELECT 1 FROM clash) THEN 'avlyst' ELSE 'planlagt' END,
       status_reason = CASE WHEN EXISTS (SELECT 1 FROM clash) THEN 'allerede sendt for dette tidspunktet' ELSE NULL END,
       version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'planlagt'
     RETURNING status = 'planlagt' AS moved`,
    [id, dueAt.toISOString(), sendAt.toISOString()],
  );
  return rows[0]?.moved ? 'flyttet' : 'avlyst';
}

export async function cancelReminder(db: Queryable, id: string, status: 'avlyst' | 'hoppet-over', reason: string): Promise<boolean> {
  const res = await db.query(
    `UPDATE reminder SET status = $2, status_reason = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'planlagt'`,
    [id, status, reason],
  );
  return res.rowCount > 0;
}

export async function cancelSubjectReminders(db: Queryable, kind: ReminderKind, subjectId: string, reason: string): Promise<number> {
  const res = await db.query(
    `UPDATE reminder SET status = 'avlyst', status_reason = $3, version = version + 1, updated_at = now()
      WHERE kind = $1 AND subject_id = $2 AND status = 'planlagt'`,
    [kind, subjectId, reason],
  );
  return res.rowCount;
}

/** A facilitator's «send now» (or in N minutes): replaces a pending manual one for the subject. */
export async function upsertManualReminder(
  db: Queryable,
  r: { networkId: string; kind: ReminderKind; subjectId: string; sendAt: Date; createdBy: string | null },
): Promise<string> {
  const pending = await db.query<{ id: string }>(
    `UPDATE reminder SET due_at = $3, send_at = $3, version = version + 1, updated_at = now(), created_by = $4
      WHERE kind = $1 AND subject_id = $2 AND rule_key = 'manuell' AND status = 'planlagt'
     RETURNING id`,
    [r.kind, r.subjectId, r.sendAt.toISOString(), r.createdBy],
  );
  if (pending.rows[0]) return pending.rows[0].id;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reminder (network_id, kind, subject_id, rule_key, due_at, send_at, created_by)
     VALUES ($1, $2, $3, 'manuell', $4, $4, $5) RETURNING id`,
    [r.networkId, r.kind, r.subjectId, r.sendAt.toISOString(), r.createdBy],
  );
  return rows[0]!.id;
}

// ─────────────────────────────────── pg-boss bookkeeping ───────────────────────────────────

/** Pending reminders whose current version has no pg-boss job yet. */
export async function remindersNeedingJobs(db: Queryable, limit: number): Promise<Pick<ReminderRow, 'id' | 'version' | 'sendAt' | 'jobVersion'>[]> {
  const { rows } = await db.query<Pick<ReminderRow, 'id' | 'version' | 'sendAt' | 'jobVersion'>>(
    `SELECT id, version, send_at AS "sendAt", job_version AS "jobVersion" FROM reminder
      WHERE status = 'planlagt' AND job_version IS DISTINCT FROM version
      ORDER BY send_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, sendAt: new Date(r.sendAt) }));
}

/** Reminders no longer pending whose job still waits: the job can be cancelled. */
export async function remindersWithObsoleteJobs(db: Queryable, limit: number): Promise<{ id: string; jobVersion: number }[]> {
  const { rows } = await db.query<{ id: string; jobVersion: number }>(
    `SELECT id, job_version AS "jobVersion" FROM reminder
      WHERE status IN ('avlyst', 'hoppet-over') AND job_version IS NOT NULL LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function setJobVersion(db: Queryable, id: string, jobVersion: number | null, ifVersion?: number): Promise<void> {
  await db.query(
    `UPDATE reminder SET job_version = $2 WHERE id = $1 AND ($3::int IS NULL OR version = $3)`,
    [id, jobVersion, ifVersion ?? null],
  );
}

// ─────────────────────────────────────── Fan-out ───────────────────────────────────────

/**
 * Freezes who gets a reminder: one delivery row per recipient, in the same transaction that
 * moves the reminder to «sender». People who stopped reminders, opted out of this subject or
 * are unreachable get a row too, already settled, so the report names them.
 */
export async function startFanOut(db: Queryable, reminder: ReminderRow, memberIds: string[]): Promise<number> {
  const res = await db.query(
    `INSERT INTO reminder_delivery (reminder_id, member_id, status, reason)
     SELECT $1, m.id,
            CASE WHEN m.reminders_stopped_at IS NOT NULL OR o.member_id IS NOT NULL THEN 'avmeldt'
                 WHEN m.unreachable_at IS NOT NULL THEN 'utilgjengelig'
                 ELSE 'venter' END,
            CASE WHEN m.reminders_stopped_at IS NOT NULL THEN 'har skrevet «stopp påminnelser»'
                 WHEN o.member_id IS NOT NULL THEN 'vil ikke ha påminnelser om dette'
                 WHEN m.unreachable_at IS NOT NULL THEN COALESCE(m.unreachable_reason, 'har blokkert appen')
                 END
       FROM member m
       LEFT JOIN reminder_opt_out o ON o.member_id = m.id AND o.kind = $2 AND o.subject_id = $3
      WHERE m.id = ANY($4::uuid[])
     ON CONFLICT (reminder_id, member_id) DO NOTHING`,
    [reminder.id, reminder.kind, reminder.subjectId, memberIds],
  );
  await db.query(
    `UPDATE reminder SET status = 'sender', started_at = now(), updated_at = now() WHERE id = $1`,
    [reminder.id],
  );
  return res.rowCount;
}

export async function setReminderStatus(db: Queryable, id: string, status: ReminderStatus, reason: string | null): Promise<void> {
  await db.query(
    `UPDATE reminder SET status = $2, status_reason = $3, updated_at = now(),
            finished_at = CASE WHEN $2 IN ('ferdig', 'avlyst', 'hoppet-over') THEN now() ELSE finished_at END
      WHERE id = $1`,
    [id, status, reason],
  );
}

/** Reminders whose every delivery is settled become «ferdig». */
export async function finishReminders(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE reminder r SET status = 'ferdig', finished_at = now(), updated_at = now()
      WHERE r.status = 'sender'
        AND NOT EXISTS (SELECT 1 FROM reminder_delivery d
                         WHERE d.reminder_id = r.id AND d.status IN ('venter', 'i-ko', 'sender'))
     RETURNING r.id`,
  );
  return rows.map((r) => r.id);
}

// ─────────────────────────────────────── The pump ───────────────────────────────────────

/**
 * Takes or keeps the pump lease. A new owner settles what a gone owner left: rows it had only
 * queued go back to «venter»; rows it had put on the wire become «usikker» and are not sent
 * again (the message may have reached Teams).
 */
export async function acquirePump(db: Queryable, owner: string, leaseMs: number): Promise<boolean> {
  const { rows } = await db.query<{ previous: string | null }>(
    `WITH old AS (SELECT owner FROM reminder_pump WHERE id = 1 FOR UPDATE)
     UPDATE reminder_pump SET owner = $1, lease_until = now() + $2 * interval '1 millisecond'
      WHERE id = 1 AND (owner IS NULL OR owner = $1 OR lease_until < now())
     RETURNING (SELECT owner FROM old) AS previous`,
    [owner, leaseMs],
  );
  const row = rows[0];
  if (!row) return false;
  if (row.previous !== owner) {
    await db.query(
      `UPDATE reminder_delivery SET status = 'venter', owner = NULL, updated_at = now()
        WHERE status = 'i-ko' AND owner IS DISTINCT FROM $1`,
      [owner],
    );
    await db.query(
      `UPDATE reminder_delivery
          SET status = 'usikker', updated_at = now(),
              reason = 'avbrutt mens meldingen ble sendt – sendes ikke på nytt, for ikke å sende den to ganger'
        WHERE status = 'sender' AND owner IS DISTINCT FROM $1`,
      [owner],
    );
  }
  return true;
}

export async function releasePump(db: Queryable, owner: string): Promise<void> {
  await db.query(`UPDATE reminder_pump SET owner = NULL, lease_until = NULL WHERE id = 1 AND owner = $1`, [owner]);
  await db.query(`UPDATE reminder_delivery SET status = 'venter', owner = NULL WHERE status = 'i-ko' AND owner = $1`, [owner]);
}

export interface QueuedDelivery {
  reminderId: string;
  memberId: string;
  kind: ReminderKind;
  subjectId: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  attempts: number;
}

/** Moves up to `limit` due deliveries into this owner's queue (venter → i-ko). */
export async function queueDeliveries(db: Queryable, owner: string, limit: number): Promise<QueuedDelivery[]> {
  const { rows } = await db.query<QueuedDelivery>(
    `WITH picked AS (
       SELECT d.reminder_id, d.member_id FROM reminder_delivery d JOIN reminder r ON r.id = d.reminder_id
        WHERE d.status = 'venter' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now())
        ORDER BY r.send_at, d.reminder_id, d.member_id
        LIMIT $2
        FOR UPDATE OF d SKIP LOCKED)
     UPDATE reminder_delivery d SET status = 'i-ko', owner = $1, updated_at = now()
       FROM picked p, reminder r, member m
      WHERE d.reminder_id = p.reminder_id AND d.member_id = p.member_id AND r.id = d.reminder_id AND m.id = d.member_id
     RETURNING d.reminder_id AS "reminderId", d.member_id AS "memberId", r.kind, r.subject_id AS "subjectId",
               m.tenant_id AS "tenantId", m.aad_object_id AS "aadObjectId", m.display_name AS "displayName", d.attempts`,
    [owner, limit],
  );
  return rows;
}

/** The moment before the request goes out: i-ko → sender. False if someone else has it. */
export async function claimDelivery(db: Queryable, d: { reminderId: string; memberId: string }, owner: string): Promise<boolean> {
  const res = await db.query(
    `UPDATE reminder_delivery SET status = 'sender', claimed_at = now(), attempts = attempts + 1, updated_at = now()
      WHERE reminder_id = $1 AND member_id = $2 AND status = 'i-ko' AND owner = $3`,
    [d.reminderId, d.memberId, owner],
  );
  return res.rowCount > 0;
}

export type DeliveryResult =
  | { status: 'sendt'; conversationId: string; activityId: string }
  | { status: 'feilet' | 'utilgjengelig' | 'avmeldt'; reason: string; statusCode: number | null }
  | { status: 'venter'; reason: string; statusCode: number | null; retryInMs: number };

export async function settleDelivery(
  db: Queryable,
  d: { reminderId: string; memberId: string },
  owner: string,
  result: DeliveryResult,
  throttled: boolean,
): Promise<void> {
  await db.query(
    `UPDATE reminder_delivery SET
       status = $4,
       owner = CASE WHEN $4 = 'venter' THEN NULL ELSE owner END,
       reason = $5, last_status_code = $6, conversation_id = COALESCE($7, conversation_id), activity_id = $8,
       next_attempt_at = CASE WHEN $4 = 'venter' THEN now() + $9 * interval '1 millisecond' ELSE NULL END,
       sent_at = CASE WHEN $4 = 'sendt' THEN now() ELSE sent_at END,
       throttled = throttled + CASE WHEN $10 THEN 1 ELSE 0 END,
       updated_at = now()
      WHERE reminder_id = $1 AND member_id = $2 AND owner = $3 AND status IN ('i-ko', 'sender', 'usikker')`,
    [
      d.reminderId,
      d.memberId,
      owner,
      result.status,
      result.status === 'sendt' ? null : result.reason,
      result.status === 'sendt' ? 200 : result.statusCode,
      result.status === 'sendt' ? result.conversationId : null,
      result.status === 'sendt' ? result.activityId : null,
      result.status === 'venter' ? result.retryInMs : 0,
      throttled,
    ],
  );
}

/** When the next retry is due (the pump sleeps until then at most). */
export async function nextRetryAt(db: Queryable): Promise<Date | undefined> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(next_attempt_at) AS at FROM reminder_delivery WHERE status = 'venter' AND next_attempt_at IS NOT NULL`,
  );
  return rows[0]?.at ? new Date(rows[0].at) : undefined;
}

// ─────────────────────────────────────── Opt-outs ───────────────────────────────────────

export async function setRemindersStopped(db: Queryable, memberId: string, stopped: boolean): Promise<boolean> {
  const res = await db.query(
    stopped
      ? `UPDATE member SET reminders_stopped_at = now() WHERE id = $1 AND reminders_stopped_at IS NULL`
      : `UPDATE member SET reminders_stopped_at = NULL WHERE id = $1 AND reminders_stopped_at IS NOT NULL`,
    [memberId],
  );
  return res.rowCount > 0;
}

export async function setOptOut(db: Queryable, memberId: string, kind: ReminderKind, subjectId: string, optedOut: boolean): Promise<void> {
  await db.query(
    optedOut
      ? `INSERT INTO reminder_opt_out (member_id, kind, subject_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`
      : `DELETE FROM reminder_opt_out WHERE member_id = $1 AND kind = $2 AND subject_id = $3`,
    [memberId, kind, subjectId],
  );
}

// ─────────────────────────────────────── Report ───────────────────────────────────────

export type DeliveryStatus = 'venter' | 'i-ko' | 'sender' | 'sendt' | 'feilet' | 'utilgjengelig' | 'avmeldt' | 'usikker';

export interface ReportDelivery {
  memberId: string;
  name: string;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  sentAt: Date | null;
}

export interface ReportReminder extends ReminderRow {
  startedAt: Date | null;
  finishedAt: Date | null;
  deliveries: ReportDelivery[];
}

/**
 * The network's reminders for the delivery report: the next `upcoming` still planned and the
 * latest `recent` that went out (or were skipped), each with every recipient by name and status.
 */
export async function reminderReport(db: Queryable, networkId: string, opts: { upcoming: number; recent: number }): Promise<ReportReminder[]> {
  const { rows } = await db.query<ReportReminder>(
    `WITH chosen AS (
       (SELECT id FROM reminder WHERE network_id = $1 AND status = 'planlagt' ORDER BY send_at ASC LIMIT $2)
       UNION ALL
       (SELECT id FROM reminder WHERE network_id = $1 AND status <> 'planlagt'
         ORDER BY COALESCE(started_at, updated_at) DESC, send_at DESC LIMIT $3))
     SELECT ${reminderColumns}, started_at AS "startedAt", finished_at AS "finishedAt",
            COALESCE((SELECT json_agg(json_build_object('memberId', d.member_id, 'name', m.display_name, 'status', d.status,
                                                        'reason', d.reason, 'attempts', d.attempts, 'sentAt', d.sent_at)
                                      ORDER BY m.display_name)
                        FROM reminder_delivery d JOIN member m ON m.id = d.member_id
                       WHERE d.reminder_id = reminder.id), '[]'::json) AS deliveries
       FROM reminder JOIN chosen USING (id)
      ORDER BY CASE WHEN status = 'planlagt' THEN 1 ELSE 0 END,
               CASE WHEN status = 'planlagt' THEN send_at END ASC,
               COALESCE(started_at, updated_at) DESC, send_at DESC`,
    [networkId, opts.upcoming, opts.recent],
  );
  return rows.map((r) => ({
    ...asReminder(r),
    startedAt: r.startedAt ? new Date(r.startedAt) : null,
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
    deliveries: r.deliveries.map((d) => ({ ...d, sentAt: d.sentAt ? new Date(d.sentAt) : null })),
  }));
}

// ─────────────────────────────────────── Privacy ───────────────────────────────────────

/** A person's reminder data for «eksporter mine data»: choices and what was sent to them. */
export async function exportReminders(db: Queryable, memberId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{ data: Record<string, unknown> }>(
    `SELECT json_build_object(
       'påminnelser', json_build_object(
         'stoppetAlle', (SELECT reminders_stopped_at FROM member WHERE id = $1),
         'ikkeNåbarSiden', (SELECT unreachable_at FROM member WHERE id = $1),
         'avmeldtFor', COALESCE((SELECT json_agg(json_build_object('type', o.kind, 'sak', o.subject_id, 'når', o.created_at)
                                                 ORDER BY o.created_at)
                                   FROM reminder_opt_out o WHERE o.member_id = $1), '[]'::json),
         'mottatt', COALESCE((SELECT json_agg(json_build_object('type', r.kind, 'sak', r.subject_id, 'planlagt', r.send_at,
                                                               'status', d.status, 'sendt', d.sent_at) ORDER BY r.send_at)
                                FROM reminder_delivery d JOIN reminder r ON r.id = d.reminder_id WHERE d.member_id = $1), '[]'::json))
     ) AS data`,
    [memberId],
  );
  return rows[0]?.data ?? {};
}
