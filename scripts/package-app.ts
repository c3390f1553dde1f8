/**
 * `npm run package`: builds appPackage/build/appPackage.<env>.zip for TEAMSFX_ENV (default local)
 * from env/.env.<env>, with the process environment taking precedence (CI sets secrets-free
 * values there). Teams Toolkit's own teamsApp/zipAppPackage does the same during provision;
 * this script gives the same result offline and with schema errors spelled out.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackageError, UnresolvedPlaceholderError, packageApp, parseEnvFile } from './app-package.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const envName = process.env.TEAMSFX_ENV?.trim() || 'local';
  if (!/^[a-z0-9-]+$/i.test(envName)) {
    console.error(`Ugyldig TEAMSFX_ENV «${envName}» / invalid TEAMSFX_ENV`);
    return 2;
  }
  const envFile = join(root, 'env', `.env.${envName}`);
  if (!existsSync(envFile)) {
    console.error(
      `Fant ikke ${relative(root, envFile)}. Kopier env/.env.${envName}.example dit og fyll inn verdiene.\n` +
        `${relative(root, envFile)} not found. Copy env/.env.${envName}.example and fill in the values.`,
    );
    return 2;
  }
  const vars = { TEAMSFX_ENV: envName, ...parseEnvFile(readFileSync(envFile, 'utf8')), ...process.env };

  try {
    const result = await packageApp(join(root, 'appPackage'), envName, vars);
    const out = join(root, 'appPackage', 'build', `appPackage.${envName}.zip`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.zip);
    for (const w of result.warnings) console.warn(`Advarsel / warning: ${w}`);
    console.log(`Skrev / wrote ${relative(root, out)} (${result.zip.length} byte)`);
    return 0;
  } catch (err) {
    if (err instanceof UnresolvedPlaceholderError || err instanceof PackageError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
