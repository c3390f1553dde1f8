/**
 * `npm run bench -- votes [--voters=1000]`: N distinct voters press «Send svar» at the same
 * moment, against the real server over HTTP (dist/src/main.js as a child process), on PGlite
 * and on PostgreSQL. In the same run, a baseline: the same invokes against a bot built the way
 * the Bot Framework samples do it (ConversationState over MemoryStorage, read-modify-write,
 * updateActivity per vote). Prints a table with the ratios.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TEAM_ID, DEMO_TENANT_ID, demoData, demoMembers } from '../src/demo/demo.js';
import { projectRoot } from '../src/platform/paths.js';
import { freePort } from '../tests/helpers/ports.js';
import { waitFor } from '../tests/helpers/wait.js';
import { CountingConnector } from './votes-connector.js';
import { startThrowawayPostgres } from './votes-postgres.js';

const mainJs = join(projectRoot, 'dist', 'src', 'main.js');
const baselineJs = join(projectRoot, 'bench', 'votes-baseline.mjs');
const CARD_UPDATE_MS = 1000;
const OPTIONS = ['I stor grad', 'I noen grad', 'I liten grad', 'Vet ikke ennå'];

interface Row {
  name: string;
  voters: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  failed: number;
  lost: number;
  updates: number;
  peakRssMiB: number;
}

/** Peak resident set since the process started (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

async function startServer(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`serveren avsluttet (${child.exitCode}) før den svarte`);
      return fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    },
    { what: `${url}/healthz to answer 200`, timeoutMs: 120_000, intervalMs: 50 },
  );
  return { child, url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function activity(serviceUrl: string, conversationId: string, aadObjectId: string, extra: Record<string, unknown>) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId, conversationType: 'channel', tenantId: DEMO_TENANT_ID, isGroup: true },
    from: { id: `29:${aadObjectId}`, name: 'Deltaker', aadObjectId },
    recipient: { id: '28:samlingspunkt-bot', name: 'Samlingspunkt' },
    channelData: { tenant: { id: DEMO_TENANT_ID }, team: { id: DEMO_TEAM_ID }, channel: { id: conversationId } },
    ...extra,
  };
}

const invoke = (verb: string, data: Record<string, unknown>, replyToId: string) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  replyToId,
  value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** All voters at once; latency per invoke as the client sees it. */
async function burst(send: (i: number) => Promise<boolean>, voters: number) {
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: voters }, async (_, i) => {
      const t0 = performance.now();
      const ok = await send(i).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) failed++;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}

async function runSamlingspunkt(name: string, voters: number, env: Record<string, string>): Promise<Row> {
  const connector = await new CountingConnector().start();
  const serverEnv = { APP_MODE: 'local', SEED_DEMO: 'true', POLL_CARD_UPDATE_MS: String(CARD_UPDATE_MS), ...env };
  // A first start creates the database (PGlite's initdb peaks high and never gives it back);
  // the measured server starts warm, as a running installation does.
  await stopServer((await startServer(['--disable-warning=DEP0111', mainJs], serverEnv)).child);
  const { child, url } = await startServer(['--disable-warning=DEP0111', mainJs], serverEnv);
  try {
    const ingrid = demoMembers.find((m) => m.role === 'fasilitator')!;
    const dev = { 'x-samlingspunkt-dev-user': ingrid.aadObjectId };
    const networkId = ((await (await fetch(`${url}/api/networks`, { headers: dev })).json()) as { networks: { id: string }[] }).networks[0]!.id;
    // The channel the card goes to: the bot learns it from a message there.
    const channel = `19:bench-${randomUUID()}@thread.tacv2`;
    await post(url, activity(connector.url, channel, ingrid.aadObjectId, { type: 'message', text: 'hjelp' }));
    const created = await fetch(`${url}/api/networks/${networkId}/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...dev },
      body: JSON.stringify({ question: 'Hvordan vil Leve hele livet bidra til forandring i din kommune?', kind: 'enkeltvalg', options: OPTIONS, postTo: [channel] }),
    });
    const { poll } = (await created.json()) as { poll: { id: string } };
    const posted = connector.posted.find((p) => JSON.stringify(p.body).includes(poll.id));
    if (!posted) throw new Error('kortet ble ikke publisert');
    const cardJson = JSON.stringify(posted.body);
    const sig = new RegExp(`"pollId":"${poll.id}","sig":"([^"]+)","verb":"maling.svar"`).exec(cardJson)?.[1];
    if (!sig) throw new Error('fant ikke stemmeknappen på kortet');
    const activityId = posted.id as string;

    // Setup, not measured: N people register through the onboarding card, 25 at a time.
    const people = Array.from({ length: voters }, () => randomUUID());
    const municipalities = demoData(new Date()).municipalityNumbers;
    for (let i = 0; i < people.length; i += 25) {
      await Promise.all(
        people.slice(i, i + 25).map((aad, j) =>
          post(url, activity(connector.url, channel, aad, invoke('registrer', { networkId, municipalityNumber: municipalities[(i + j) % municipalities.length], sector: 'plan' }, activityId))),
        ),
      );
    }

    const expected = OPTIONS.map(() => 0);
    const result = await burst(async (i) => {
      expected[i % OPTIONS.length]!++;
      const res = await post(url, activity(connector.url, channel, people[i]!, invoke('maling.svar', { pollId: poll.id, sig, svar: String(i % OPTIONS.length) }, activityId)));
      return res.status === 200 && res.text.includes('Takk! Svaret ditt er lagret.');
    }, voters);
    await connector.settle(CARD_UPDATE_MS * 2.5);

    const results = (await (await fetch(`${url}/api/networks/${networkId}/polls/${poll.id}`, { headers: dev })).json()) as {
      results: { respondents: number; overall: { options: { count: number }[] } };
    };
    const counted = results.results.overall.options.map((o) => o.count);
    // A vote is lost if it is missing from the stored result (or counted under another option).
    const lost = expected.reduce((n, e, i) => n + Math.max(0, e - (counted[i] ?? 0)), 0);
    return {
      name,
      voters,
      ...result,
      throughput: voters / result.seconds,
      lost,
      updates: connector.updates.get(activityId) ?? 0,
      peakRssMiB: peakRssMiB(child.pid!),
    };
  } finally {
    await stopServer(child);
    await connector.stop();
  }
}

