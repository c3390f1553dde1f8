import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext, ApiRoute } from '../src/shared/api/context.js';
import { reminderRoutes } from '../src/reminders/api/reminders.js';
import { startApp, type RunningApp } from '../src/app/app.js';
import type { Database, Queryable, Transaction } from '../src/platform/db/port.js';
import { loadActor } from '../src/identity/sql/actors.js';
import { DEMO_TENANT_ID } from '../src/demo/demo.js';
import { saveReminderSettings } from '../src/reminders/sql/reminders.js';
import { registeredReminderKinds } from '../src/reminders/kinds.js';
import { REMINDER_REPLAN_QUEUE, syncSubjectReminders } from '../src/reminders/engine.js';
import { databaseKinds, openTestDatabase, skipKind } from './helpers/databases.js';
import { FakeConnector } from './helpers/fake-connector.js';
import { jobsOf } from './helpers/jobs.js';
import { as, ingrid } from './helpers/people.js';
import { demoNetworkId } from './helpers/recipients.js';
import { waitFor } from './helpers/wait.js';

const NOW = new Date('2031-03-03T09:00:00Z');
const ITEMS = 60;
const QUIET = { from: '21:00', to: '07:00', weekends: false };

/** Statements issued while a counter is in the async context: only those of the call under test. */
const counting = new AsyncLocalStorage<{ statements: number }>();
const counted = () => {
  const store = counting.getStore();
  if (store) store.statements++;
};

function countingDatabase(db: Database): Database {
  const wrapTx = (tx: Transaction): Transaction => ({
    query: (text, params) => (counted(), tx.query(text, params)),
    exec: (script) => (counted(), tx.exec(script)),
  });
  return {
    kind: db.kind,
    query: (text, params) => (counted(), db.query(text, params)),
    exec: (script) => (counted(), db.exec(script)),
    transaction: (fn) => (counted(), db.transaction((tx) => fn(wrapTx(tx)))),
    close: () => db.close(),
  } as Database;
}

