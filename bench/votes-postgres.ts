import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tests/helpers/ports.js';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  url: string;
  /** The postmaster's process id (its backends are its children), for CPU accounting. */
  pid(): number;
  stop(): void;
}

/**
 * A PostgreSQL 15 in a temp dir on 127.0.0.1, as tests/helpers/postgres-global-setup.ts starts
 * it (as the postgres user when run as root). Undefined when the binaries are missing.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | undefined> {
  if (!existsSync(join(PG_BIN, 'initdb'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'samlingspunkt-bench-pg-'));
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args]] : [join(PG_BIN, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Durable settings left at their defaults: the benchmark measures a real commit per vote.
  run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    pid: () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** For the scenarios asked to run on a server (`--postgres`): a clear stop when there is none. */
export async function requirePostgres(): Promise<ThrowawayPostgres> {
  const pg = await startThrowawayPostgres();
  if (!pg) throw new Error(`PostgreSQL 15 finnes ikke på denne maskinen (${PG_BIN})`);
  return pg;
}
