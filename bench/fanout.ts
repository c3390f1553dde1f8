/**
 * `npm run bench -- fanout`: one reminder to 2,000 people through a fake Bot Connector that
 * enforces Teams' limits (50 requests/s per app, 7/s and 60/30 s per conversation, 429 +
 * Retry-After beyond them). The server runs as its own process (node dist/src/main.js), on
 * PGlite and on PostgreSQL when Debian's binaries are there. Baseline in the same run: the same
 * 2,000 sends done naively with botbuilder's defaults (its built-in retry policy included),
 * sequentially and all at once, against the same connector.
 */
import { TurnContext } from 'botbuilder';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_USER_HEADER } from '../src/shared/api/caller.js';
import { createCloudAdapter } from '../src/platform/teams/adapter.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openPglite } from '../src/platform/db/pglite.js';
import type { Database } from '../src/platform/db/port.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { seedDemo } from '../src/demo/seed.js';
import { upsertReferenceData } from '../src/reference/sql/reference.js';
import { demoMembers } from '../src/demo/demo.js';
import { createLogger } from '../src/platform/logging.js';
import { projectRoot } from '../src/platform/paths.js';
import { FakeConnector, TEAMS_LIMITS } from '../tests/helpers/fake-connector.js';
import { freePort } from '../tests/helpers/ports.js';
import { waitFor } from '../tests/helpers/wait.js';
import startPostgres from '../tests/helpers/postgres-global-setup.js';
import { addPersonalConversation, addRecipients, demoNetworkId, personalConversationId, TEST_BOT_ID } from '../tests/helpers/recipients.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

// Overridable for quick looks (FANOUT_RECIPIENTS=500 FANOUT_ONLY=pglite); the table in the README uses the defaults.
const RECIPIENTS = Number(process.env.FANOUT_RECIPIENTS ?? 2_000);
const ONLY = process.env.FANOUT_ONLY ?? '';
const CEILING = 50;
const mainJs = join(projectRoot, 'dist', 'src', 'main.js');
const networkMembers = demoMembers.filter((m) => m.role !== 'koordinator');

const procKiB = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

interface Row {
  run: string;
  ceiling: number;
  rate: number;
  throttled: number;
  duplicates: number;
  lost: number;
  seconds: number;
  peakRssMiB: number | null;
  idleRssMiB: number | null;
}

/** 2,000 network members with a 1:1 chat at the connector: the 4 demo members and 1,996 more. */
async function prepare(db: Database, connectorUrl: string): Promise<{ networkId: string; itemId: string; conversations: string[] }> {
  await migrate(db);
  await upsertReferenceData(db);
  await seedDemo(db);
  const networkId = await demoNetworkId(db);
  const bulk = await addRecipients(db, networkId, RECIPIENTS - networkMembers.length, connectorUrl, 'bench');
  for (const m of networkMembers) await addPersonalConversation(db, m.aadObjectId, connectorUrl);
  const itemId = (await db.query<{ id: string }>(`SELECT id FROM plan_item WHERE network_id = $1 ORDER BY starts_at LIMIT 1`, [networkId])).rows[0]!.id;
  return { networkId, itemId, conversations: [...bulk, ...networkMembers.map((m) => m.aadObjectId)].map(personalConversationId) };
}

function measure(fake: FakeConnector, conversations: string[], startedAt: number) {
  const delivered = fake.delivered();
  const reached = new Set(delivered.map((c) => c.conversationId));
  const first = delivered[0]?.at ?? startedAt;
  const last = delivered.at(-1)?.at ?? startedAt;
  return {
    rate: delivered.length > 1 ? (delivered.length - 1) / ((last - first) / 1_000) : 0,
    throttled: fake.throttled,
    duplicates: fake.duplicates(),
    lost: conversations.filter((c) => !reached.has(c)).length,
    seconds: (last - startedAt) / 1_000,
  };
}

