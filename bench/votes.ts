/**
 * `npm run bench -- votes [--voters=1000] [--curve-seconds=20] [--no-curve] [--only=floor,postgres,…]`: N distinct voters answer a poll,
 * against the real server over HTTP (dist/src/main.js as a child process), on PGlite and on
 * PostgreSQL, twice each: all at the same moment (burst), and arriving as a Poisson process over
 * 20 s (curve). In the same run:
 * - the floor: a bot that only answers each invoke with a fixed card through the same
 *   CloudAdapter + restify stack (bench/votes-floor.mjs), the framework's ceiling here;
 * - a baseline: a bot built the way the Bot Framework samples do it (ConversationState over
 *   MemoryStorage, read-modify-write, updateActivity per vote);
 * - scale-out: two app instances on one PostgreSQL, the voters sent to them in turn.
 * Every row is shown as a share of the floor.
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
import { CORES, measureCpu, type CpuUse } from './cpu.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

const mainJs = join(projectRoot, 'dist', 'src', 'main.js');
const baselineJs = join(projectRoot, 'bench', 'votes-baseline.mjs');
const floorJs = join(projectRoot, 'bench', 'votes-floor.mjs');
const CARD_UPDATE_MS = 1000;
const OPTIONS = ['I stor grad', 'I noen grad', 'I liten grad', 'Vet ikke ennå'];

export type Arrival = 'burst' | 'curve';

export interface Row {
  name: string;
  arrival: Arrival;
  voters: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  failed: number;
  lost: number;
  updates: number;
  peakRssMiB: number;
  /** CPU seconds while the voters arrived: the app, the database server, the load generator. */
  cpu: CpuUse;
  /** The app's own counters over the run (all instances): statements its votes took. */
  statements?: PollCounters;
}

interface PollCounters {
  voteBatches: number;
  tallies: number;
  largestVoteBatch: number;
  /** Statements that read the turns' people and team networks. */
  turnReads: number;
}

async function pollCounters(urls: string[]): Promise<PollCounters> {
  const all = await Promise.all(urls.map(async (u) => ((await (await fetch(`${u}/healthz`)).json()) as { polls: PollCounters }).polls));
  return {
    voteBatches: all.reduce((n, c) => n + c.voteBatches, 0),
    tallies: all.reduce((n, c) => n + c.tallies, 0),
    largestVoteBatch: Math.max(...all.map((c) => c.largestVoteBatch)),
    turnReads: all.reduce((n, c) => n + c.turnReads, 0),
  };
}

/** Peak resident set since the process started (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

export async function startServer(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
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

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
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

/** A small seeded generator (mulberry32): the same arrival times in every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson arrivals: N exponential gaps at rate N ÷ seconds, as offsets in ms from the start. */
function poissonOffsets(voters: number, seconds: number, seed = 15): number[] {
  const rnd = seeded(seed);
  const meanGapMs = (seconds * 1000) / voters;
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < voters; i++) {
    at += -Math.log(1 - rnd()) * meanGapMs;
    offsets.push(at);
  }
  return offsets;
}

