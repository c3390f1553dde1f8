import { reminderCard } from './cards/reminder.js';
import type { Queryable } from '../platform/db/port.js';
import { describeLeadTime } from './domain/reminders.js';
import { OSLO } from '../shared/time.js';
import { DateTime } from 'luxon';
import type { ReminderKindDefinition, ReminderSubject } from './kinds.js';

/**
 * Deadline reminders for issue 5's tables (migration 005): reflection tasks and mellomarbeid.
 * Only those who still owe an answer are reminded; the engine removes opt-outs and the
 * unreachable. Poll close (issue 4) is not here: for anonymous polls «who has not answered»
 * needs the poll service's voter keys, so that resolver belongs with the polls code.
 */

const dueText = (d: Date) => DateTime.fromJSDate(d, { zone: OSLO }).setLocale('nb').toFormat("cccc d. LLLL 'kl.' HH.mm");

export interface ReflectionSubject extends ReminderSubject {
  answerMode: 'personlig' | 'kommune';
  firstPrompt: string | null;
}

/** Reflection due: deltakere without an answer (personal tasks), or of municipalities without one (group tasks). */
export const reflectionDueReminders: ReminderKindDefinition<ReflectionSubject> = {
  kind: 'reflection-due',
  label: 'refleksjonsoppgave',

  async load(db, subjectId) {
    const { rows } = await db.query<{ id: string; networkId: string; dueAt: Date; title: string; answerMode: 'personlig' | 'kommune'; firstPrompt: string | null }>(
      `SELECT t.id, t.network_id AS "networkId", t.due_at AS "dueAt", t.title, t.answer_mode AS "answerMode", t.prompts[1] AS "firstPrompt"
         FROM reflection_task t JOIN network n ON n.id = t.network_id
        WHERE t.id = $1 AND n.archived_at IS NULL`,
      [subjectId],
    );
    const r = rows[0];
    return r && { id: r.id, networkId: r.networkId, deadline: new Date(r.dueAt), title: r.title, answerMode: r.answerMode, firstPrompt: r.firstPrompt };
  },

  async upcoming(db: Queryable, now: Date, networkId?: string) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT t.id FROM reflection_task t JOIN network n ON n.id = t.network_id
        WHERE t.due_at > $1 AND n.archived_at IS NULL AND ($2::uuid IS NULL OR t.network_id = $2)`,
      [now.toISOString(), networkId ?? null],
    );
    return rows.map((r) => r.id);
  },

  async recipients(db, subject) {
    const { rows } = await db.query<{ id: string }>(
      subject.answerMode === 'kommune'
        ? `SELECT nm.member_id AS id FROM network_member nm
            WHERE nm.network_id = $1 AND nm.role = 'deltaker'
              AND NOT EXISTS (SELECT 1 FROM reflection_group_version v
                               WHERE v.task_id = $2 AND v.municipality_number = nm.municipality_number)`
        : `SELECT nm.member_id AS id FROM network_member nm
            WHERE nm.network_id = $1 AND nm.role = 'deltaker'
              AND NOT EXISTS (SELECT 1 FROM reflection_answer a WHERE a.task_id = $2 AND a.member_id = nm.member_id)
              AND NOT EXISTS (SELECT 1 FROM reflection_participation p WHERE p.task_id = $2 AND p.member_id = nm.member_id)`,
      [subject.networkId, subject.id],
    );
    return rows.map((r) => r.id);
  },

  card(subject, context) {
    return reminderCard({
      heading: `Påminnelse: refleksjonsoppgave, frist ${describeLeadTime(subject.deadline, context.sentAt)}`,
      title: subject.title,
      facts: [
        { title: 'Frist', value: dueText(subject.deadline) },
        { title: 'Svar', value: subject.answerMode === 'kommune' ? 'ett felles svar for kommunen' : 'ditt eget svar' },
      ],
      body: [subject.firstPrompt ? `«${subject.firstPrompt}»` : null, 'Du finner oppgaven i chatten med meg; skriv «mine refleksjoner» for å se svarene dine.']
        .filter(Boolean)
        .join('\n\n'),
      optOut: context.optOut,
    });
  },
};

/** Mellomarbeid due: deltakere of the municipalities whose status is not «levert» (or later). */
export const mellomarbeidDueReminders: ReminderKindDefinition = {
  kind: 'mellomarbeid-due',
  label: 'mellomarbeid',

  async load(db, subjectId) {
    const { rows } = await db.query<{ id: string; networkId: string; dueAt: Date; title: string }>(
      `SELECT a.id, a.network_id AS "networkId", a.due_at AS "dueAt", a.title
         FROM mellomarbeid_assignment a JOIN network n ON n.id = a.network_id
        WHERE a.id = $1 AND n.archived_at IS NULL`,
      [subjectId],
    );
    const r = rows[0];
    return r && { id: r.id, networkId: r.networkId, deadline: new Date(r.dueAt), title: r.title };
  },

  async upcoming(db: Queryable, now: Date, networkId?: string) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT a.id FROM mellomarbeid_assignment a JOIN network n ON n.id = a.network_id
        WHERE a.due_at > $1 AND n.archived_at IS NULL AND ($2::uuid IS NULL OR a.network_id = $2)`,
      [now.toISOString(), networkId ?? null],
    );
    return rows.map((r) => r.id);
  },

  async recipients(db, subject) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT nm.member_id AS id FROM network_member nm
         JOIN mellomarbeid_status s ON s.assignment_id = $2 AND s.municipality_number = nm.municipality_number
        WHERE nm.network_id = $1 AND nm.role = 'deltaker' AND s.status IN ('ikke-startet', 'pabegynt')`,
      [subject.networkId, subject.id],
    );
    return rows.map((r) => r.id);
  },

  card(subject, context) {
    return reminderCard({
      heading: `Påminnelse: mellomarbeid, frist ${describeLeadTime(subject.deadline, context.sentAt)}`,
      title: subject.title,
      facts: [
        { title: 'Frist', value: dueText(subject.deadline) },
        { title: 'Status', value: 'ikke levert ennå fra kommunen din' },
      ],
      body: 'Skriv «mellomarbeid» for å se oppgaven og levere for kommunen.',
      optOut: context.optOut,
    });
  },
};
