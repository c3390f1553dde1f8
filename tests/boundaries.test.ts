/**
 * The boundary check itself: it must find what it is there to find (a cycle between two
 * folders, SQL outside a sql module), and find nothing in today's tree. `npm test` also runs
 * it as a command, so a violation fails CI with the rule and its reason.
 */
import { describe, expect, it } from 'vitest';
import { checkBoundaries, folderCycles, folderOf, sqlOutsideSqlModules } from '../scripts/check-boundaries.js';
import { projectRoot } from '../src/platform/paths.js';

const graph = (edges: [string, string][]) => {
  const map = new Map<string, Map<string, string>>();
  for (const [a, b] of edges) {
    if (!map.has(a)) map.set(a, new Map());
    map.get(a)!.set(b, `src/${a}/x.ts → src/${b}/y.ts`);
  }
  return map;
};

describe('boundary check', () => {
  it('names the folder of a module: a capability, or one part of the platform', () => {
    expect(folderOf('src/polls/sql/votes.ts')).toBe('polls');
    expect(folderOf('src/platform/teams/sender.ts')).toBe('platform/teams');
    expect(folderOf('src/main.ts')).toBeUndefined();
    expect(folderOf('node_modules/restify/lib/index.js')).toBeUndefined();
  });

  it('finds a cycle between folders even when no module cycle exists, and says which imports close it', () => {
    const found = folderCycles(graph([['plan', 'reminders'], ['reminders', 'plan'], ['polls', 'plan']]));
    expect(found).toHaveLength(1);
    expect(found[0]!.rule).toBe('no-folder-cycles');
    expect(found[0]!.where).toContain('plan → reminders (src/plan/x.ts → src/reminders/y.ts)');
    expect(found[0]!.where).not.toContain('polls');
    expect(folderCycles(graph([['polls', 'plan'], ['plan', 'shared'], ['polls', 'shared']]))).toEqual([]);
  });

  it('finds SQL outside a sql module, but not in one, nor in comments', () => {
    const files = new Map([
      ['src/reminders/engine.ts', 'const x = 1;\nawait db.query(`SELECT id FROM reminder WHERE id = $1`, [id]);'],
      ['src/reminders/sql/reminders.ts', 'await db.query(`DELETE FROM reminder WHERE id = $1`, [id]);'],
      ['src/polls/service.ts', '// SELECT * FROM poll is what the cache saves\n/* UPDATE poll SET x */ const y = 2;'],
    ]);
    const found = sqlOutsideSqlModules(files);
    expect(found.map((v) => v.where)).toEqual(['src/reminders/engine.ts:2: await db.query(`SELECT id FROM reminder WHERE id = $1`, [id]);']);
  });

  it('finds no violation in the tree as it is', () => {
    const violations = checkBoundaries(projectRoot);
    expect(violations.map((v) => `${v.rule}: ${v.where}`)).toEqual([]);
  });
});
