/**
 * `npm run bench [-- scenario …] [flags]`: startup, memory, votes, queries and fanout by default, in that
 * order. Prints figures and ratios against a baseline (and for votes, a floor) measured in the
 * same run, so numbers from different machines can still be compared.
 */
import { fanout } from './fanout.js';
import { memory } from './memory.js';
import { startup } from './startup.js';
import { votes } from './votes.js';
import { countQueriesPerVote } from './vote-queries.js';
import { profileVotes } from './vote-profile.js';

const queries = async () => console.log(await countQueriesPerVote());
const scenarios: Record<string, () => Promise<void>> = { startup, memory, votes, queries, fanout, profile: profileVotes };
/** Run by name only: the profiler slows what it measures. */
const byDefault = ['startup', 'memory', 'votes', 'queries', 'fanout'];

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = requested.length > 0 ? requested : byDefault;
for (const name of names) {
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`Ukjent scenario «${name}». Finnes: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  const started = performance.now();
  await scenario();
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
