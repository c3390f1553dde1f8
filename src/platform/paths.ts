import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same module runs from src/ (tsx, vitest) and from dist/src/ (node): find the
// package root by walking up instead of hard-coding a depth.
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Fant ikke prosjektets rotmappe (package.json)');
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const migrationsDir = join(projectRoot, 'src', 'platform', 'db', 'migrations');
export const domainDataDir = join(projectRoot, 'src', 'reference', 'data');
export const tabDistDir = join(projectRoot, 'dist', 'tab');
