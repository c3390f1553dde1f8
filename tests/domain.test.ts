import { describe, expect, it } from 'vitest';
import { commandTable } from '../src/app/bot-commands.js';
import { routeCommand } from '../src/shared/bot/routes.js';
import { demoData } from '../src/demo/demo.js';
import { addOsloDays, formatOsloRange, osloInstant } from '../src/shared/time.js';

describe('Oslo time', () => {
  it('keeps 09:00 local on both sides of the spring and autumn DST changes', () => {
    expect(osloInstant('2026-03-28', '09:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(osloInstant(addOsloDays('2026-03-28', 1), '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(osloInstant('2026-10-24', '09:00').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(osloInstant(addOsloDays('2026-10-24', 1), '09:00').toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('formats a range in Norwegian', () => {
    expect(formatOsloRange(new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T11:00:00Z'))).toBe('Tir. 1. desember kl. 10.00–12.00');
  });
});

describe('demo plan', () => {
  it('keeps seed 000’s weekdays and gaps, starting on a Tuesday at least four days ahead', () => {
    for (const today of ['2026-11-27T12:00:00Z', '2026-12-01T06:00:00Z', '2027-03-25T12:00:00Z']) {
      const now = new Date(today);
      const plan = demoData(now).planItems;
      const first = plan[0]!.startsAt;
      expect(first.getTime() - now.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000);
      const days = plan.map((p) => Math.round((p.startsAt.getTime() - first.getTime()) / 86_400_000));
      expect(days).toEqual([0, 1, 3, 10, 15, 29]);
      expect(formatOsloRange(plan[0]!.startsAt, plan[0]!.endsAt)).toMatch(/^Tir\. .* kl\. 10\.00–12\.00$/);
    }
  });
});

describe('command routing', () => {
  it('routes Norwegian words and English aliases, case-insensitively, keeping arguments', () => {
    expect(routeCommand(commandTable, 'plan')?.command.verb).toBe('plan');
    expect(routeCommand(commandTable, 'Aktivitetsplan')?.command.verb).toBe('plan');
    expect(routeCommand(commandTable, 'help')?.command.verb).toBe('hjelp');
    expect(routeCommand(commandTable, 'plan neste uke')?.args).toBe('neste uke');
    expect(routeCommand(commandTable, 'planlegg')).toBeUndefined();
    expect(routeCommand(commandTable, '')).toBeUndefined();
  });
});
