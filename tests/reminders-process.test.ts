import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db/port.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { REMINDER_QUEUE, reminderJobId } from '../src/reminders/engine.js';
import { postgresUrl, skipKind, uniqueSchema } from './helpers/databases.js';
import { FakeConnector, TEAMS_LIMITS } from './helpers/fake-connector.js';
import { as, ingrid, kari, ola } from './helpers/people.js';
import { jobsOf, startJobNow } from './helpers/jobs.js';
import { addPersonalConversation, addRecipients, demoNetworkId, personalConversationId } from './helpers/recipients.js';
import { expectServerBuilt, startServer as startMain, type RunningServer } from './helpers/server-process.js';
import { waitFor } from './helpers/wait.js';

/**
 * The real server process (node dist/src/main.js) on the test Postgres: killed with SIGKILL in
 * the middle of a fan-out and started again, and two of them on one database. Every recipient
 * must get every reminder exactly once, as the fake Bot Connector counts it.
 */
const aisha = { aadObjectId: '00000000-0000-4000-8000-000000000005' };
const demoPeople = [ingrid, kari, ola, aisha];
const skip = skipKind('postgres');

type Server = RunningServer;

function startServer(schema: string): Promise<Server> {
  return startMain({
    LOG_LEVEL: 'warn',
    DATABASE_URL: postgresUrl(),
    DB_SCHEMA: schema,
    PGBOSS_SCHEMA: `${schema}_boss`,
    JOB_POLL_SECONDS: '0.5',
    REMINDER_IDLE_MS: '100',
    REMINDER_LEASE_SECONDS: '2',
    PROACTIVE_RETRY_BASE_MS: '50',
  });
}

