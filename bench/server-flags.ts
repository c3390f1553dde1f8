/**
 * The Node flags `npm start` runs the server with (package.json's start script; tests/infra.test.ts
 * checks they match), so the bench measures what runs.
 * - DEP0111: restify reads `process.binding('http_parser')`, a warning on every start.
 * - `--v8-pool-size=1`: one V8 worker thread instead of one per core. Each worker thread that
 *   compiles or collects gets its own malloc arena, which keeps what it once used: an idle
 *   instance's RSS varied from 232 to 265 MiB between starts with two, and stayed at 214–219 MiB
 *   with one (`/proc/<pid>/smaps`: the difference is in those 64 MiB-aligned arenas, not in the
 *   JS heap or PGlite's WASM memory).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--disable-warning=DEP0111', '--v8-pool-size=1'];