/** Every voter either at once (burst) or at their Poisson arrival time; latency as the client sees it. */
export async function arrive(send: (i: number) => Promise<boolean>, voters: number, arrival: Arrival, curveSeconds: number) {
  const latencies: number[] = [];
  let failed = 0;
  const offsets = arrival === 'curve' ? poissonOffsets(voters, curveSeconds) : undefined;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: voters }, async (_, i) => {
      if (offsets) {
        const wait = start + offsets[i]! - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
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

export interface VotingSetup {
  /** Sends voter i's vote to the given server; true when answered with the voter's own card. */
  vote(url: string, i: number): Promise<boolean>;
  /** Votes missing (or counted under another option) in the stored result. */
  lost(): Promise<number>;
  activityId: string;
}

/**
 * A poll published to a channel on the app at `url`, and `people` registered through the
 * onboarding card (not measured, 25 at a time; skipped when they already are).
 */
export async function preparePoll(url: string, connector: CountingConnector, people: string[], register: boolean, registerAt: string[] = [url]): Promise<VotingSetup> {
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

  if (register) {
    const municipalities = demoData(new Date()).municipalityNumbers;
    for (let i = 0; i < people.length; i += 25) {
      await Promise.all(
        people.slice(i, i + 25).map((aad, j) =>
          post(registerAt[(i + j) % registerAt.length]!, activity(connector.url, channel, aad, invoke('registrer', { networkId, municipalityNumber: municipalities[(i + j) % municipalities.length], sector: 'plan' }, activityId))),
        ),
      );
    }
  }

  const expected = OPTIONS.map(() => 0);
  return {
    activityId,
    async vote(target, i) {
      expected[i % OPTIONS.length]!++;
      const res = await post(target, activity(connector.url, channel, people[i]!, invoke('maling.svar', { pollId: poll.id, sig, svar: String(i % OPTIONS.length) }, activityId)));
      return res.status === 200 && res.text.includes('Takk! Svaret ditt er lagret.');
    },
    async lost() {
      const results = (await (await fetch(`${url}/api/networks/${networkId}/polls/${poll.id}`, { headers: dev })).json()) as {
        results: { respondents: number; overall: { options: { count: number }[] } };
      };
      const counted = results.results.overall.options.map((o) => o.count);
      return expected.reduce((n, e, i) => n + Math.max(0, e - (counted[i] ?? 0)), 0);
    },
  };
}

const appArgs = [...SERVER_NODE_FLAGS, mainJs];
const appEnv = (env: Record<string, string>) => ({ APP_MODE: 'local', SEED_DEMO: 'true', POLL_CARD_UPDATE_MS: String(CARD_UPDATE_MS), ...env });

/**
 * The app on one database, `instances` processes of it (more than one only on a server), the
 * votes sent to them in turn: the burst on one poll, then the curve on a second one.
 */
async function runSamlingspunkt(name: string, voters: number, env: Record<string, string>, arrivals: Arrival[], curveSeconds: number, instances = 1, dbPid?: number): Promise<Row[]> {
  // A first start creates the database; the measured servers start warm, as a running installation does.
  await stopServer((await startServer(appArgs, appEnv(env))).child);
  const servers = [];
  for (let k = 0; k < instances; k++) servers.push(await startServer(appArgs, appEnv(env)));
  const connector = await new CountingConnector().start();
  const rows: Row[] = [];
  try {
    const people = Array.from({ length: voters }, () => randomUUID());
    const urls = servers.map((s) => s.url);
    for (const [n, arrival] of arrivals.entries()) {
      // Registered through every instance in turn, so each has served traffic before it is measured.
      const setup = await preparePoll(urls[0]!, connector, people, n === 0, urls);
      const before = await pollCounters(urls);
      const { result, cpu } = await measureCpu(
        servers.map((s) => s.child.pid!),
        dbPid,
        () => arrive((i) => setup.vote(urls[i % urls.length]!, i), voters, arrival, curveSeconds),
      );
      await connector.settle(CARD_UPDATE_MS * 2.5);
      rows.push({
        name,
        arrival,
        voters,
        ...result,
        cpu,
        throughput: voters / result.seconds,
        lost: await setup.lost(),
        updates: connector.updates.get(setup.activityId) ?? 0,
        peakRssMiB: Math.max(...servers.map((s) => peakRssMiB(s.child.pid!))),
        statements: await pollCounters(urls).then((after) => ({
          voteBatches: after.voteBatches - before.voteBatches,
          tallies: after.tallies - before.tallies,
          largestVoteBatch: after.largestVoteBatch,
          turnReads: after.turnReads - before.turnReads,
        })),
      });
    }
    return rows;
  } finally {
    for (const s of servers) await stopServer(s.child);
    await connector.stop();
  }
}

/** The floor or the sample-style baseline: plain JS bots, one conversation per arrival pattern. */
async function runReference(kind: 'floor' | 'baseline', voters: number, arrivals: Arrival[], curveSeconds: number): Promise<Row[]> {
  const connector = await new CountingConnector().start();
  // The same Node flags as the app, so the ratio compares the code, not the runtime's settings.
  const { child, url } = await startServer([...SERVER_NODE_FLAGS, kind === 'floor' ? floorJs : baselineJs], {});
  const rows: Row[] = [];
  try {
    // Not measured: as many invokes as the app gets while its voters register, so every server's JIT is warm.
    const warmup = `${DEMO_TEAM_ID};messageid=bench-warmup-${randomUUID()}`;
    for (let i = 0; i < voters; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, voters - i) }, () => post(url, activity(connector.url, warmup, randomUUID(), invoke('maling.svar', { svar: '0' }, 'activity-warmup')))),
      );
    }
    for (const arrival of arrivals) {
      const channel = `${DEMO_TEAM_ID};messageid=bench-${randomUUID()}`;
      const activityId = `activity-${kind}-${arrival}`;
      const people = Array.from({ length: voters }, () => randomUUID());
      const { result, cpu } = await measureCpu([child.pid!], undefined, () =>
        arrive(async (i) => {
          const res = await post(url, activity(connector.url, channel, people[i]!, invoke('maling.svar', { svar: String(i % OPTIONS.length) }, activityId)));
          return res.status === 200;
        }, voters, arrival, curveSeconds),
      );
      let lost = 0;
      if (kind === 'baseline') {
        await connector.settle(500);
        const state = (await (await fetch(`${url}/state?conversation=${encodeURIComponent(channel)}`)).json()) as { votes: number };
        lost = voters - state.votes;
      }
      rows.push({
        name: kind === 'floor' ? 'Floor: fixed card, same CloudAdapter + restify, no storage' : 'Bot Framework sample style (ConversationState + MemoryStorage)',
        arrival,
        voters,
        ...result,
        cpu,
        throughput: voters / result.seconds,
        lost,
        updates: connector.updates.get(activityId) ?? 0,
        peakRssMiB: peakRssMiB(child.pid!),
      });
    }
    return rows;
  } finally {
    await stopServer(child);
    await connector.stop();
  }
}