async function post(server: Server, path: string, body: unknown) {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...as(ingrid) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe.skipIf(skip)('reminders in real server processes on one Postgres', () => {
  let fake: FakeConnector;
  const servers: Server[] = [];
  const dbs: Database[] = [];

  beforeAll(() => {
    expectServerBuilt();
  });
  // A connector per test: the demo people have the same 1:1 chats in both.
  beforeEach(async () => {
    fake = await new FakeConnector({ limits: TEAMS_LIMITS }).start();
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      await s.stop();
    }
    for (const db of dbs.splice(0)) await db.close();
    await fake.stop();
  });

  async function prepare(schema: string, recipients: number, tag: string) {
    const db = await openPostgres({ connectionString: postgresUrl(), schema });
    dbs.push(db);
    const networkId = await demoNetworkId(db);
    const people = await addRecipients(db, networkId, recipients, fake.url, tag);
    for (const p of demoPeople) await addPersonalConversation(db, p.aadObjectId, fake.url);
    const conversations = [...people, ...demoPeople.map((p) => p.aadObjectId)].map(personalConversationId);
    const items = (await db.query<{ id: string; title: string }>(`SELECT id, title FROM plan_item WHERE network_id = $1 ORDER BY starts_at`, [networkId])).rows;
    return { db, networkId, conversations, items };
  }

  const statusOf = async (db: Database, reminderId: string) =>
    (await db.query<{ status: string }>(`SELECT status FROM reminder WHERE id = $1`, [reminderId])).rows[0]?.status;

  it('SIGKILL in the middle of a fan-out of 304: after a restart every recipient has it exactly once', async () => {
    const schema = uniqueSchema('krasj');
    const first = await startServer(schema);
    servers.push(first);
    const { db, networkId, conversations, items } = await prepare(schema, 300, 'krasj');
    const deliveredBefore = fake.delivered().length;

    // After 100 deliveries the connector stops answering (and holds whatever still arrives):
    // once it has gone quiet, the server is killed with sends on the wire.
    let held = false;
    fake.holdAfter(deliveredBefore + 100, () => (held = true));
    const sent = await post(first, `/api/networks/${networkId}/plan/${items[0]!.id}/reminders/send`, {});
    expect(sent.status).toBe(201);
    const reminderId = sent.json.reminderId as string;
    await waitFor(() => held, { what: 'a hundred deliveries', timeoutMs: 60_000, detail: () => `${fake.delivered().length - deliveredBefore} delivered` });
    await fake.waitForQuiet(500);
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = fake.delivered().length - deliveredBefore;
    expect(atKill).toBeGreaterThan(100);
    expect(atKill).toBeLessThan(conversations.length);
    expect(await statusOf(db, reminderId)).toBe('sender');
    fake.releaseHeld();

    const second = await startServer(schema);
    servers.push(second);
    await waitFor(async () => (await statusOf(db, reminderId)) === 'ferdig', {
      what: 'the reminder to be ferdig after the restart',
      timeoutMs: 60_000,
      detail: async () => `status ${await statusOf(db, reminderId)}`,
    });

    for (const conversation of conversations) expect(fake.delivered(conversation), conversation).toHaveLength(1);
    expect(fake.duplicates()).toBe(0);
    const { rows } = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM reminder_delivery WHERE reminder_id = $1 GROUP BY status ORDER BY status`,
      [reminderId],
    );
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    // The ones on the wire at the kill reached Teams; they are «usikker», never sent again.
    expect((counts.sendt ?? 0) + (counts.usikker ?? 0)).toBe(conversations.length);
    expect(counts.usikker ?? 0).toBe(atKill - 100);
    expect(second.output()).not.toMatch(/"level":(50|60)/);
  });

  it('two server processes on one database: each reminder reaches each person exactly once', async () => {
    const schema = uniqueSchema('to');
    const [a, b] = await Promise.all([startServer(schema), startServer(schema)]);
    servers.push(a!, b!);
    const { db, networkId, conversations, items } = await prepare(schema, 150, 'to');
    const deliveredBefore = fake.delivered().length;

    // No quiet hours, so the scheduled reminder below goes whenever the test runs.
    const settings = await fetch(`${a!.url}/api/networks/${networkId}/reminder-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...as(ingrid) },
      body: JSON.stringify({ quietHours: { from: '00:00', to: '00:00', weekends: false } }),
    });
    expect(settings.status).toBe(200);
    // A new samling two hours from now: its «an hour before» is planned an hour ahead.
    const startsAt = new Date(Date.now() + 2 * 3_600_000);
    const created = await post(b!, `/api/networks/${networkId}/plan`, {
      kind: 'samling',
      title: 'Ekstra samling',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      format: 'digital',
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/ekstra',
    });
    expect(created.status).toBe(201);
    const planned = (
      await db.query<{ id: string; version: number; send_at: Date }>(
        `SELECT id, version, send_at FROM reminder WHERE subject_id = $1 AND rule_key = 'm60' AND status = 'planlagt'`,
        [created.json.item.id],
      )
    ).rows[0]!;
    const scheduled = planned.id;
    // Its pg-boss job waits for that moment; the test lets the hour pass for pg-boss (the
    // processes' clocks cannot be moved), and either server may pick the job up.
    const jobId = reminderJobId(planned.id, planned.version);
    const job = await waitFor(async () => (await jobsOf(db, `${schema}_boss`, REMINDER_QUEUE)).find((j) => j.id === jobId), {
      what: 'the pg-boss job of the scheduled reminder',
    });
    expect(job.state).toBe('created');
    expect(job.startAfter.getTime()).toBe(new Date(planned.send_at).getTime());
    await startJobNow(db, `${schema}_boss`, REMINDER_QUEUE, jobId);
    // And two reminders asked for at once, one through each server.
    const viaA = await post(a!, `/api/networks/${networkId}/plan/${items[0]!.id}/reminders/send`, {});
    const viaB = await post(b!, `/api/networks/${networkId}/plan/${items[1]!.id}/reminders/send`, {});
    const reminders = [scheduled, viaA.json.reminderId as string, viaB.json.reminderId as string];

    const statuses = () => Promise.all(reminders.map((id) => statusOf(db, id)));
    await waitFor(async () => (await statuses()).every((s) => s === 'ferdig'), {
      what: 'all three reminders to be ferdig',
      timeoutMs: 60_000,
      detail: async () => `statuses ${(await statuses()).join(', ')}`,
    });
    expect(fake.delivered().length - deliveredBefore).toBe(conversations.length * 3);
    for (const conversation of conversations) expect(fake.delivered(conversation), conversation).toHaveLength(3);
    expect(fake.duplicates()).toBe(0);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminder_delivery WHERE reminder_id = ANY($1::uuid[]) AND status = 'sendt'`,
      [reminders],
    );
    expect(rows[0]!.n).toBe(conversations.length * 3);
    // Both servers stayed up and healthy throughout.
    for (const s of [a!, b!]) expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});
