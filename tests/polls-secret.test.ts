import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../src/app/app.js';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { pollKeys } from '../src/polls/secret.js';
import { PRODUCTION_REQUIRED } from './helpers/production-env.js';

const production = PRODUCTION_REQUIRED;

describe('the poll key', () => {
  it('is required in production mode, and must be long', () => {
    expect(() => loadConfig(production)).toThrow(/POLL_HASH_SECRET: mangler/);
    expect(() => loadConfig({ ...production, POLL_HASH_SECRET: 'kort' })).toThrow(ConfigError);
    expect(loadConfig({ ...production, POLL_HASH_SECRET: 'x'.repeat(32) }).polls.hashSecret).toBe('x'.repeat(32));
    expect(loadConfig({}).polls).toEqual({ hashSecret: undefined, cardUpdateDelayMs: 1500 });
  });

  it('derives separate voter keys and card signatures', () => {
    const a = pollKeys(Buffer.from('a'.repeat(32)));
    const b = pollKeys(Buffer.from('b'.repeat(32)));
    const key = a.voterKey('poll-1', 'TENANT', 'AAD-1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(a.voterKey('poll-1', 'tenant', 'aad-1')).toBe(key); // case of the ids does not matter
    expect(a.voterKey('poll-2', 'tenant', 'aad-1')).not.toBe(key); // before and after cannot be linked
    expect(b.voterKey('poll-1', 'tenant', 'aad-1')).not.toBe(key);
    const sig = a.sign('maling.svar', 'poll-1');
    expect(a.verify('maling.svar', 'poll-1', sig)).toBe(true);
    expect(a.verify('maling.lukk', 'poll-1', sig)).toBe(false);
    expect(a.verify('maling.svar', 'poll-2', sig)).toBe(false);
    expect(b.verify('maling.svar', 'poll-1', sig)).toBe(false);
    expect(a.verify('maling.svar', 'poll-1', 42)).toBe(false);
    expect(key.startsWith(sig)).toBe(false);
  });

  it('refuses a signature of the wrong length or with non-ASCII characters instead of throwing', () => {
    const keys = pollKeys(Buffer.from('a'.repeat(32)));
    const sig = keys.sign('maling.svar', 'poll-1');
    // 22 characters but more than 22 bytes: timingSafeEqual would throw a RangeError on these.
    for (const forged of ['é'.repeat(22), `${sig.slice(0, 21)}ø`, `${sig.slice(0, 20)}😀`, sig.slice(0, 21), `${sig}x`, '', '\u0000'.repeat(22), '\uD800'.repeat(22), [sig], null]) {
      expect(() => keys.verify('maling.svar', 'poll-1', forged)).not.toThrow();
      expect(keys.verify('maling.svar', 'poll-1', forged)).toBe(false);
    }
    expect(keys.verify('maling.svar', 'poll-1', sig)).toBe(true);
  });

  it('is generated once in local mode and survives a restart, so posted cards stay valid', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samlingspunkt-pollkey-'));
    try {
      const start = () => startApp({ env: { APP_MODE: 'local', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
      const first = await start();
      const sig = (await first.polls.keys()).sign('maling.svar', 'p');
      const stored = await first.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM local_secret`);
      await first.close();
      const second = await start();
      expect((await second.polls.keys()).sign('maling.svar', 'p')).toBe(sig);
      expect(stored.rows[0]!.n).toBe(1);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
