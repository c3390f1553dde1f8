// `npm run build:template`: makes dist/pglite-template/, the empty PGlite cluster that new data
// directories and in-memory databases start from (see src/platform/db/pglite-template.ts).
// Runs after build:server (it uses the built module). Takes a few seconds: this is the one initdb.
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedPgliteVersion, pgliteTemplateDir, writeTemplateInfo } from '../dist/src/platform/db/pglite-template.js';

const started = performance.now();
const dir = pgliteTemplateDir;
const info = join(dir, 'template.json');
if (existsSync(info) && process.argv.includes('--if-missing')) {
  try {
    const { pgliteVersion } = JSON.parse(readFileSync(info, 'utf8'));
    if (pgliteVersion === installedPgliteVersion()) process.exit(0);
  } catch {
    // Unreadable: made again below.
  }
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const pg = await PGlite.create({ dataDir: join(dir, 'pgdata') });
await pg.query('SELECT 1');
const tar = await pg.dumpDataDir('none');
writeFileSync(join(dir, 'pgdata.tar'), Buffer.from(await tar.arrayBuffer()));
await pg.close();
writeTemplateInfo(dir);
console.log(`PGlite-mal laget i ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
