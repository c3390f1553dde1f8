// The prepared PGlite cluster (issue 15): a new data directory starts from the build's template
// instead of initdb, only when the template is complete and from the installed PGlite, and never
// over an existing cluster. Behaviour only: no timing assertions.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../src/platform/db/migrate.js';
import { openPglite, pgliteStartParams } from '../src/platform/db/pglite.js';
import { pgliteTemplateDir, seedDataDirFromTemplate, templateTarball } from '../src/platform/db/pglite-template.js';

const haveTemplate = existsSync(join(pgliteTemplateDir, 'template.json'));
const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'samlingspunkt-template-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PGlite start parameters', () => {
  it('keep PGlite’s defaults and set a small buffer pool, durability untouched', () => {
    expect(pgliteStartParams).toContain('--single');
    expect(pgliteStartParams.join(' ')).toContain('shared_buffers=16MB');
    expect(pgliteStartParams.join(' ')).not.toMatch(/fsync=off|synchronous_commit=off/);
  });
});

describe.skipIf(!haveTemplate)('PGlite template cluster (dist/pglite-template; npm run build)', () => {
  it('a new data directory is a copy of the template, and works: migrations apply, a second open migrates nothing', async () => {
    const dir = temp();
    const db = await openPglite(dir);
    try {
      expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.includes('.template-'))).toEqual([]);
      expect(await migrate(db)).toEqual(loadMigrations().map((m) => m.version));
      const { rows } = await db.query<{ sb: string }>(`SELECT current_setting('shared_buffers') AS sb`);
      expect(rows[0]!.sb).toBe('16MB');
    } finally {
      await db.close();
    }
    const again = await openPglite(dir);
    try {
      expect(await migrate(again)).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('leaves an existing cluster alone', () => {
    const pgdata = join(temp(), 'pgdata');
    mkdirSync(pgdata);
    writeFileSync(join(pgdata, 'PG_VERSION'), '17\n');
    expect(seedDataDirFromTemplate(pgdata)).toBe(false);
    expect(readdirSync(pgdata)).toEqual(['PG_VERSION']);
  });

  it('ignores a template from another PGlite version or without its marker', () => {
    const copy = join(temp(), 'template');
    cpSync(pgliteTemplateDir, copy, { recursive: true });
    writeFileSync(join(copy, 'template.json'), JSON.stringify({ pgliteVersion: '0.0.0' }));
    const target = join(temp(), 'pgdata');
    expect(seedDataDirFromTemplate(target, copy)).toBe(false);
    expect(templateTarball(copy)).toBeUndefined();
    rmSync(join(copy, 'template.json'));
    expect(seedDataDirFromTemplate(target, copy)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('an in-memory database loads the template tarball and works', async () => {
    expect(templateTarball()).toBeDefined();
    const db = await openPglite(undefined);
    try {
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    } finally {
      await db.close();
    }
  });
});
