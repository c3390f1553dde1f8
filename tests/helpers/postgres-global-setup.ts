import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports.js';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the test PostgreSQL server, or '' when it could not start. */
    pgUrl: string;
  }
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * Starts a throwaway PostgreSQL 15 (Debian's binaries) in a temp dir on 127.0.0.1. initdb
 * refuses to run as root, so as root the server runs as the postgres system user.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = process.env.REQUIRE_ALL_TESTS === '1';
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    const message = `PostgreSQL-binærene mangler i ${PG_BIN} (apt-get install -y postgresql).`;
    if (required) throw new Error(`${message} REQUIRE_ALL_TESTS=1: Postgres-testene kan ikke hoppes over.`);
    console.warn(`\n!!!!! ${message} Postgres-testene HOPPES OVER. !!!!!\n`);
    project.provide('pgUrl', '');
    return async () => undefined;
  }

  const dir = mkdtempSync(join(tmpdir(), 'samlingspunkt-pg-'));
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args]] : [join(PG_BIN, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (isRoot) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  project.provide('pgUrl', `postgresql://postgres@127.0.0.1:${port}/postgres`);

  return async () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
