// The build, in three parts, each redone only when needed with --if-stale:
//   server   tsc -p tsconfig.build.json            → dist/src
//   tab      vite build                            → dist/tab
//   template the empty PGlite cluster (one initdb) → dist/pglite-template
//
//   node scripts/build.mjs              build all three (npm run build)
//   node scripts/build.mjs --if-stale   only the parts whose inputs are newer than their last
//                                       successful build (npm start, npm test, prepare)
//   --check                             only report what --if-stale would build (exit 1 if any)
//   --list-tab-inputs                   print the files the tab build depends on
//   --if-tools                          skip quietly when the dev tools are not installed
//                                       (prepare on an install without devDependencies)
//
// A part's stamp (dist/.build/<part>.stamp) gets the time its build started, and only once it
// has succeeded: a file saved during a build, or a failed build, means building again next time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stampDir = join(root, 'dist', '.build');
const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const ifTools = args.includes('--if-tools');
// --check: only say what would be built (exit 1 if anything), build nothing.
const checkOnly = args.includes('--check');

function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

if (ifTools && !existsSync(bin('tsc'))) {
  console.log('build: TypeScript er ikke installert (installasjon uten devDependencies); bygger ikke');
  process.exit(0);
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const src = join(root, 'src');
const tabDir = join(src, 'tab');
const common = ['package.json', 'package-lock.json', 'tsconfig.json'].map((f) => join(root, f));

/** Everything tsc compiles (src without the tab) and what configures it. */
function serverInputs() {
  return [...walk(src)].filter((f) => !f.startsWith(tabDir + '/')).concat(common, join(root, 'tsconfig.build.json'));
}

/** src/tab and every file outside it that the tab imports, followed transitively. */
function tabInputs() {
  const seen = new Set();
  const queue = [...walk(tabDir)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(tsx?|jsx?|mjs)$/.test(file) || !existsSync(file)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const spec = resolve(dirname(file), m[1]);
      for (const candidate of [spec, spec.replace(/\.js$/, '.ts'), spec.replace(/\.js$/, '.tsx'), `${spec}.ts`, `${spec}.tsx`, join(spec, 'index.ts')]) {
        if (existsSync(candidate) && statSync(candidate).isFile()) {
          queue.push(candidate);
          break;
        }
      }
    }
  }
  return [...seen].concat(common);
}

function templateOk() {
  try {
    const info = JSON.parse(readFileSync(join(root, 'dist', 'pglite-template', 'template.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'));
    return info.pgliteVersion === pkg.version;
  } catch {
    return false;
  }
}

function run(cmd, cmdArgs) {
  const res = spawnSync(existsSync(bin(cmd)) ? bin(cmd) : cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const parts = [
  {
    name: 'server',
    output: join(root, 'dist', 'src', 'main.js'),
    inputs: serverInputs,
    build: () => run('tsc', ['-p', 'tsconfig.build.json']),
  },
  {
    name: 'tab',
    output: join(root, 'dist', 'tab', 'index.html'),
    inputs: tabInputs,
    build: () => run('vite', ['build', '--config', 'src/tab/vite.config.ts']),
  },
  {
    name: 'template',
    output: join(root, 'dist', 'pglite-template', 'template.json'),
    // Redone when its code changes or another PGlite version is installed (template.json).
    inputs: () => [join(src, 'platform', 'db', 'pglite-template.ts'), join(root, 'scripts', 'pglite-template.mjs')],
    stale: () => !templateOk(),
    build: () => run(process.execPath, [join(root, 'scripts', 'pglite-template.mjs')]),
  },
];

if (args.includes("--list-tab-inputs")) { console.log(tabInputs().map((f) => relative(root, f)).join("\n")); process.exit(0); }
mkdirSync(stampDir, { recursive: true });
for (const part of parts) {
  const stamp = join(stampDir, `${part.name}.stamp`);
  if (ifStale || checkOnly) {
    const built = existsSync(part.output) ? mtime(stamp) : 0;
    let newest = 0;
    let newestFile = '';
    for (const f of part.inputs()) {
      const m = mtime(f);
      if (m > newest) [newest, newestFile] = [m, f];
    }
    if (built > 0 && newest <= built && !part.stale?.()) continue;
    const why = built === 0 ? 'ikke bygget' : part.stale?.() ? 'utdatert' : `endret: ${relative(root, newestFile)}`;
    console.log(`build: ${part.name} (${why})`);
    if (checkOnly) {
      process.exitCode = 1;
      continue;
    }
  }
  const started = new Date();
  part.build();
  writeFileSync(stamp, `${relative(root, part.output)}\n`);
  utimesSync(stamp, started, started);
}
