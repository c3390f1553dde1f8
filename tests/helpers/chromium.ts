import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package; playwright-core brings no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const required = () => process.env.REQUIRE_ALL_TESTS === '1';

/**
 * Whether a browser suite should run. Without Chromium it is skipped loudly, unless
 * REQUIRE_ALL_TESTS=1: then it runs, and launchChromium() fails it with the reason.
 */
export function chromiumSuiteEnabled(suite: string): boolean {
  if (existsSync(CHROMIUM_PATH) || required()) return true;
  console.warn(
    `\n!!! ${suite}: SKIPPED — ${CHROMIUM_PATH} not found. ` +
      'Install Debian\'s "chromium" package to run browser tests; REQUIRE_ALL_TESTS=1 turns this skip into a failure.\n',
  );
  return false;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH} (REQUIRE_ALL_TESTS=1 forbids skipping). ` +
        'Install it with: apt-get install chromium',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
