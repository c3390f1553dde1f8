/**
 * `npm run bench [-- scenario]`. Prints figures and ratios against a baseline measured in the
 * same run, so numbers from different machines can still be compared.
 */
import { fanout } from './fanout.js';
import { startup } from './startup.js';
import { votes } from './votes.js';

const scenarios: Record<string, () => Promise<void>> = { startup, fanout, votes };

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = requested.length > 0 ? requested : Object.keys(scenarios);
for (const name of names) {
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`Ukjent scenario «${name}». Finnes: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  await scenario();
}