function printTables(rows: Row[], curveSeconds: number): void {
  const fmt = (n: number, d = 0) => n.toFixed(d);
  const ratio = (a: number, b: number | undefined) => (!b ? '–' : `${(a / b).toFixed(2)}×`);
  const share = (a: number, b: number | undefined) => (!b ? '–' : `${((100 * a) / b).toFixed(0)} %`);
  for (const arrival of ['burst', 'curve'] as const) {
    const these = rows.filter((r) => r.arrival === arrival);
    if (these.length === 0) continue;
    const floor = these.find((r) => r.name.startsWith('Floor'));
    const baseline = these.find((r) => r.name.startsWith('Bot Framework'));
    const n = these[0]!.voters;
    console.log(
      arrival === 'burst'
        ? `\nvotes, burst: ${n} distinct voters press «Send svar» at once (Action.Execute over HTTP)`
        : `\nvotes, curve: ${n} distinct voters arriving over ${curveSeconds} s (Poisson, ${fmt(n / curveSeconds)}/s on average, same seed every run)`,
    );
    console.log('| run | votes/s | % of floor | × baseline | p50 ms | p99 ms | p99 × floor | failed | lost votes | card updates | peak RSS MiB | × floor RSS |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of these) {
      console.log(
        `| ${r.name} | ${fmt(r.throughput)} | ${share(r.throughput, floor?.throughput)} | ${ratio(r.throughput, baseline?.throughput)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${ratio(r.p99, floor?.p99)} | ${r.failed} | ${r.lost} | ${r.updates} | ${fmt(r.peakRssMiB, 1)} | ${ratio(r.peakRssMiB, floor?.peakRssMiB)} |`,
      );
    }
    for (const r of these.filter((x) => x.statements)) {
      const st = r.statements!;
      console.log(
        `  ${r.name}: ${n} votes written in ${st.voteBatches} statements (group commit, largest batch ${st.largestVoteBatch}), their turns read in ${st.turnReads}, ${st.tallies} tallies`,
      );
    }
    if (arrival === 'burst' && floor) {
      console.log(`target p99 for the burst, 1.2 × N ÷ floor: ${fmt((1.2 * n * 1000) / floor.throughput)} ms`);
    }
  }
  const bursts = rows.filter((r) => r.arrival === 'burst');
  console.log(`\nCPU during the burst (CPU seconds; this machine has ${CORES} cores, so a run of T s has ${CORES}·T s to give)`);
  console.log('| run | wall s | app | database server | load generator + fake connector | total | share of the machine |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of bursts) {
    const total = r.cpu.app + r.cpu.db + r.cpu.client;
    console.log(`| ${r.name} | ${fmt(r.seconds, 2)} | ${fmt(r.cpu.app, 2)} | ${r.cpu.db ? fmt(r.cpu.db, 2) : '–'} | ${fmt(r.cpu.client, 2)} | ${fmt(total, 2)} | ${share(total, CORES * r.seconds)} |`);
  }
  console.log('failed: invokes not answered 200 with the voter’s own card; lost: votes missing from the stored result afterwards;');
  console.log('card updates: PUTs of the shared card (all instances together); peak RSS: VmHWM of the server process (the larger of two instances).');
}

