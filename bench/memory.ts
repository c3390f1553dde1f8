/**
 * `npm run bench -- memory [--idle=60] [--idle-30min] [--voters=1000]`: the resident set of the
 * server on PGlite (dist/src/main.js as a child process, demo data), against a bare node:http
 * server measured in the same run:
 * - cold: a new data directory, peak (VmHWM) up to 5 s after the first 200;
 * - idle: a warm start left alone for 60 s (30 min with --idle-30min), sampled every 5 s;
 * - after a burst: N voters registered (not measured), then all vote at once, 30 s later, and
 *   after two more bursts on new polls (whether it keeps growing).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/platform/paths.js';
import { CountingConnector } from './votes-connector.js';
import { arrive, preparePoll, startServer, stopServer } from './votes.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

const mainJs = join(projectRoot, 'dist', 'src', 'main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Mem {
  rss: number;
  hwm: number;
  anon: number;
  file: number;
}

function mem(pid: number): Mem {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mib('VmRSS'), hwm: mib('VmHWM'), anon: mib('RssAnon'), file: mib('RssFile') };
}

const BASELINE_SERVER = `
  require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
`;

export async function memory(): Promise<void> {
  if (!existsSync(mainJs)) throw new Error('dist/src/main.js mangler: kjør «npm run build» først');
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const idleSeconds = process.argv.includes('--idle-30min') ? 1800 : Number(arg('idle') ?? 60);
  const voters = Number(arg('voters') ?? 1000);
  const env = { APP_MODE: 'local', SEED_DEMO: 'true', POLL_CARD_UPDATE_MS: '1000' };
  const rows: [string, Mem, string][] = [];

  const bare = await startServer(['-e', BASELINE_SERVER], {});
  await sleep(5_000);
  const baseline = mem(bare.child.pid!);
  await stopServer(bare.child);
  rows.push(['bare node:http (baseline)', baseline, '5 s after start']);

  const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-bench-memory-'));
  try {
    const cold = await startServer([...SERVER_NODE_FLAGS, mainJs], { ...env, DATA_DIR: dataDir });
    await sleep(5_000);
    rows.push(['PGlite, empty data dir (cold start)', mem(cold.child.pid!), 'peak = VmHWM through start-up']);
    await stopServer(cold.child);

    const warm = await startServer([...SERVER_NODE_FLAGS, mainJs], { ...env, DATA_DIR: dataDir });
    const connector = await new CountingConnector().start();
    try {
      const pid = warm.child.pid!;
      const samples: number[] = [];
      const idleStart = performance.now();
      while (performance.now() - idleStart < idleSeconds * 1000) {
        samples.push(mem(pid).rss);
        await sleep(Math.min(5_000, Math.max(0, idleSeconds * 1000 - (performance.now() - idleStart))));
      }
      const idle = mem(pid);
      rows.push(['PGlite, existing demo data, idle', idle, `${idleSeconds} s idle: first ${samples[0]!.toFixed(1)}, min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples, idle.rss).toFixed(1)} MiB`]);

      const people = Array.from({ length: voters }, () => randomUUID());
      const setup = await preparePoll(warm.url, connector, people, true);
      rows.push([`PGlite, after registering ${voters} voters`, mem(pid), 'not measured for time']);
      const burst = await arrive((i) => setup.vote(warm.url, i), voters, 'burst', 0);
      await connector.settle(2_500);
      rows.push([`PGlite, right after a ${voters}-vote burst`, mem(pid), `${burst.failed} failed, ${await setup.lost()} lost`]);
      await sleep(30_000);
      rows.push([`PGlite, 30 s after the burst`, mem(pid), '']);
      // Bounded or not: the same voters again on a second poll, twice.
      for (const round of [2, 3]) {
        const again = await preparePoll(warm.url, connector, people, false);
        const r = await arrive((i) => again.vote(warm.url, i), voters, 'burst', 0);
        await connector.settle(2_500);
        rows.push([`PGlite, after burst ${round} (a new poll, the same voters)`, mem(pid), `${r.failed} failed, ${await again.lost()} lost`]);
      }
    } finally {
      await stopServer(warm.child);
      await connector.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('\nmemory: resident set of the server (MiB; anon = heap incl. WASM memory, file = mapped code and files)');
  console.log('| phase | RSS | × baseline | peak (VmHWM) | anon | file | note |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const [name, m, note] of rows) {
    console.log(`| ${name} | ${m.rss.toFixed(1)} | ${(m.rss / baseline.rss).toFixed(1)} | ${m.hwm.toFixed(1)} | ${m.anon.toFixed(1)} | ${m.file.toFixed(1)} | ${note} |`);
  }
}
