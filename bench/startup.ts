import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/platform/paths.js';
import { freePort } from '../tests/helpers/ports.js';
import { waitFor } from '../tests/helpers/wait.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

const mainJs = join(projectRoot, 'dist', 'src', 'main.js');

function procMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function timeToHealthy(args: string[], env: Record<string, string>, path: string) {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: 'ignore',
  });
  await waitFor(() => fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok, () => false), {
    what: `${path} on port ${port} to answer 200`,
    timeoutMs: 120_000,
    intervalMs: 25,
  });
  const ms = performance.now() - started;
  // A measurement, not a wait for something: the resident set once start-up's garbage has settled.
  await new Promise((r) => setTimeout(r, 5_000));
  const rss = procMiB(child.pid!, 'VmRSS');
  const peak = procMiB(child.pid!, 'VmHWM');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ms, rss, peak };
}

const BASELINE_SERVER = `
  require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
`;

export async function startup(): Promise<void> {
  if (!existsSync(mainJs)) throw new Error('dist/src/main.js mangler: kjør «npm run build» først');
  const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-bench-'));
  try {
    const baseline = await timeToHealthy(['-e', BASELINE_SERVER], {}, '/');
    const cold = await timeToHealthy([...SERVER_NODE_FLAGS, mainJs], { DATA_DIR: dataDir }, '/healthz');
    const warm = await timeToHealthy([...SERVER_NODE_FLAGS, mainJs], { DATA_DIR: dataDir }, '/healthz');
    const rows = [
      ['bare node:http (baseline)', baseline],
      ['Samlingspunkt, PGlite, empty data dir (cold)', cold],
      ['Samlingspunkt, PGlite, existing demo data', warm],
    ] as const;
    console.log('\nstartup: node dist/src/main.js (what npm start runs once built) to first 200, RSS 5 s later and peak');
    console.log('| run | to 200 (ms) | × baseline | idle RSS (MiB) | × baseline | peak RSS (MiB) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of rows) {
      console.log(
        `| ${name} | ${r.ms.toFixed(0)} | ${(r.ms / baseline.ms).toFixed(1)} | ${r.rss.toFixed(1)} | ${(r.rss / baseline.rss).toFixed(1)} | ${r.peak.toFixed(1)} |`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
