/**
 * `npm run bench -- profile [--voters=1000] [--postgres]`: where a burst's time goes. The server
 * (dist/src/main.js on PGlite, or with --postgres on a throwaway PostgreSQL 15, as in the votes scenario) samples its CPU during the burst only
 * (bench/profiled-server.mjs); the samples are summed per area (PGlite's WASM, botbuilder,
 * restify, our own code, …) and per function (self time). The .cpuprofile is kept in
 * test-results/ for a flame view in Chrome's DevTools.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/platform/paths.js';
import { CountingConnector } from './votes-connector.js';
import { freePort } from '../tests/helpers/ports.js';
import { waitFor } from '../tests/helpers/wait.js';
import { arrive, preparePoll, startServer, stopServer } from './votes.js';
import { requirePostgres } from './votes-postgres.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of the stack a sample's own frame belongs to. */
function areaOf(url: string, name: string): string {
  if (url.startsWith('wasm://')) return 'PGlite (WASM and its JS glue)';
  if (!url && name === 'dispatch') return 'the profiler itself (inspector dispatch, stopping the sampling)';
  if (!url) return name === '(garbage collector)' ? 'garbage collection' : name === '(idle)' || name === '(program)' ? name : 'native / builtin';
  if (url.includes('@electric-sql/pglite')) return 'PGlite (WASM and its JS glue)';
  if (url.includes('botbuilder') || url.includes('botframework')) return 'botbuilder';
  if (url.includes('restify') || url.includes('find-my-way')) return 'restify';
  if (url.includes('/zod/')) return 'zod';
  if (url.includes('i18next') || url.includes('/luxon/')) return 'i18next / luxon';
  if (url.includes('node_modules')) return `other packages (${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? '?'})`;
  if (url.startsWith('node:')) return 'Node.js core';
  if (url.includes('/dist/src/')) return `Samlingspunkt: ${/\/dist\/src\/([^/]+)/.exec(url)?.[1] ?? '?'}`;
  return 'other';
}

function summarise(profile: CpuProfile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    const area = areaOf(callFrame.url, callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
  const busy = total - (areas.get('(idle)') ?? 0);
  return [
    `profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`,
    '| area (self time) | share |',
    '|---|---:|',
    ...[...areas].filter(([, us]) => us / total >= 0.002).sort((a, b) => b[1] - a[1]).map(([a, us]) => `| ${a} | ${pct(us)} |`),
    'top functions (self time):',
    ...[...fns].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([f, us]) => `  ${pct(us).padStart(7)}  ${f}`),
  ];
}

/** One message from the profiled server, the next of its kind. */
function reply<T>(child: ChildProcess, test: (m: unknown) => m is T): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      if (!test(m)) return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
  });
}

export async function profileVotes(): Promise<void> {
  const voters = Number(process.argv.find((a) => a.startsWith('--voters='))?.split('=')[1] ?? 1000);
  const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-bench-profile-'));
  // --postgres: the app on a PostgreSQL 15 server instead, where its own share is what is left to win.
  const pg = process.argv.includes('--postgres') ? await requirePostgres() : undefined;
  const env: Record<string, string> = { APP_MODE: 'local', SEED_DEMO: 'true', POLL_CARD_UPDATE_MS: '1000', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(pg ? { DATABASE_URL: pg.url } : {}) };
  const main = join(projectRoot, 'dist', 'src', 'main.js');
  let child: ChildProcess | undefined;
  try {
    // A first start creates the database; the profiled one starts warm, as in the votes scenario.
    await stopServer((await startServer([...SERVER_NODE_FLAGS, main], env)).child);
    const port = await freePort();
    child = fork(join(projectRoot, 'bench', 'profiled-server.mjs'), [], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), DEBUG_TALLY: process.env.DEBUG_TALLY ?? '', ...env },
      execArgv: [...SERVER_NODE_FLAGS],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(() => fetch(`${url}/healthz`).then((r) => r.ok, () => false), { what: 'the profiled server', timeoutMs: 120_000, intervalMs: 50 });
    const connector = await new CountingConnector().start();
    let profile: CpuProfile;
    try {
      const people = Array.from({ length: voters }, () => randomUUID());
      const setup = await preparePoll(url, connector, people, true);
      const started = reply(child, (m): m is 'started' => m === 'started');
      child.send('start');
      await started;
      const result = await arrive((i) => setup.vote(url, i), voters, 'burst', 20);
      const stopped = reply(child, (m): m is { profile: CpuProfile } => typeof m === 'object' && m !== null && 'profile' in m);
      child.send('stop');
      profile = (await stopped).profile;
      console.log(`burst while sampling: ${voters} votes, ${(voters / result.seconds).toFixed(0)} votes/s, p99 ${result.p99.toFixed(0)} ms, ${result.failed} failed`);
    } finally {
      await stopServer(child);
      await connector.stop();
    }
    const dir = join(projectRoot, 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'vote-burst.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(summarise(profile).join('\n'));
    console.log('(profile: test-results/vote-burst.cpuprofile)');
  } finally {
    pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