export async function votes(): Promise<void> {
  if (!existsSync(mainJs)) throw new Error('dist/src/main.js mangler: kjør «npm run build» først');
  if (!existsSync(join(projectRoot, 'dist', 'src', 'polls', 'service.js'))) throw new Error('dist er bygget uten målinger: kjør «npm run build» først');
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const voters = Number(arg('voters') ?? process.env.VOTES_N ?? 1000);
  const curveSeconds = Number(arg('curve-seconds') ?? 20);
  const arrivals: Arrival[] = process.argv.includes('--no-curve') ? ['burst'] : ['burst', 'curve'];
  // --only=floor,pglite,postgres (any of floor, baseline, pglite, postgres, scale-out): a quicker look while tuning.
  const only = arg('only')?.split(',');
  const wanted = (run: string) => !only || only.includes(run);
  const rows: Row[] = [];
  if (wanted('floor')) rows.push(...(await runReference('floor', voters, arrivals, curveSeconds)));
  if (wanted('baseline')) rows.push(...(await runReference('baseline', voters, arrivals, curveSeconds)));
  const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-bench-votes-'));
  try {
    if (wanted('pglite')) rows.push(...(await runSamlingspunkt('Samlingspunkt, PGlite', voters, { DATA_DIR: dataDir }, arrivals, curveSeconds)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const onServer = wanted('postgres') || wanted('scale-out');
  const pg = onServer ? await startThrowawayPostgres() : undefined;
  if (onServer && !pg) {
    console.warn('\n!!! votes: PostgreSQL-binærene mangler (apt-get install -y postgresql): Postgres-radene hoppes over. !!!');
  } else if (pg) {
    try {
      if (wanted('postgres')) rows.push(...(await runSamlingspunkt('Samlingspunkt, PostgreSQL 15', voters, { DATABASE_URL: pg.url }, arrivals, curveSeconds, 1, pg.pid())));
      if (wanted('scale-out') && !process.argv.includes('--no-scale-out')) {
        // A fresh schema per run would need a second server; the same database is fine: new voters, new polls.
        rows.push(...(await runSamlingspunkt('Samlingspunkt, PostgreSQL 15, 2 instances (round-robin)', voters, { DATABASE_URL: pg.url }, ['burst'], curveSeconds, 2, pg.pid())));
      }
    } finally {
      pg.stop();
    }
  }
  printTables(rows, curveSeconds);
  const one = rows.find((r) => r.arrival === 'burst' && r.name === 'Samlingspunkt, PostgreSQL 15');
  const two = rows.find((r) => r.arrival === 'burst' && r.name.includes('2 instances'));
  if (one && two) console.log(`scale-out: 2 instances = ${(two.throughput / one.throughput).toFixed(2)} × one instance (burst votes/s)`);
}
