/** The tab's one wall-time → instant converter (src/tab/oslo-time.ts), across both DST changes. */
import { describe, expect, it } from 'vitest';
import { localInputToIso, wallTimeToIso } from '../src/tab/oslo-time.js';

describe('Oslo wall time to an ISO instant', () => {
  it('reads a date and a time as Oslo time, winter and summer', () => {
    expect(wallTimeToIso('2026-12-01', '16:00')).toBe('2026-12-01T15:00:00.000Z');
    expect(wallTimeToIso('2026-06-15', '10:00')).toBe('2026-06-15T08:00:00.000Z');
  });

  it('settles the offset on both sides of a DST change', () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    expect(wallTimeToIso('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(wallTimeToIso('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeToIso('2026-10-25', '01:30')).toBe('2026-10-24T23:30:00.000Z');
    expect(wallTimeToIso('2026-10-25', '04:00')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('takes a datetime-local value and another zone when told', () => {
    expect(localInputToIso('2026-09-16T10:00')).toBe('2026-09-16T08:00:00.000Z');
    expect(localInputToIso('2026-09-16T10:00', 'UTC')).toBe('2026-09-16T10:00:00.000Z');
  });

  it('refuses what is not a wall time', () => {
    expect(wallTimeToIso('2026-12-1', '16:00')).toBeNull();
    expect(wallTimeToIso('2026-12-01', '1600')).toBeNull();
    expect(localInputToIso('2026-09-16 10:00')).toBeNull();
    expect(localInputToIso('2026-09-16T10:00:30')).toBeNull();
    expect(localInputToIso('')).toBeNull();
  });
});
