/**
 * The code's map, checked (`npm run check:boundaries`, part of `npm test`):
 * 1. dependency-cruiser with the rules in .dependency-cruiser.cjs (who may import what);
 * 2. no cycles between folders (a capability, or one platform part) — dependency-cruiser sees
 *    only cycles between modules, and two folders can lean on each other without one;
 * 3. SQL only in a capability's sql module (`…/sql/…`) or the database platform (migrations).
 * Each violation prints the rule and why it exists, so the fix is clear from CI's log alone.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Violation {
  rule: string;
  why: string;
  where: string;
}

/** The unit that must not take part in a cycle: src/<capability>, or src/platform/<part>. */
export function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return undefined;
  if (parts[1] === 'platform' && parts.length > 3) return `platform/${parts[2]}`;
  return parts[1];
}

/** Strongly connected groups of folders with more than one member (Tarjan), each with one witness edge per pair. */
export function folderCycles(edges: ReadonlyMap<string, ReadonlyMap<string, string>>): Violation[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups.map((group) => {
    const cycles = shortestCycles(group, edges);
    return {
      rule: 'no-folder-cycles',
      why: 'Folders depend on each other in one direction only; a cycle means two folders are really one, or a port (an interface in src/shared, wired in src/app) is missing.',
      where: `${group.join(', ')}:\n      ${cycles.join('\n      ')}`,
    };
  });
}

/** The shortest way round from each folder of a group back to itself: the edges to cut, with one import each. */
function shortestCycles(group: string[], edges: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  const inGroup = new Set(group);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const start of group) {
    const previous = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    while (queue.length && !closing) {
      const v = queue.shift()!;
      for (const w of edges.get(v)?.keys() ?? []) {
        if (!inGroup.has(w)) continue;
        if (w === start) {
          closing = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    if (!closing) continue;
    const path = [closing];
    while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
    const key = [...path].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const hops = path.map((from, i) => {
      const to = path[(i + 1) % path.length]!;
      return `${from} → ${to} (${edges.get(from)!.get(to)})`;
    });
    out.push(hops.join('; '));
  }
  return out;
}

// A statement keyword followed by what only SQL has there; comments are removed first.
const SQL_PATTERN = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|SCHEMA)|ALTER\s+TABLE|DROP\s+TABLE|WITH\s+\w+\s+AS\s*\()/;

/** Where SQL may be written: a capability's sql module, and the database platform (migrations, drivers). */
export function mayHoldSql(path: string): boolean {
  return /\/sql\//.test(path) || /\/sql\.ts$/.test(path) || path.startsWith('src/platform/db/') || path.startsWith('src/platform/jobs/');
}

export function sqlOutsideSqlModules(files: ReadonlyMap<string, string>): Violation[] {
  const found: Violation[] = [];
  for (const [path, text] of files) {
    if (mayHoldSql(path) || path.startsWith('src/tab/')) continue;
    const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:])\/\/.*$/gm, '$1');
    code.split('\n').forEach((line, i) => {
      if (SQL_PATTERN.test(line)) {
        found.push({
          rule: 'sql-only-in-sql-modules',
          why: 'SQL lives in named, parameterised functions in the capability\'s sql/ folder, so every query is found, reviewed and tested in one place per capability.',
          where: `${path}:${i + 1}: ${line.trim().slice(0, 100)}`,
        });
      }
    });
  }
  return found;
}

interface CruiseOutput {
  modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[];
  summary: { violations: { from: string; to: string; rule: { name: string; severity: string }; cycle?: { name: string }[] }[] };
}

function listTs(dir: string, root: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listTs(full, root, out);
    else if (/\.tsx?$/.test(name)) out.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

export function checkBoundaries(root: string): Violation[] {
  const json = execFileSync(join(root, 'node_modules', '.bin', 'depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  }).toString();
  const cruise = JSON.parse(json) as CruiseOutput;
  // Rule comments are in the config; dependency-cruiser's JSON names only the rule.
  const rules = (cruise as unknown as { summary: { ruleSetUsed: { forbidden: { name: string; comment?: string }[] } } }).summary.ruleSetUsed.forbidden;
  const why = new Map(rules.map((r) => [r.name, r.comment ?? '']));
  const violations: Violation[] = cruise.summary.violations
    .filter((v) => v.rule.severity === 'error')
    .map((v) => ({
      rule: v.rule.name,
      why: why.get(v.rule.name) ?? '',
      where: v.cycle ? `${v.from} → ${v.cycle.map((c) => c.name).join(' → ')}` : `${v.from} → ${v.to}`,
    }));

  const edges = new Map<string, Map<string, string>>();
  for (const module of cruise.modules) {
    const from = folderOf(module.source);
    if (!from || from === 'tab') continue;
    for (const dep of module.dependencies) {
      const to = folderOf(dep.resolved);
      if (!to || to === from || to === 'tab') continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${module.source} → ${dep.resolved}`);
    }
  }
  violations.push(...folderCycles(edges));
  violations.push(...sqlOutsideSqlModules(listTs(join(root, 'src'), root)));
  return violations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const violations = checkBoundaries(root);
  if (violations.length === 0) {
    console.log('Grensene holder: ingen brudd på reglene i .dependency-cruiser.cjs, ingen mappesykluser, SQL bare i sql-moduler.');
  } else {
    for (const v of violations) console.error(`✗ ${v.rule}: ${v.where}\n    why: ${v.why}`);
    console.error(`\n${violations.length} grensebrudd. Reglene og begrunnelsene står i .dependency-cruiser.cjs og scripts/check-boundaries.ts.`);
    process.exit(1);
  }
}
