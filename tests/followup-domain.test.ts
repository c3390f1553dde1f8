/**
 * The pure rules of «Hvem har ikke svart» (issue 13): grouping per municipality, the interval
 * between follow-up reminders, and the tab's strings for it in all three languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOLLOWUP_INTERVAL_MS, groupByMunicipality, nextFollowupAllowedAt, type NonAnswerer } from '../src/followup/domain/followup.js';

const person = (name: string, municipalityName: string | null, reach: NonAnswerer['reach'] = 'far'): NonAnswerer => ({
  memberId: name,
  name,
  municipalityNumber: municipalityName ? municipalityName.slice(0, 4).padEnd(4, '0') : null,
  municipalityName,
  reach,
});

describe('follow-up domain', () => {
  it('groups per municipality in Norwegian order, names sorted, people without a municipality last', () => {
    const groups = groupByMunicipality([person('Åse', 'Ås'), person('Ola', 'Asker'), person('Bente', 'Asker', 'avmeldt'), person('Gjest', null), person('Øyvind', 'Bærum')]);
    expect(groups.map((g) => g.municipalityName)).toEqual(['Asker', 'Bærum', 'Ås', null]);
    expect(groups[0]!.people.map((p) => [p.name, p.reach])).toEqual([['Bente', 'avmeldt'], ['Ola', 'far']]);
  });

  it('allows the next follow-up only once the interval has passed', () => {
    const at = new Date('2026-12-03T10:00:00Z');
    expect(nextFollowupAllowedAt(undefined, at)).toBeUndefined();
    expect(nextFollowupAllowedAt(at, new Date(at.getTime() + 60_000))).toEqual(new Date(at.getTime() + FOLLOWUP_INTERVAL_MS));
    expect(nextFollowupAllowedAt(at, new Date(at.getTime() + FOLLOWUP_INTERVAL_MS))).toBeUndefined();
  });

  it('has the tab strings in bokmål, nynorsk and English, with the same keys and placeholders', () => {
    const section = (lang: string) => JSON.parse(readFileSync(new URL(`../src/tab/locales/${lang}.json`, import.meta.url), 'utf8')).followup;
    const leaves = (o: Record<string, unknown>, prefix = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const nb = new Map(leaves(section('nb')));
    expect(nb.size).toBeGreaterThan(10);
    for (const lang of ['nn', 'en']) {
      const other = new Map(leaves(section(lang)));
      expect([...other.keys()].sort()).toEqual([...nb.keys()].sort());
      for (const [key, text] of other) {
        expect(text.trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(nb.get(key)!));
      }
    }
    // Nynorsk, not bokmål with a new label.
    expect(section('nn').show).toBe('Kven har ikkje svart?');
  });
});