async function runBaseline(voters: number): Promise<Row> {
  const connector = await new CountingConnector().start();
  const { child, url } = await startServer([baselineJs], {});
  try {
    const channel = `${DEMO_TEAM_ID};messageid=bench-${randomUUID()}`;
    const activityId = 'activity-baseline-card';
    const people = Array.from({ length: voters }, () => randomUUID());
    const result = await burst(async (i) => {
      const res = await post(url, activity(connector.url, channel, people[i]!, invoke('maling.svar', { svar: String(i % OPTIONS.length) }, activityId)));
      return res.status === 200;
    }, voters);
    await connector.settle(500);
    const state = (await (await fetch(`${url}/state?conversation=${encodeURIComponent(channel)}`)).json()) as { votes: number };
    return {
      name: 'Bot Framework sample style (ConversationState + MemoryStorage)',
      voters,
      ...result,
      throughput: voters / result.seconds,
      lost: voters - state.votes,
      updates: connector.updates.get(activityId) ?? 0,
      peakRssMiB: peakRssMiB(child.pid!),
    };
  } finally {
    await stopServer(child);
    await connector.stop();
  }
}

function printTable(rows: Row[], baseline: Row): void {
  const fmt = (n: number, d = 0) => n.toFixed(d);
  const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
  console.log(`\nvotes: ${baseline.voters} distinct voters press «Send svar» at once (Action.Execute over HTTP)`);
  console.log('| run | votes/s | × baseline | p50 ms | p99 ms | × baseline p99 | failed | lost votes | card updates | peak RSS MiB | × baseline RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of [baseline, ...rows]) {
    console.log(
      `| ${r.name} | ${fmt(r.throughput)} | ${ratio(r.throughput, baseline.throughput)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${ratio(r.p99, baseline.p99)} | ${r.failed} | ${r.lost} | ${r.updates} | ${fmt(r.peakRssMiB, 1)} | ${ratio(r.peakRssMiB, baseline.peakRssMiB)} |`,
    );
  }
  console.log('failed: invokes not answered 200 with the voter’s own card; lost: votes missing from the stored result afterwards;');
  console.log('peak RSS: VmHWM of the server process (warm start: registration of the voters, the burst and the card updates).');
}

export async function votes(): Promise<void> {
  if (!existsSync(mainJs)) throw new Error('dist/src/main.js mangler: kjør «npm run build» først');
  if (!existsSync(join(projectRoot, 'dist', 'src', 'polls', 'service.js'))) throw new Error('dist er bygget uten målinger: kjør «npm run build» først');
  const voters = Number(process.argv.find((a) => a.startsWith('--voters='))?.split('=')[1] ?? process.env.VOTES_N ?? 1000);
  const rows: Row[] = [];
  const baseline = await runBaseline(voters);
  const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-bench-votes-'));
  try {
    rows.push(await runSamlingspunkt('Samlingspunkt, PGlite', voters, { DATA_DIR: dataDir }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pg = await startThrowawayPostgres();
  if (!pg) {
    console.warn('\n!!! votes: PostgreSQL-binærene mangler (apt-get install -y postgresql): Postgres-raden hoppes over. !!!');
  } else {
    try {
      rows.push(await runSamlingspunkt('Samlingspunkt, PostgreSQL 15', voters, { DATABASE_URL: pg.url }));
    } finally {
      pg.stop();
    }
  }
  printTable(rows, baseline);
}
