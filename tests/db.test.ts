import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataDirLockedError } from '../src/platform/db/lock.js';
import { loadMigrations, migrate } from '../src/platform/db/migrate.js';
import { openPglite } from '../src/platform/db/pglite.js';
import type { Database } from '../src/platform/db/port.js';
import { seedDemo } from '../src/demo/seed.js';
import { findNetworkBySlug, networksOfPerson } from '../src/network/sql/networks.js';
import { planForNetwork } from '../src/plan/sql/plan.js';
import { countMunicipalities, reformCatalogue, upsertReferenceData } from '../src/reference/sql/reference.js';
import { DEMO_NETWORK_SLUG, DEMO_TENANT_ID, demoMembers } from '../src/demo/demo.js';
import { createLogger } from '../src/platform/logging.js';
import { startScheduler } from '../src/platform/jobs/scheduler.js';
import { databaseKinds, openSameSchema, openTestDatabase, skipKind } from './helpers/databases.js';

const silent = createLogger('silent');

async function counts(db: Database): Promise<Record<string, number>> {
  const { rows } = await db.query<{ t: string; n: number }>(
    `SELECT 'network' AS t, count(*)::int AS n FROM network UNION ALL
     SELECT 'plan_item', count(*)::int FROM plan_item UNION ALL
     SELECT 'member', count(*)::int FROM member UNION ALL
     SELECT 'network_member', count(*)::int FROM network_member UNION ALL
     SELECT 'municipality', count(*)::int FROM municipality UNION ALL
     SELECT 'solution', count(*)::int FROM solution`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe.each(databaseKinds)('database on %s', (kind) => {
  const opened: Database[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  });
  const open = async () => {
    const t = await openTestDatabase(kind);
    opened.push(t.db);
    return t;
  };

  it.skipIf(skipKind(kind))('migrates once; a second run applies nothing', async () => {
    const { db } = await open();
    const first = await migrate(db);
    expect(first).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it.skipIf(skipKind(kind))('loads all 357 municipalities and the 5×5 reform catalogue, idempotently', async () => {
    const { db } = await open();
    await migrate(db);
    await upsertReferenceData(db);
    await upsertReferenceData(db);
    expect(await countMunicipalities(db)).toBe(357);
    const catalogue = await reformCatalogue(db, 'leve-hele-livet');
    expect(catalogue).toHaveLength(25);
    expect(new Set(catalogue.map((c) => c.focusAreaName))).toEqual(
      new Set(['Et aldersvennlig Norge', 'Aktivitet og fellesskap', 'Mat og måltider', 'Helsehjelp', 'Sammenheng i tjenestene']),
    );
    const { rows } = await db.query<{ name: string; county_name: string }>(
      `SELECT name, county_name FROM municipality WHERE number = '5001'`,
    );
    expect(rows[0]).toEqual({ name: 'Trondheim - Tråante', county_name: 'Trøndelag - Trööndelage' });
  });

  it.skipIf(skipKind(kind))('seeds the demo network once; a second run changes nothing', async () => {
    const { db } = await open();
    await migrate(db);
    await upsertReferenceData(db);
    const now = new Date('2026-11-27T08:00:00Z');
    expect(await seedDemo(db, now)).toBe('created');
    const before = await counts(db);
    expect(await seedDemo(db, new Date('2027-03-01T08:00:00Z'))).toBe('exists');
    expect(await counts(db)).toEqual(before);
    // The main demo (6 items, the Playground's 5 people) and the two other demo networks (issue 12;
    // Bo trygt hjemme also has the samling held two weeks before the plan starts, issue 13).
    expect(before).toMatchObject({ network: 3, plan_item: 12, member: 10, network_member: 8 });

    const network = await findNetworkBySlug(db, DEMO_NETWORK_SLUG);
    expect(network?.bodies.sort()).toEqual(['KS', 'SF', 'USHT']);
    const plan = await planForNetwork(db, network!.id);
    expect(plan.map((p) => p.title)[0]).toBe('Samling 1 – Oppstartseminar');
    // Samling 1 on the first Tuesday ≥ 4 days ahead whose plan keeps clear of public holidays and
    // the Christmas week: from 27 Nov 2026 that is Tue 5 Jan 2027 (a December start would put
    // Samling 3 on 29 Dec), 10:00 Oslo = 09:00 UTC.
    expect(plan[0]!.startsAt.toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(plan.every((p) => p.startsAt > now)).toBe(true);
  });

  it.skipIf(skipKind(kind))('finds a person’s networks, including a koordinator’s through the region', async () => {
    const { db } = await open();
    await migrate(db);
    await upsertReferenceData(db);
    await seedDemo(db);
    const koordinator = demoMembers.find((m) => m.role === 'koordinator')!;
    const deltaker = demoMembers.find((m) => m.role === 'deltaker')!;
    // Both Oslo og Viken networks, not Vestland's (issue 12: isolation between regions).
    expect((await networksOfPerson(db, DEMO_TENANT_ID, koordinator.aadObjectId)).map((n) => n.slug)).toEqual([DEMO_NETWORK_SLUG, 'viken-bo-trygt-hjemme']);
    expect((await networksOfPerson(db, DEMO_TENANT_ID, deltaker.aadObjectId)).map((n) => n.slug)).toEqual([DEMO_NETWORK_SLUG]);
    expect(await networksOfPerson(db, 'another-tenant', deltaker.aadObjectId)).toEqual([]);
  });

  it.skipIf(skipKind(kind))('rolls back a failed transaction completely and stays usable', async () => {
    const { db } = await open();
    await migrate(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO region (slug, name) VALUES ('ny-region', 'Ny region')`);
        await tx.query(`INSERT INTO region (slug, name) VALUES ('UGYLDIG SLUG', 'x')`);
      }),
    ).rejects.toThrow();
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
    expect(rows[0]!.n).toBe(0);
    await expect(db.exec(`INSERT INTO region (slug, name) VALUES ('a-b', 'x'); SELECT 1/0;`)).rejects.toThrow();
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region')).rows[0]!.n).toBeLessThanOrEqual(1);
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
  });

  it.skipIf(skipKind(kind))('runs pg-boss jobs on the same database', async () => {
    const { db, schedulerSchema } = await open();
    await migrate(db);
    const boss = await startScheduler(db, silent, { schema: schedulerSchema });
    try {
      await boss.createQueue('test-queue');
      const received = new Promise<unknown>((resolve) => {
        void boss.work('test-queue', { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job?.data));
      });
      await boss.send('test-queue', { hei: 'på deg' });
      expect(await received).toEqual({ hei: 'på deg' });
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 });
    }
  });
});

describe('migrations on one Postgres server', () => {
  it.skipIf(skipKind('postgres'))('two instances starting at once both succeed, and migrate once', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    const other = await openSameSchema(schema!);
    try {
      const [a, b] = await Promise.all([migrate(db), migrate(other)]);
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(loadMigrations().map((m) => m.version));
      const [s1, s2] = await Promise.all([
        upsertReferenceData(db).then(() => seedDemo(db)),
        upsertReferenceData(other).then(() => seedDemo(other)),
      ]);
      expect([s1, s2].sort()).toEqual(['created', 'exists']);
    } finally {
      await other.close();
      await db.close();
    }
  });
});

describe('prepared statements on a Postgres server', () => {
  it.skipIf(skipKind('postgres'))('reuses a repeated statement, and survives another instance altering its table', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    // Another instance's migration: its own connection, the same schema.
    const other = await openSameSchema(schema!);
    try {
      await db.exec(`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text)`);
      await db.query(`INSERT INTO prepared_probe VALUES ($1, $2)`, [1, 'en']);
      const read = () => db.query<Record<string, unknown>>(`SELECT * FROM prepared_probe WHERE id = $1`, [1]);
      expect((await read()).rows).toEqual([{ id: 1, label: 'en' }]);
      expect((await read()).rows).toEqual([{ id: 1, label: 'en' }]);
      const named = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%FROM prepared_probe WHERE id%'`);
      // One after another, the pool hands out the same connection: the read is prepared on it.
      expect(named.rows[0]!.n).toBe(1);
      await other.exec(`ALTER TABLE prepared_probe ADD COLUMN note text DEFAULT 'ny'`);
      // A prepared SELECT * now returns another row type: the server refuses it (0A000), and the app asks again.
      for (let i = 0; i < 12; i++) expect((await read()).rows).toEqual([{ id: 1, label: 'en', note: 'ny' }]);
    } finally {
      await other.close();
      await db.close();
    }
  });
});

describe('transactions on a Postgres server', () => {
  it.skipIf(skipKind('postgres'))('run the statements a caller starts together one after another on their connection', async () => {
    const { db } = await openTestDatabase('postgres');
    // Statements in flight per connection, counted at pg's own Client.query.
    const inFlight = new WeakMap<object, number>();
    let most = 0;
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const run = () => (query as (...a: unknown[]) => unknown).apply(this, args);
      // The pool's own one-statement calls (with a callback) cannot overlap; a transaction's can.
      if (typeof args.at(-1) === 'function') return run();
      const now = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, now);
      most = Math.max(most, now);
      const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
      const result = run() as Promise<unknown>;
      result.then(done, done);
      return result;
    } as never);
    try {
      const values = await db.transaction((tx) =>
        Promise.all([1, 2, 3, 4].map((n) => tx.query<{ n: number }>(`SELECT $1::int AS n, pg_sleep(0.01)`, [n]).then((r) => r.rows[0]!.n))),
      );
      expect(values).toEqual([1, 2, 3, 4]);
      expect(spy).toHaveBeenCalled();
      expect(most).toBe(1);
      // A failed statement still rolls the whole transaction back, whatever was queued behind it.
      await db.exec(`CREATE TABLE tx_probe (id int PRIMARY KEY)`);
      await expect(
        db.transaction((tx) => Promise.all([tx.query(`INSERT INTO tx_probe VALUES (1)`), tx.query(`INSERT INTO tx_probe VALUES (1)`), tx.query(`INSERT INTO tx_probe VALUES (2)`)])),
      ).rejects.toThrow();
      expect((await db.query(`SELECT * FROM tx_probe`)).rows).toEqual([]);
    } finally {
      spy.mockRestore();
      await db.close();
    }
  });
});

describe('PGlite data directory lock', () => {
  it('refuses a second opener of the same directory with a clear message, and frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samlingspunkt-lock-'));
    try {
      const first = await openPglite(dir);
      await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(/allerede i bruk/);
      await first.close();
      const again = await openPglite(dir);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
