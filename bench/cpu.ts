/**
 * CPU time of processes, read from /proc (Linux): what each part of a benchmark run used while it
 * was measured, so a throughput that stops growing can be told apart from a machine that is full.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

// USER_HZ: 100 on every Linux this runs on (the kernel reports /proc times in it whatever HZ is).
const TICKS_PER_SECOND = 100;

function stat(pid: number): { ppid: number; cpuTicks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: the fields start after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** A process and every process below it (a PostgreSQL server's backends). */
export function withDescendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const p = Number(entry);
    if (!Number.isInteger(p)) continue;
    const s = stat(p);
    if (s) parents.set(p, s.ppid);
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) for (const [child, parent] of parents) if (parent === all[i]) all.push(child);
  return all;
}

/** CPU seconds used so far by these processes (user + system). Processes gone since count 0. */
export function cpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (stat(pid)?.cpuTicks ?? 0), 0) / TICKS_PER_SECOND;
}

/** CPU seconds of this process (the load generator and the fake Bot Connector). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export const CORES = availableParallelism();

export interface CpuUse {
  /** The server process(es) under test. */
  app: number;
  /** The database server (PostgreSQL and its backends); 0 for PGlite, which runs inside the app. */
  db: number;
  /** This process: the voters' HTTP clients and the fake Bot Connector. */
  client: number;
}

/**
 * Measures CPU across `run`. The database's processes are listed again at the end, so backends
 * started for the run are counted (their time before the start is not in `before`: they did not exist).
 */
export async function measureCpu<T>(appPids: number[], dbPid: number | undefined, run: () => Promise<T>): Promise<{ result: T; cpu: CpuUse }> {
  const dbBefore = dbPid ? new Map(withDescendants(dbPid).map((p) => [p, cpuSeconds([p])])) : new Map<number, number>();
  const appBefore = cpuSeconds(appPids);
  const clientBefore = ownCpuSeconds();
  const result = await run();
  const client = ownCpuSeconds() - clientBefore;
  const app = cpuSeconds(appPids) - appBefore;
  const db = dbPid ? withDescendants(dbPid).reduce((sum, p) => sum + cpuSeconds([p]) - (dbBefore.get(p) ?? 0), 0) : 0;
  return { result, cpu: { app, db, client } };
}