async function serverRun(name: string, env: Record<string, string>, fake: FakeConnector, target: { networkId: string; itemId: string; conversations: string[] }): Promise<Row> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, mainJs], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PROACTIVE_RATE_PER_SECOND: String(CEILING),
      JOB_POLL_SECONDS: '0.5',
      REMINDER_IDLE_MS: '100',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`${name}: serveren avsluttet (${child.exitCode}) før den svarte`);
        return fetch(`${url}/healthz`).then((r) => r.ok, () => false);
      },
      { what: `${name}: ${url}/healthz to answer 200`, timeoutMs: 120_000, intervalMs: 50 },
    );
    // A measurement, not a wait for something: the idle resident set once start-up has settled.
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = procKiB(child.pid!, 'VmRSS');
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, procKiB(child.pid!, 'VmRSS'))), 100);
    const startedAt = performance.now();
    const res = await fetch(`${url}/api/networks/${target.networkId}/plan/${target.itemId}/reminders/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: networkMembers[0]!.aadObjectId },
      body: '{}',
    });
    if (res.status !== 201) throw new Error(`${name}: bestilling feilet (${res.status}): ${await res.text()}`);
    // Done when everyone has it and the connector has been quiet for a while (retries included).
    // (The quiet window is what shows that no late retry or duplicate is still coming.)
    const reached = () => new Set(fake.delivered().map((c) => c.conversationId)).size;
    await waitFor(() => reached() >= target.conversations.length && performance.now() - (fake.calls.at(-1)?.at ?? startedAt) > 1_500, {
      what: `${name}: all ${target.conversations.length} reached and the connector quiet for 1.5 s`,
      timeoutMs: 600_000,
      intervalMs: 100,
      detail: () => `${reached()} reached`,
    }).catch((err: unknown) => console.warn((err as Error).message));
    clearInterval(sampler);
    peak = Math.max(peak, procKiB(child.pid!, 'VmHWM'));
    return { run: name, ceiling: CEILING, ...measure(fake, target.conversations, startedAt), peakRssMiB: peak / 1024, idleRssMiB: idle / 1024 };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** What code without the sender does: continueConversationAsync per person, botbuilder defaults. */
async function naive(name: string, fake: FakeConnector, conversations: string[], parallel: boolean): Promise<Row> {
  const adapter = createCloudAdapter(undefined, createLogger('silent'));
  adapter.onTurnError = async () => undefined;
  const send = async (conversationId: string) => {
    let failed = false;
    const reference = {
      channelId: 'msteams',
      serviceUrl: fake.url,
      conversation: { id: conversationId, conversationType: 'personal' },
      bot: { id: TEST_BOT_ID },
      user: { id: `29:${conversationId}` },
    };
    await adapter.continueConversationAsync('', reference as never, async (turn: TurnContext) => {
      try {
        await turn.sendActivity({ type: 'message', text: `Påminnelse (naiv) til ${conversationId}` });
      } catch {
        failed = true;
      }
    });
    return !failed;
  };
  const startedAt = performance.now();
  if (parallel) await Promise.all(conversations.map(send));
  else for (const c of conversations) await send(c);
  return { run: name, ceiling: CEILING, ...measure(fake, conversations, startedAt), peakRssMiB: null, idleRssMiB: null };
}

async function freshConnector(): Promise<FakeConnector> {
  return new FakeConnector({ limits: TEAMS_LIMITS }).start();
}

export async function fanout(): Promise<void> {
  if (!existsSync(mainJs)) throw new Error('dist/src/main.js mangler: kjør «npm run build» først');
  const rows: Row[] = [];

  // PGlite: prepare the data directory here, then hand it to the server process.
  if (!ONLY || ONLY === 'pglite') {
    const fake = await freshConnector();
    const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-fanout-'));
    try {
      const db = await openPglite(dataDir);
      const target = await prepare(db, fake.url);
      await db.close();
      rows.push(await serverRun('Samlingspunkt, PGlite (server process)', { DATA_DIR: dataDir }, fake, target));
    } finally {
      await fake.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  // PostgreSQL 15: a throwaway server, as the tests start it.
  if (!ONLY || ONLY === 'postgres') {
    let pgUrl = '';
    let stopPostgres: (() => Promise<void>) | undefined;
    try {
      stopPostgres = await startPostgres({ provide: (_key: string, value: string) => (pgUrl = value) } as never);
    } catch (error) {
      console.warn(`PostgreSQL kunne ikke startes (${(error as Error).message}); hopper over Postgres-kjøringen.`);
    }
    if (pgUrl) {
      const fake = await freshConnector();
      try {
        const db = await openPostgres({ connectionString: pgUrl, schema: 'fanout' });
        const target = await prepare(db, fake.url);
        await db.close();
        rows.push(
          await serverRun('Samlingspunkt, PostgreSQL 15 (server process)', { DATABASE_URL: pgUrl, DB_SCHEMA: 'fanout', PGBOSS_SCHEMA: 'fanout_boss' }, fake, target),
        );
      } finally {
        await fake.stop();
      }
    } else if (!stopPostgres) {
      console.warn('PostgreSQL-binærene mangler (apt-get install -y postgresql): Postgres-kjøringen hoppes over.');
    }
    await stopPostgres?.();
  }

  const conversations = Array.from({ length: RECIPIENTS }, (_, i) => `a:naiv-${String(i).padStart(5, '0')}`);
  for (const [name, parallel] of (ONLY && ONLY !== 'baseline' ? [] : [
    ['baseline: naive sequential continueConversationAsync (botbuilder defaults)', false],
    ['baseline: naive Promise.all continueConversationAsync (botbuilder defaults)', true],
  ] as const)) {
    const fake = await freshConnector();
    try {
      rows.push(await naive(name, fake, conversations, parallel));
    } finally {
      await fake.stop();
    }
  }

  const ours = rows.find((r) => !r.run.startsWith('baseline'));
  console.log(`\nfanout: ${RECIPIENTS} recipients, one reminder each, fake Bot Connector enforcing Teams' limits`);
  console.log('| run | ceiling (req/s) | achieved (msg/s) | share of ceiling | 429s received | duplicates | lost | last delivery (s) | RSS before (MiB) | peak RSS (MiB) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.run} | ${r.ceiling} | ${r.rate.toFixed(1)} | ${((100 * r.rate) / r.ceiling).toFixed(1)} % | ${r.throttled} | ${r.duplicates} | ${r.lost} | ${r.seconds.toFixed(1)} | ${r.idleRssMiB === null ? '–' : r.idleRssMiB.toFixed(1)} | ${r.peakRssMiB === null ? '–' : r.peakRssMiB.toFixed(1)} |`,
    );
  }
  if (ours) {
    console.log('\nratios against the baselines (same run):');
    for (const b of rows.filter((r) => r.run.startsWith('baseline'))) {
      console.log(
        `- vs ${b.run.replace('baseline: ', '')}: 429s ${ours.throttled} vs ${b.throttled}, lost ${ours.lost} vs ${b.lost}, ` +
          `rate × ${(ours.rate / Math.max(b.rate, 0.001)).toFixed(2)}`,
      );
    }
  }
}
