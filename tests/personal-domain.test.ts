/** The personal view's pure rules (src/personal/domain): whose sessions, at whose time, in which order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comingSessions, dueSoonestFirst, soonestFirst } from '../src/personal/domain/personal.js';
import type { PlanItem } from '../src/shared/types.js';

const at = (iso: string) => new Date(iso);
const item = (id: string, kind: PlanItem['kind'], start: string, end: string): PlanItem => ({
  id,
  networkId: 'n',
  kind,
  title: id,
  agenda: null,
  startsAt: at(start),
  endsAt: at(end),
  format: 'digital',
  responsibleBody: null,
  meetingUrl: null,
});
const now = at('2026-09-01T08:00:00Z');

describe('comingSessions', () => {
  it('keeps meetings not yet over, including one under way, and leaves mellomarbeid out', () => {
    const items = [
      item('over', 'samling', '2026-08-18T08:00:00Z', '2026-08-18T10:00:00Z'),
      item('running', 'webinar', '2026-09-01T07:30:00Z', '2026-09-01T09:00:00Z'),
      item('work', 'mellomarbeid', '2026-09-02T08:00:00Z', '2026-09-03T08:00:00Z'),
      item('next', 'samling', '2026-09-16T08:00:00Z', '2026-09-16T12:00:00Z'),
    ];
    expect(comingSessions(items, [], '3201', now).map((s) => s.item.id)).toEqual(['running', 'next']);
  });

  it('gives a veiledning per municipality at her own slot, and leaves it out without one', () => {
    const v = item('veiledning', 'veiledning', '2026-09-02T07:00:00Z', '2026-09-04T15:00:00Z');
    const slots = [
      { planItemId: 'veiledning', municipalityNumber: '3203', startsAt: at('2026-09-02T07:00:00Z'), endsAt: at('2026-09-02T08:30:00Z') },
      { planItemId: 'veiledning', municipalityNumber: '3201', startsAt: at('2026-09-04T07:00:00Z'), endsAt: at('2026-09-04T08:30:00Z') },
    ];
    const mine = comingSessions([v], slots, '3201', now);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.startsAt.toISOString()).toBe('2026-09-04T07:00:00.000Z');
    expect(comingSessions([v], slots, '0301', now)).toEqual([]);
    expect(comingSessions([v], slots, null, now)).toEqual([]);
  });
});

describe('ordering', () => {
  it('soonestFirst sorts by start and keeps at most the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.date({ noInvalidDate: true }), { maxLength: 30 }), fc.integer({ min: 0, max: 10 }), (dates, max) => {
        const out = soonestFirst(dates.map((startsAt) => ({ startsAt })), max);
        expect(out.length).toBe(Math.min(max, dates.length));
        for (let i = 1; i < out.length; i++) expect(out[i - 1]!.startsAt.getTime()).toBeLessThanOrEqual(out[i]!.startsAt.getTime());
      }),
    );
  });

  it('dueSoonestFirst puts what still needs doing first, each part by due time', () => {
    const tasks = [
      { id: 'a', dueAt: at('2026-09-03T00:00:00Z'), done: true },
      { id: 'b', dueAt: at('2026-09-05T00:00:00Z'), done: false },
      { id: 'c', dueAt: at('2026-09-02T00:00:00Z'), done: false },
      { id: 'd', dueAt: at('2026-09-01T00:00:00Z'), done: true },
    ];
    expect(dueSoonestFirst(tasks).map((t) => t.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
