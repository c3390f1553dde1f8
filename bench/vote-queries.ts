/**
 * `npm run bench -- queries [--postgres]`: the statements one vote costs, counted on the real app
 * (in-process, on PGlite or a throwaway PostgreSQL 15), per kind of vote: a first answer, a changed answer, the same answer again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startApp } from '../src/app/app.js';
import { CountingConnector } from './votes-connector.js';
import { preparePoll } from './votes.js';
import { requirePostgres } from './votes-postgres.js';

export async function countQueriesPerVote(voters = 200, onPostgres = process.argv.includes('--postgres')): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-queries-'));
  const pg = onPostgres ? await requirePostgres() : undefined;
  const connector = await new CountingConnector().start();
  const app = await startApp({
    env: { APP_MODE: 'local', DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'true', POLL_CARD_UPDATE_MS: '60000', ...(pg ? { DATABASE_URL: pg.url } : {}) },
    logLevel: 'silent',
  });
  try {
    const people = Array.from({ length: voters }, () => randomUUID());
    const setup = await preparePoll(app.url, connector, people, true);
    const seen = new Map<string, number>();
    let count = 0;
    const db = app.db as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['query', 'exec'] as const) {
      const original = db[method]!.bind(app.db);
      db[method] = (...args: unknown[]) => {
        count++;
        const text = String(args[0]).replace(/\s+/g, ' ').trim().slice(0, 90);
        seen.set(text, (seen.get(text) ?? 0) + 1);
        return original(...args);
      };
    }
    const lines: string[] = [];
    const measure = async (label: string, answer: (i: number) => Promise<boolean>, mustThank: boolean, atOnce = false) => {
      seen.clear();
      count = 0;
      // One at a time, so nothing is shared between votes (tallies, card rounds); or all at once.
      const ok = atOnce
        ? await Promise.all(Array.from({ length: voters }, (_, i) => answer(i)))
        : await (async () => {
            const out: boolean[] = [];
            for (let i = 0; i < voters; i++) out.push(await answer(i));
            return out;
          })();
      if (mustThank && ok.includes(false)) throw new Error(`${ok.filter((x) => !x).length} stemmer ble ikke tatt imot`);
      lines.push(`| ${label} | ${(count / voters).toFixed(1)} |`);
      return [...seen].sort((a, b) => b[1] - a[1]).map(([sql, n]) => `  ${(n / voters).toFixed(2)} × ${sql}`);
    };
    const first = await measure('first answer', (i) => setup.vote(app.url, i), true);
    const again = await measure('the same answer again', (i) => setup.vote(app.url, i), false);
    const burstSetup = await preparePoll(app.url, connector, people, false);
    const burst = await measure(`first answer, all ${voters} at once (a new poll)`, (i) => burstSetup.vote(app.url, i), true, true);
    return [
      `queries per vote: the app in-process on ${pg ? 'PostgreSQL 15' : 'PGlite'}, ${voters} voters, statements counted at the database port`,
      '| vote | statements per vote |',
      '|---|---:|',
      ...lines,
      'first answer, by statement:',
      ...first,
      'same answer again, by statement:',
      ...again,
      'all at once, by statement:',
      ...burst,
    ].join('\n');
  } finally {
    await app.close();
    await connector.stop();
    pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