/** Plan items (samlinger) `count` days apart from tomorrow, with their reminders planned. */
async function addItems(db: Database, networkId: string, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const startsAt = new Date(NOW.getTime() + i * 86_400_000 + 3_600_000);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO plan_item (network_id, kind, title, starts_at, ends_at, format)
       VALUES ($1, 'samling', $2, $3, $4, 'digital') RETURNING id`,
      [networkId, `${tag} ${i}`, startsAt.toISOString(), new Date(startsAt.getTime() + 3_600_000).toISOString()],
    );
    ids.push(rows[0]!.id);
    await db.transaction((tx) => syncSubjectReminders(tx, 'plan-item', rows[0]!.id, NOW));
  }
  return ids;
}

/** Every reminder of a network, as a comparable snapshot. */
async function snapshot(db: Queryable, networkId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string; kind: string; rule_key: string; version: number; status: string; send_at: Date }>(
    `SELECT id, kind, rule_key, version, status, send_at FROM reminder WHERE network_id = $1 ORDER BY id`,
    [networkId],
  );
  return rows.map((r) => `${r.id} ${r.kind} ${r.rule_key} v${r.version} ${r.status} ${new Date(r.send_at).toISOString()}`);
}

describe.each(databaseKinds)('re-planning after a change of reminder settings on %s', (kind) => {
  let app: RunningApp;
  let connector: FakeConnector;
  let networkA = '';
  let networkB = '';
  let itemsA: string[] = [];
  let jobSchema = '';

  const route = (method: ApiRoute['method'], suffix: string) => reminderRoutes.find((r) => r.method === method && r.path.endsWith(suffix))!;
  /** Runs a route handler the way the HTTP layer does, counting its statements. */
  async function handle(r: ApiRoute, params: Record<string, string>, body: unknown) {
    const actor = (await loadActor(app.db, DEMO_TENANT_ID, ingrid.aadObjectId))!;
    const ctx: ApiContext = {
      db: app.db,
      log: app.log,
      caller: { tenantId: DEMO_TENANT_ID, aadObjectId: ingrid.aadObjectId, via: 'dev' },
      actor,
      now: NOW,
      sender: app.sender,
    };
    const store = { statements: 0 };
    const result = await counting.run(store, () => r.handle(ctx, { params, query: {}, body }));
    return { result, statements: store.statements };
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    const { db, schedulerSchema } = await openTestDatabase(kind);
    jobSchema = schedulerSchema;
    connector = await new FakeConnector().start();
    app = await startApp({
      env: { APP_MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'true', JOB_POLL_SECONDS: '0.5', REMINDER_IDLE_MS: '100' },
      database: countingDatabase(db),
      schedulerSchema,
      now: () => NOW,
    });
    networkA = await demoNetworkId(app.db);
    networkB = (
      await app.db.query<{ id: string }>(
        `INSERT INTO network (slug, name, region_id, reform_code)
         SELECT 'annet-nettverk', 'Et annet nettverk', region_id, reform_code FROM network WHERE id = $1 RETURNING id`,
        [networkA],
      )
    ).rows[0]!.id;
    // Weekends are ordinary days here, so every item below gets all its reminders.
    for (const id of [networkA, networkB]) await saveReminderSettings(app.db, id, { rules: {}, quiet: QUIET });
    for (const definition of registeredReminderKinds()) {
      for (const id of await definition.upcoming(app.db, NOW, networkA)) await app.db.transaction((tx) => syncSubjectReminders(tx, definition.kind, id, NOW));
    }
    itemsA = await addItems(app.db, networkA, ITEMS, 'Samling A');
    await addItems(app.db, networkB, ITEMS, 'Samling B');
  }, 120_000);
  afterAll(async () => {
    // The PUTs above leave re-plan jobs behind: close once they have run, not in their middle.
    if (app) {
      const unfinished = async () => (await jobsOf(app.db, jobSchema, REMINDER_REPLAN_QUEUE)).filter((j) => !['completed', 'failed', 'cancelled'].includes(j.state));
      await waitFor(async () => (await unfinished()).length === 0, {
        what: 'the re-plan jobs to finish',
        timeoutMs: 30_000,
        detail: async () => (await unfinished()).map((j) => j.state).join(', '),
      });
    }
    await app?.close();
    await connector?.stop();
  });

  it.skipIf(skipKind(kind))('the PUT saves the settings and answers at once; a job re-plans that network only, and only the changed kind', async () => {
    const otherKindsBefore = (await snapshot(app.db, networkA)).filter((r) => !r.includes(' plan-item '));
    const networkBBefore = await snapshot(app.db, networkB);
    const planned = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminder WHERE subject_id = ANY($1::uuid[]) AND status = 'planlagt'`,
      [itemsA],
    );
    expect(planned.rows[0]!.n).toBeGreaterThan(ITEMS);
    await fetch(`${app.url}/healthz`); // warm
    const started = performance.now();
    const res = await fetch(`${app.url}/api/networks/${networkA}/reminder-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...as(ingrid) },
      body: JSON.stringify({ quietHours: QUIET, rules: { 'plan-item': [{ type: 'minutes-before', minutes: 30 }] } }),
    });
    const elapsedMs = performance.now() - started;
    const body = (await res.json()) as { replanning: boolean; rules: Record<string, { own: boolean }> };
    expect(res.status).toBe(200);
    expect(body.replanning).toBe(true);
    expect(body.rules['plan-item']!.own).toBe(true);
    console.info(`[${kind}] PUT reminder-settings (${ITEMS} items in the network): ${elapsedMs.toFixed(0)} ms`);

    // Every upcoming item of network A ends up with the new rule alone, and the server keeps
    // answering meanwhile.
    let slowestHealthMs = 0;
    await waitFor(
      async () => {
        const t0 = performance.now();
        expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - t0);
        const { rows } = await app.db.query<{ rules: string[] }>(
          `SELECT array_agg(r.rule_key ORDER BY r.rule_key) FILTER (WHERE r.status = 'planlagt') AS rules
             FROM plan_item p LEFT JOIN reminder r ON r.kind = 'plan-item' AND r.subject_id = p.id
            WHERE p.id = ANY($1::uuid[]) GROUP BY p.id`,
          [itemsA],
        );
        return rows.every((r) => JSON.stringify(r.rules) === '["m30"]');
      },
      { what: 'every upcoming item of network A re-planned with the rule m30 alone', timeoutMs: 30_000, intervalMs: 50 },
    );
    console.info(`[${kind}] slowest /healthz while re-planning: ${slowestHealthMs.toFixed(0)} ms`);
    expect(slowestHealthMs).toBeLessThan(2_000);
    const cancelled = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminder WHERE subject_id = ANY($1::uuid[]) AND status = 'avlyst' AND status_reason = 'regelen er fjernet'`,
      [itemsA],
    );
    expect(cancelled.rows[0]!.n).toBe(planned.rows[0]!.n); // «dagen før kl. 09.00» and «1 time før»
    expect(await snapshot(app.db, networkB)).toEqual(networkBBefore);
    expect((await snapshot(app.db, networkA)).filter((r) => !r.includes(' plan-item '))).toEqual(otherKindsBefore);
  });

  it.skipIf(skipKind(kind))('the settings PUT does a fixed number of statements, however many items the network has', async () => {
    const put = route('put', '/reminder-settings');
    const settings = (minutes: number) => ({ quietHours: QUIET, rules: { 'plan-item': [{ type: 'minutes-before', minutes }] } });
    const before = await handle(put, { networkId: networkA }, settings(45));
    expect(before.result.ok).toBe(true);
    expect((before.result as { value: { replanning: boolean } }).value.replanning).toBe(true);
    itemsA.push(...(await addItems(app.db, networkA, ITEMS, 'Samling A, flere')));
    const twice = await handle(put, { networkId: networkA }, settings(40));
    // Re-planning in the request took ≥ 5 statements per item (here 60, then 120 items).
    expect(before.statements).toBeLessThanOrEqual(12);
    expect(twice.statements).toBe(before.statements);
    // Nothing changed: no re-plan at all.
    const same = await handle(put, { networkId: networkA }, settings(40));
    expect((same.result as { value: { replanning: boolean } }).value.replanning).toBe(false);
  });

  it.skipIf(skipKind(kind))("an item's own rules are re-planned in the request, and only that item", async () => {
    const putItem = route('put', '/plan/:itemId/reminders');
    const first = await handle(putItem, { networkId: networkA, itemId: itemsA[0]! }, { rules: [{ type: 'minutes-before', minutes: 15 }] });
    const last = await handle(putItem, { networkId: networkA, itemId: itemsA[ITEMS - 1]! }, { rules: [{ type: 'minutes-before', minutes: 20 }] });
    expect(first.result.ok && last.result.ok).toBe(true);
    expect(first.statements).toBeLessThanOrEqual(30);
    expect(last.statements).toBeLessThanOrEqual(30);
    const pending = await app.db.query<{ rule_key: string }>(
      `SELECT rule_key FROM reminder WHERE subject_id = $1 AND status = 'planlagt'`,
      [itemsA[0]!],
    );
    expect(pending.rows.map((r) => r.rule_key)).toEqual(['m15']);
  });
});
